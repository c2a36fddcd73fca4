// The words the demo's partners are built from: bilingual name parts, park locations and "about"
// templates. Every name is assembled from invented parts (a place, a word, a kind of firm), so no
// demo partner carries a real firm's name. Pure data; follow-on.ts combines it.
import type { CustomerKind, FundingStage, ParkSupport, Region } from "../../app/domain/partner-vocabulary";
import type { Bilingual } from "./vocabulary";

function pairs(text: string): Bilingual[] {
  return text.split("|").map((pair) => {
    const [zh, en] = pair.split(":");
    return { zh: zh!.trim(), en: en!.trim() };
  });
}

/** Places a fund or a corporate names itself after. */
export const NAME_PLACES = pairs(
  "中关村:ZGC|海淀:Haidian|亦庄:Yizhuang|未来城:Future City|张江:Zhangjiang|临港:Lingang|漕河泾:Caohejing|前海:Qianhai|南山:Nanshan|松山湖:Songshan Lake|光谷:Optics Valley|天府:Tianfu|滨江:Binjiang|金鸡湖:Jinji Lake|雄安:Xiong'an|蜀山:Shushan|岳麓:Yuelu|曲江:Qujiang|琶洲:Pazhou|横琴:Hengqin",
);

/** The invented word in the middle of a name. */
export const NAME_WORDS = pairs(
  "前沿:Frontier|启元:Qiyuan|远见:Farsight|拓界:Boundary|星图:Starmap|微光:Glimmer|恒原:Hengyuan|澄明:Clearlight|砺石:Whetstone|知行:Zhixing|极客:Geekstone|锐川:Ruichuan|青岚:Qinglan|云帆:Cloudsail|致远:Zhiyuan|北辰:Polaris|弘毅:Hongyi|深研:Deep Research|鸿途:Hongtu|晨岳:Chenyue",
);

export const INVESTOR_TYPES = pairs(
  "创投:Ventures|资本:Capital|科创基金:Tech Fund|天使基金:Angel Fund|硬科技基金:Deep Tech Fund|产业投资:Industrial Investment|成长基金:Growth Fund",
);

export const CORPORATE_TYPES = pairs(
  "科技集团:Technology Group|智能制造:Intelligent Manufacturing|能源集团:Energy Group|医疗科技:Medical Technology|数字科技:Digital Technology|通信技术:Communications|新材料股份:Advanced Materials|控股集团:Holdings",
);

export const PARK_TYPES = pairs(
  "科技园:Science Park|孵化器:Incubator|加速器:Accelerator|创新中心:Innovation Centre|产业园:Industrial Park|众创空间:Maker Space",
);

/** Where parks are: city and district (stored in English, as partners type them), and the region they serve. */
export type ParkPlace = { city: Bilingual; district: Bilingual; region: Region; weight: number };
const place = (city: string, district: string, region: Region, weight: number): ParkPlace => {
  const [c] = pairs(city);
  const [d] = pairs(district);
  return { city: c!, district: d!, region, weight };
};
export const PARK_PLACES: readonly ParkPlace[] = [
  place("北京:Beijing", "海淀:Haidian", "CN-N", 5),
  place("北京:Beijing", "亦庄:Yizhuang", "CN-N", 3),
  place("北京:Beijing", "昌平:Changping", "CN-N", 2),
  place("天津:Tianjin", "滨海新区:Binhai", "CN-N", 1),
  place("雄安:Xiong'an", "容东:Rongdong", "CN-N", 1),
  place("上海:Shanghai", "张江:Zhangjiang", "CN-E", 4),
  place("上海:Shanghai", "临港:Lingang", "CN-E", 2),
  place("杭州:Hangzhou", "滨江:Binjiang", "CN-E", 2),
  place("苏州:Suzhou", "工业园区:Suzhou Industrial Park", "CN-E", 2),
  place("合肥:Hefei", "高新区:Hi-tech Zone", "CN-E", 2),
  place("南京:Nanjing", "江北新区:Jiangbei", "CN-E", 1),
  place("深圳:Shenzhen", "南山:Nanshan", "CN-S", 4),
  place("深圳:Shenzhen", "前海:Qianhai", "CN-S", 1),
  place("广州:Guangzhou", "黄埔:Huangpu", "CN-S", 2),
  place("东莞:Dongguan", "松山湖:Songshan Lake", "CN-S", 1),
  place("珠海:Zhuhai", "横琴:Hengqin", "CN-S", 1),
  place("武汉:Wuhan", "东湖高新区:East Lake Hi-tech Zone", "CN-C", 2),
  place("长沙:Changsha", "岳麓:Yuelu", "CN-C", 1),
  place("成都:Chengdu", "天府新区:Tianfu New Area", "CN-SW", 2),
  place("重庆:Chongqing", "两江新区:Liangjiang", "CN-SW", 1),
  place("西安:Xi'an", "高新区:Hi-tech Zone", "CN-NW", 1),
  place("沈阳:Shenyang", "浑南:Hunnan", "CN-NE", 1),
];

/** What a park's people are called, and an investor's, and a corporate's. */
export const TITLES = {
  investor: pairs("投资总监:Investment Director|合伙人:Partner|投资经理:Investment Manager|副总裁:Vice President"),
  park: pairs("招商总监:Head of Tenant Relations|园区运营经理:Park Operations Manager|孵化器主任:Incubator Director"),
  corporate: pairs(
    "战略合作总监:Head of Strategic Partnerships|创新业务经理:Innovation Manager|采购技术负责人:Technical Procurement Lead",
  ),
} as const;

/** Ticket ranges by the earliest stage an investor takes, in 万元 (CNY ten-thousands). */
export const TICKETS: Readonly<Record<FundingStage, readonly [number, number][]>> = {
  seed: [
    [50, 300],
    [100, 500],
  ],
  angel: [
    [100, 800],
    [200, 1000],
  ],
  "pre-A": [
    [300, 2000],
    [500, 3000],
  ],
  A: [
    [1000, 5000],
    [800, 6000],
  ],
  B: [
    [3000, 15000],
    [5000, 20000],
  ],
  growth: [
    [10000, 50000],
    [20000, 80000],
  ],
};

/** What an entry at each stage typically asks for, in 万元: [from, to], rounded to 50. */
export const ASKS: Readonly<Record<FundingStage, readonly [number, number]>> = {
  seed: [50, 400],
  angel: [150, 900],
  "pre-A": [400, 2500],
  A: [1000, 5000],
  B: [3000, 15000],
  growth: [10000, 40000],
};

/** Shares of the stages among entries that ask for financing: most finalist-round teams are early. */
export const STAGE_WEIGHTS: Readonly<Record<FundingStage, number>> = {
  seed: 14,
  angel: 22,
  "pre-A": 26,
  A: 22,
  B: 11,
  growth: 5,
};

export const SUPPORT_WORDS: Readonly<Record<ParkSupport, Bilingual>> = {
  office: { zh: "办公空间", en: "offices" },
  lab: { zh: "共享实验室", en: "shared labs" },
  factory: { zh: "中试厂房", en: "pilot-production halls" },
  incubation: { zh: "孵化服务", en: "incubation services" },
  policy: { zh: "政策申报", en: "help with public programmes" },
  talent: { zh: "人才公寓", en: "talent housing" },
  financing: { zh: "园区基金", en: "a park fund" },
};

export const CUSTOMER_WORDS: Readonly<Record<CustomerKind, Bilingual>> = {
  enterprise: { zh: "大型企业", en: "large enterprises" },
  smb: { zh: "中小企业", en: "small and mid-sized firms" },
  consumer: { zh: "消费者", en: "consumers" },
  government: { zh: "政府与公共部门", en: "government and public bodies" },
  healthcare: { zh: "医疗机构", en: "hospitals and clinics" },
  education: { zh: "教育机构", en: "schools and universities" },
  manufacturing: { zh: "制造企业", en: "manufacturers" },
  energy: { zh: "能源企业", en: "energy companies" },
  finance: { zh: "金融机构", en: "banks and insurers" },
};

/** The customer kinds a track's entries most often sell to: corporates and needs are drawn from them. */
export const TRACK_CUSTOMERS: Readonly<Record<string, readonly CustomerKind[]>> = {
  QI: ["finance", "government", "enterprise", "energy"],
  PC: ["enterprise", "manufacturing", "finance"],
  MV: ["consumer", "education", "enterprise"],
  "6G": ["enterprise", "government", "manufacturing"],
  BCI: ["healthcare", "consumer", "education"],
  EAI: ["manufacturing", "enterprise", "smb", "healthcare"],
  LLM: ["enterprise", "smb", "finance", "education", "government"],
  SB: ["healthcare", "manufacturing", "consumer"],
  NM: ["manufacturing", "energy", "enterprise"],
  CE: ["energy", "government", "manufacturing"],
  BM: ["healthcare", "consumer"],
  SP: ["government", "enterprise", "energy"],
};

export const STAGE_WORDS: Readonly<Record<FundingStage, Bilingual>> = {
  seed: { zh: "种子轮", en: "seed" },
  angel: { zh: "天使轮", en: "angel" },
  "pre-A": { zh: "Pre-A轮", en: "pre-A" },
  A: { zh: "A轮", en: "Series A" },
  B: { zh: "B轮", en: "Series B" },
  growth: { zh: "成长期", en: "growth" },
};
