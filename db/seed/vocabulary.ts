// The words the demo competition is built from: bilingual, per track and per country, so the
// generated entries read like real ones (no lorem ipsum). Pure data; generate.ts combines it.

export type Bilingual = { zh: string; en: string };

export type TrackDef = {
  code: string;
  name: Bilingual;
  subjects: Bilingual[];
  methods: Bilingual[];
  applications: Bilingual[];
  orgWords: Bilingual[];
};

export type NameCulture =
  | "zh"
  | "zh-hk"
  | "ja"
  | "ko"
  | "en"
  | "de"
  | "fr"
  | "es"
  | "pt"
  | "it"
  | "nl"
  | "nordic"
  | "slavic"
  | "ar"
  | "he"
  | "hi"
  | "sea"
  | "tr"
  | "fa"
  | "african";

export type GroupDef = {
  code: string;
  name: Bilingual;
  region: "domestic" | "overseas";
  countries: readonly string[];
  cities: readonly Bilingual[];
};

export type CountryDef = { code: string; weight: number; cities: readonly Bilingual[]; culture: NameCulture };

export type OrgPattern = { kind: "university" | "institute" | "company" | "hospital" | "lab"; zh: string; en: string };

/** "中文:English|中文:English" → Bilingual[]: keeps the long lists below readable. */
function pairs(text: string): Bilingual[] {
  return text.split("|").map((pair) => {
    const [zh, en] = pair.split(":");
    return { zh: zh!.trim(), en: en!.trim() };
  });
}

function track(
  code: string,
  zh: string,
  en: string,
  lists: { subjects: string; methods: string; applications: string; orgWords: string },
): TrackDef {
  return {
    code,
    name: { zh, en },
    subjects: pairs(lists.subjects),
    methods: pairs(lists.methods),
    applications: pairs(lists.applications),
    orgWords: pairs(lists.orgWords),
  };
}

export const TRACKS: readonly TrackDef[] = [
  track("QI", "量子信息", "Quantum Information", {
    subjects:
      "超导量子比特:superconducting qubits|离子阱量子处理器:trapped-ion quantum processor|量子密钥分发网络:quantum key distribution network|光量子纠缠源:photonic entanglement source|量子纠错编码:quantum error-correcting code|金刚石色心传感器:diamond NV-centre sensor|中性原子阵列:neutral-atom array|量子随机数发生器:quantum random number generator",
    methods:
      "低温控制芯片:cryogenic control chips|拓扑纠错算法:topological error correction|集成光子读出:integrated photonic readout|机器学习校准:machine-learning calibration|片上微波谐振腔:on-chip microwave resonators|时间分复用架构:time-multiplexed architecture",
    applications:
      "药物分子模拟:drug molecule simulation|金融风险优化:financial risk optimisation|城域保密通信:metropolitan secure communication|精密磁场测量:precision magnetometry|电网调度优化:power-grid scheduling|新材料设计:materials discovery",
    orgWords: "量子:Quantum|量旋:Qubit|相干:Coherent|纠缠:Entangle",
  }),
  track("PC", "光子计算", "Photonic Computing", {
    subjects:
      "光子神经网络芯片:photonic neural-network chip|硅光互连:silicon photonic interconnect|光学矩阵乘法器:optical matrix multiplier|薄膜铌酸锂调制器:thin-film lithium niobate modulator|光学存算一体单元:optical in-memory computing unit|可编程光子处理器:programmable photonic processor|片上微梳光源:on-chip microcomb source|光电混合加速卡:opto-electronic accelerator card",
    methods:
      "波分复用:wavelength-division multiplexing|相变材料权重:phase-change weights|三维光子封装:3D photonic packaging|衍射光学网络:diffractive optical networks|低损耗波导工艺:low-loss waveguide processing|相干光计算:coherent optical computing",
    applications:
      "大模型推理:large-model inference|数据中心互连:data-centre interconnect|自动驾驶感知:autonomous-driving perception|实时视频分析:real-time video analytics|边缘智能终端:edge AI devices|科学计算加速:scientific computing acceleration",
    orgWords: "光子:Photonics|光算:Lightcompute|曦光:Lumina|光芯:Optichip",
  }),
  track("MV", "元宇宙", "Metaverse", {
    subjects:
      "轻量化AR眼镜:lightweight AR glasses|数字孪生城市平台:digital-twin city platform|实时神经渲染引擎:real-time neural rendering engine|虚拟数字人:virtual digital human|空间计算操作系统:spatial computing operating system|体积视频采集系统:volumetric video capture system|触觉反馈手套:haptic feedback glove|沉浸式协作空间:immersive collaboration space",
    methods:
      "光波导显示:waveguide displays|高斯泼溅重建:Gaussian-splatting reconstruction|端云协同渲染:device-cloud co-rendering|多模态动作捕捉:multimodal motion capture|生成式三维建模:generative 3D modelling|低时延串流:low-latency streaming",
    applications:
      "工业远程运维:remote industrial maintenance|文化遗产数字化:cultural-heritage digitisation|职业技能培训:vocational training|远程医疗会诊:telemedicine consultation|沉浸式文旅:immersive tourism|智慧城市治理:smart-city governance",
    orgWords: "幻境:Mirage|元界:Metaverse|视界:Vista|灵境:Realm",
  }),
  track("6G", "6G通信", "6G Communications", {
    subjects:
      "太赫兹收发芯片:terahertz transceiver chip|智能超表面:reconfigurable intelligent surface|通感一体化基站:integrated sensing-and-communication base station|低轨卫星直连终端:LEO satellite direct-to-device terminal|语义通信系统:semantic communication system|毫米波相控阵:millimetre-wave phased array|空天地一体化网络:space-air-ground integrated network|无源物联网标签:passive IoT tag",
    methods:
      "AI原生空口:AI-native air interface|超大规模MIMO:extremely large-scale MIMO|数字孪生网络:network digital twins|反向散射通信:backscatter communication|氮化镓功放:GaN power amplifiers|分布式边缘计算:distributed edge computing",
    applications:
      "车联网协同:connected-vehicle coordination|海洋与偏远地区覆盖:ocean and remote-area coverage|工业互联网:industrial internet|低空无人机管理:low-altitude drone management|应急通信:emergency communication|智能工厂:smart factories",
    orgWords: "通信:Networks|星联:Starnet|频谱:Spectrum|天线:Antenna",
  }),
  track("BCI", "脑机接口", "Brain-Computer Interfaces", {
    subjects:
      "柔性脑电电极:flexible EEG electrodes|植入式神经记录芯片:implantable neural recording chip|无创脑机头环:non-invasive BCI headband|神经调控刺激器:neuromodulation stimulator|运动意图解码器:motor-intent decoder|脑控外骨骼:brain-controlled exoskeleton|言语神经假体:speech neuroprosthesis|睡眠脑电监测系统:sleep EEG monitoring system",
    methods:
      "深度学习解码:deep-learning decoding|高密度柔性电极阵列:high-density flexible arrays|闭环刺激算法:closed-loop stimulation|干电极技术:dry-electrode technology|低功耗无线传输:low-power wireless telemetry|迁移学习校准:transfer-learning calibration",
    applications:
      "脊髓损伤康复:spinal-cord injury rehabilitation|渐冻症患者交流:communication for ALS patients|抑郁症治疗:depression treatment|癫痫预警:epilepsy early warning|注意力训练:attention training|卒中康复:stroke rehabilitation",
    orgWords: "脑科:Neuro|神经:Neural|灵犀:Mindlink|思维:Cortex",
  }),
  track("EAI", "具身智能", "Embodied AI", {
    subjects:
      "人形机器人:humanoid robot|灵巧手:dexterous robotic hand|四足机器人:quadruped robot|通用操作大模型:generalist manipulation model|协作机械臂:collaborative robot arm|仿生触觉皮肤:bionic tactile skin|移动操作平台:mobile manipulation platform|具身导航系统:embodied navigation system",
    methods:
      "视觉语言动作模型:vision-language-action models|仿真到现实迁移:sim-to-real transfer|强化学习控制:reinforcement-learning control|模仿学习:imitation learning|力控关节模组:force-controlled actuators|多传感器融合:multi-sensor fusion",
    applications:
      "柔性制造:flexible manufacturing|养老陪护:elderly care|仓储物流:warehouse logistics|危险环境作业:hazardous-environment operations|家庭服务:household assistance|农业采摘:agricultural harvesting",
    orgWords: "智能:Robotics|灵动:Agile|具身:Embodied|机甲:Mecha",
  }),
  track("LLM", "大模型与生成式AI", "Large Models & Generative AI", {
    subjects:
      "行业大模型:domain-specific large model|多模态基础模型:multimodal foundation model|智能体编排平台:AI-agent orchestration platform|端侧小模型:on-device small model|代码生成助手:code-generation assistant|科学大模型:scientific foundation model|检索增强问答系统:retrieval-augmented QA system|模型安全评测平台:model safety evaluation platform",
    methods:
      "混合专家架构:mixture-of-experts architecture|低比特量化:low-bit quantisation|人类反馈强化学习:reinforcement learning from human feedback|知识图谱增强:knowledge-graph grounding|长上下文注意力:long-context attention|联邦微调:federated fine-tuning",
    applications:
      "医疗辅助诊断:clinical decision support|法律文书审阅:legal document review|教育个性化辅导:personalised tutoring|工业质检:industrial quality inspection|政务服务:public-service assistance|气象预报:weather forecasting",
    orgWords: "智源:Intellect|深思:DeepThink|灵语:Lingua|星火:Spark",
  }),
  track("SB", "合成生物", "Synthetic Biology", {
    subjects:
      "工程化酵母细胞工厂:engineered yeast cell factory|无细胞蛋白表达系统:cell-free protein expression system|基因线路设计平台:genetic-circuit design platform|微生物固氮菌剂:nitrogen-fixing microbial inoculant|人工合成淀粉:synthetic starch|酶定向进化平台:directed enzyme evolution platform|DNA数据存储:DNA data storage|生物基材料:bio-based materials",
    methods:
      "AI蛋白设计:AI protein design|高通量自动化筛选:high-throughput automated screening|代谢通路重构:metabolic pathway rewiring|CRISPR基因编辑:CRISPR genome editing|连续发酵工艺:continuous fermentation|微流控液滴分选:microfluidic droplet sorting",
    applications:
      "替代蛋白生产:alternative protein production|可降解塑料:biodegradable plastics|绿色农业:sustainable agriculture|稀有药物原料合成:rare drug precursor synthesis|碳捕集利用:carbon capture and use|化妆品原料:cosmetic ingredients",
    orgWords: "合成:Synbio|生物:Bio|基元:Genome|酶创:Enzyme",
  }),
  track("NM", "新材料", "New Materials", {
    subjects:
      "钙钛矿薄膜:perovskite thin film|固态电解质:solid-state electrolyte|碳纤维复合材料:carbon-fibre composite|二维半导体材料:2D semiconductor material|高熵合金:high-entropy alloy|气凝胶隔热材料:aerogel insulation|自修复聚合物:self-healing polymer|宽禁带碳化硅衬底:wide-bandgap SiC substrate",
    methods:
      "高通量计算筛选:high-throughput computational screening|原子层沉积:atomic layer deposition|增材制造:additive manufacturing|卷对卷工艺:roll-to-roll processing|材料基因工程:materials genome engineering|低温烧结:low-temperature sintering",
    applications:
      "新能源汽车轻量化:lightweight electric vehicles|柔性电子器件:flexible electronics|航空发动机部件:aero-engine components|建筑节能:energy-efficient buildings|功率半导体:power semiconductors|海洋防腐:marine corrosion protection",
    orgWords: "材料:Materials|新材:Advanced Materials|晶元:Crystal|纳米:Nano",
  }),
  track("CE", "清洁能源与碳中和", "Clean Energy & Carbon Neutrality", {
    subjects:
      "钠离子电池:sodium-ion battery|绿氢电解槽:green-hydrogen electrolyser|液流储能系统:flow-battery storage system|钙钛矿叠层光伏组件:perovskite tandem solar module|直接空气碳捕集装置:direct air capture unit|虚拟电厂平台:virtual power plant platform|海上漂浮式风机:floating offshore wind turbine|固态储氢罐:solid-state hydrogen tank",
    methods:
      "AI功率预测:AI power forecasting|阴离子交换膜:anion-exchange membranes|数字孪生运维:digital-twin maintenance|梯次利用技术:second-life battery reuse|光热耦合:photothermal coupling|区块链碳核算:blockchain carbon accounting",
    applications:
      "工业园区零碳改造:zero-carbon industrial parks|电网调峰:grid peak shaving|钢铁行业减排:steel-industry decarbonisation|偏远地区供电:off-grid power supply|建筑光伏一体化:building-integrated PV|交通电动化:transport electrification",
    orgWords: "能源:Energy|氢能:Hydrogen|绿电:Greenpower|储能:Storage",
  }),
  track("BM", "生物医药", "Biomedicine", {
    subjects:
      "mRNA肿瘤疫苗:mRNA cancer vaccine|CAR-T细胞疗法:CAR-T cell therapy|类器官药物筛选平台:organoid drug-screening platform|液体活检芯片:liquid-biopsy chip|双特异性抗体:bispecific antibody|基因治疗载体:gene-therapy vector|可穿戴血糖监测:wearable glucose monitor|手术机器人:surgical robot",
    methods:
      "单细胞测序:single-cell sequencing|AI药物发现:AI drug discovery|脂质纳米颗粒递送:lipid nanoparticle delivery|多组学分析:multi-omics analysis|微流控诊断:microfluidic diagnostics|医学影像深度学习:deep learning on medical images",
    applications:
      "早期癌症筛查:early cancer screening|罕见病治疗:rare-disease treatment|慢病管理:chronic-disease management|精准用药:precision dosing|基层医疗:primary care|抗耐药菌感染:drug-resistant infections",
    orgWords: "医药:Therapeutics|生命:Life Sciences|康源:Health|基因:Genomics",
  }),
  track("SP", "商业航天", "Commercial Space", {
    subjects:
      "可重复使用液体火箭:reusable liquid rocket|低轨遥感卫星星座:LEO remote-sensing constellation|星载激光通信终端:space laser communication terminal|电推进系统:electric propulsion system|在轨服务飞行器:in-orbit servicing vehicle|合成孔径雷达小卫星:SAR small satellite|星上智能处理单元:on-board AI processor|太空碎片监测系统:space-debris monitoring system",
    methods:
      "3D打印发动机:3D-printed engines|星间组网:inter-satellite networking|在轨机器学习:on-orbit machine learning|软着陆回收:propulsive landing recovery|抗辐照芯片:radiation-hardened chips|高光谱成像:hyperspectral imaging",
    applications:
      "农业估产:crop-yield estimation|灾害应急监测:disaster monitoring|全球物联网:global IoT connectivity|海事追踪:maritime tracking|碳排放监测:emissions monitoring|深空探测:deep-space exploration",
    orgWords: "航天:Aerospace|星河:Galaxy|天行:Orbital|箭:Launch",
  }),
];

export const TITLE_TEMPLATES: readonly Bilingual[] = [
  { zh: "基于{method}的{subject}", en: "{Subject} based on {method}" },
  { zh: "面向{application}的{subject}", en: "{Subject} for {application}" },
  { zh: "{subject}：以{method}赋能{application}", en: "{Subject}: {method} for {application}" },
  { zh: "融合{method}的新一代{subject}", en: "Next-generation {subject} with {method}" },
  { zh: "{application}中的{subject}研发与产业化", en: "Developing and scaling {subject} for {application}" },
  { zh: "低成本{subject}及其在{application}中的应用", en: "Low-cost {subject} and its use in {application}" },
  { zh: "{method}驱动的{subject}平台", en: "A {method} platform for {subject}" },
  { zh: "高可靠{subject}：{application}解决方案", en: "High-reliability {subject}: a solution for {application}" },
  { zh: "用{method}突破{subject}的性能瓶颈", en: "Breaking the performance limits of {subject} with {method}" },
  { zh: "面向规模化{application}的{subject}系统", en: "{Subject} systems for {application} at scale" },
];

export const SUMMARY_SENTENCES: readonly Bilingual[] = [
  {
    zh: "项目聚焦{application}中的关键瓶颈，提出以{method}为核心的{subject}方案。",
    en: "The project targets a key bottleneck in {application} with a {subject} built around {method}.",
  },
  {
    zh: "团队已完成原型验证，关键指标较现有方案提升三倍以上。",
    en: "The team has validated a prototype whose key metrics are more than three times better than existing solutions.",
  },
  {
    zh: "{org}已在{city}与三家行业龙头开展试点部署，累计获得订单意向逾两千万元。",
    en: "{org} runs pilot deployments with three industry leaders in {city}, with letters of intent worth over USD 3 million.",
  },
  {
    zh: "核心技术已申请发明专利二十余项，并在国际顶级期刊发表系列论文。",
    en: "The core technology is protected by more than twenty patent applications and a series of papers in leading journals.",
  },
  {
    zh: "下一步计划在十八个月内完成量产工艺开发，并拓展至{application}以外的场景。",
    en: "Over the next eighteen months the team plans to finish volume-production engineering and expand beyond {application}.",
  },
  {
    zh: "与传统路线相比，{method}显著降低了成本与能耗。",
    en: "Compared with conventional approaches, {method} cuts both cost and energy use substantially.",
  },
  {
    zh: "团队成员来自国内外知名高校与研究机构，兼具科研与产业经验。",
    en: "The team brings together researchers and engineers from leading universities and industry.",
  },
  {
    zh: "项目已完成天使轮融资，正寻求与{city}的产业伙伴共建示范线。",
    en: "Having closed an angel round, the team is looking for industrial partners in {city} to build a demonstration line.",
  },
  {
    zh: "该{subject}具有自主知识产权，关键部件实现国产化替代。",
    en: "The {subject} is built on the team's own IP, with key components sourced without single-supplier dependence.",
  },
];

const DOMESTIC_CITIES = {
  BJ: pairs(
    "北京海淀:Haidian, Beijing|北京朝阳:Chaoyang, Beijing|北京亦庄:Yizhuang, Beijing|北京昌平:Changping, Beijing|天津:Tianjin|雄安:Xiong'an|石家庄:Shijiazhuang",
  ),
  YRD: pairs("上海:Shanghai|杭州:Hangzhou|南京:Nanjing|苏州:Suzhou|合肥:Hefei|宁波:Ningbo|无锡:Wuxi"),
  SC: pairs("深圳:Shenzhen|广州:Guangzhou|东莞:Dongguan|珠海:Zhuhai|厦门:Xiamen|福州:Fuzhou|海口:Haikou"),
  CW: pairs("成都:Chengdu|武汉:Wuhan|西安:Xi'an|重庆:Chongqing|长沙:Changsha|郑州:Zhengzhou|贵阳:Guiyang|兰州:Lanzhou"),
};

function country(code: string, weight: number, culture: NameCulture, cities: string): CountryDef {
  return { code, weight, culture, cities: cities ? pairs(cities) : [] };
}

export const COUNTRIES: readonly CountryDef[] = [
  country("CN", 64, "zh", ""),
  // Hong Kong, Macao and Taiwan
  country("HK", 3.0, "zh-hk", "香港:Hong Kong"),
  country("MO", 0.5, "zh-hk", "澳门:Macao"),
  country("TW", 1.8, "zh", "台北:Taipei|新竹:Hsinchu|台中:Taichung"),
  // The Americas
  country("US", 5.5, "en", "波士顿:Boston|旧金山:San Francisco|纽约:New York|西雅图:Seattle"),
  country("CA", 1.6, "en", "多伦多:Toronto|蒙特利尔:Montreal|温哥华:Vancouver"),
  country("MX", 0.5, "es", "墨西哥城:Mexico City|蒙特雷:Monterrey"),
  country("BR", 0.6, "pt", "圣保罗:São Paulo|里约热内卢:Rio de Janeiro"),
  country("AR", 0.25, "es", "布宜诺斯艾利斯:Buenos Aires"),
  country("CL", 0.25, "es", "圣地亚哥:Santiago"),
  country("CO", 0.2, "es", "波哥大:Bogotá|麦德林:Medellín"),
  country("PE", 0.12, "es", "利马:Lima"),
  // Europe
  country("GB", 2.6, "en", "伦敦:London|剑桥:Cambridge|牛津:Oxford|爱丁堡:Edinburgh"),
  country("DE", 2.8, "de", "慕尼黑:Munich|柏林:Berlin|亚琛:Aachen|德累斯顿:Dresden"),
  country("FR", 1.8, "fr", "巴黎:Paris|格勒诺布尔:Grenoble|里昂:Lyon"),
  country("NL", 1.0, "nl", "埃因霍温:Eindhoven|代尔夫特:Delft|阿姆斯特丹:Amsterdam"),
  country("CH", 1.0, "de", "苏黎世:Zurich|洛桑:Lausanne|日内瓦:Geneva"),
  country("SE", 0.7, "nordic", "斯德哥尔摩:Stockholm|哥德堡:Gothenburg"),
  country("FI", 0.5, "nordic", "赫尔辛基:Helsinki|奥卢:Oulu"),
  country("DK", 0.5, "nordic", "哥本哈根:Copenhagen|奥胡斯:Aarhus"),
  country("NO", 0.4, "nordic", "奥斯陆:Oslo|特隆赫姆:Trondheim"),
  country("IS", 0.08, "nordic", "雷克雅未克:Reykjavík"),
  country("IT", 0.9, "it", "米兰:Milan|都灵:Turin|罗马:Rome"),
  country("ES", 0.8, "es", "马德里:Madrid|巴塞罗那:Barcelona|瓦伦西亚:Valencia"),
  country("PT", 0.3, "pt", "里斯本:Lisbon|波尔图:Porto"),
  country("BE", 0.5, "nl", "鲁汶:Leuven|布鲁塞尔:Brussels|根特:Ghent"),
  country("AT", 0.4, "de", "维也纳:Vienna|因斯布鲁克:Innsbruck"),
  country("IE", 0.35, "en", "都柏林:Dublin|科克:Cork"),
  country("LU", 0.1, "fr", "卢森堡:Luxembourg"),
  country("PL", 0.45, "slavic", "华沙:Warsaw|克拉科夫:Kraków"),
  country("CZ", 0.25, "slavic", "布拉格:Prague|布尔诺:Brno"),
  country("HU", 0.2, "slavic", "布达佩斯:Budapest"),
  country("GR", 0.2, "en", "雅典:Athens|塞萨洛尼基:Thessaloniki"),
  country("RO", 0.15, "slavic", "布加勒斯特:Bucharest|克卢日-纳波卡:Cluj-Napoca"),
  country("BG", 0.1, "slavic", "索非亚:Sofia"),
  country("HR", 0.1, "slavic", "萨格勒布:Zagreb"),
  country("SI", 0.1, "slavic", "卢布尔雅那:Ljubljana"),
  country("RS", 0.12, "slavic", "贝尔格莱德:Belgrade|诺维萨德:Novi Sad"),
  country("RU", 0.6, "slavic", "莫斯科:Moscow|圣彼得堡:Saint Petersburg|新西伯利亚:Novosibirsk"),
  country("BY", 0.1, "slavic", "明斯克:Minsk"),
  country("UA", 0.2, "slavic", "基辅:Kyiv|利沃夫:Lviv"),
  country("EE", 0.15, "nordic", "塔林:Tallinn|塔尔图:Tartu"),
  country("LT", 0.1, "slavic", "维尔纽斯:Vilnius"),
  // Africa (entered in the Europe group)
  country("ZA", 0.3, "african", "开普敦:Cape Town|约翰内斯堡:Johannesburg"),
  country("EG", 0.25, "ar", "开罗:Cairo|亚历山大:Alexandria"),
  country("NG", 0.2, "african", "拉各斯:Lagos|阿布贾:Abuja"),
  country("KE", 0.2, "african", "内罗毕:Nairobi"),
  country("MA", 0.12, "ar", "卡萨布兰卡:Casablanca|拉巴特:Rabat"),
  country("ET", 0.1, "african", "亚的斯亚贝巴:Addis Ababa"),
  // Asia, the Middle East and Oceania
  country("JP", 2.0, "ja", "东京:Tokyo|大阪:Osaka|京都:Kyoto|筑波:Tsukuba"),
  country("KR", 1.8, "ko", "首尔:Seoul|大田:Daejeon|釜山:Busan"),
  country("SG", 2.2, "sea", "新加坡:Singapore"),
  country("IN", 1.4, "hi", "班加罗尔:Bengaluru|海得拉巴:Hyderabad|浦那:Pune|新德里:New Delhi"),
  country("IL", 1.2, "he", "特拉维夫:Tel Aviv|海法:Haifa|耶路撒冷:Jerusalem"),
  country("AE", 0.7, "ar", "迪拜:Dubai|阿布扎比:Abu Dhabi"),
  country("SA", 0.5, "ar", "利雅得:Riyadh|吉达:Jeddah"),
  country("QA", 0.15, "ar", "多哈:Doha"),
  country("JO", 0.1, "ar", "安曼:Amman"),
  country("TR", 0.4, "tr", "伊斯坦布尔:Istanbul|安卡拉:Ankara"),
  country("IR", 0.2, "fa", "德黑兰:Tehran|伊斯法罕:Isfahan"),
  country("MY", 0.6, "sea", "吉隆坡:Kuala Lumpur|槟城:Penang"),
  country("TH", 0.5, "sea", "曼谷:Bangkok|清迈:Chiang Mai"),
  country("VN", 0.4, "sea", "河内:Hanoi|胡志明市:Ho Chi Minh City"),
  country("ID", 0.5, "sea", "雅加达:Jakarta|万隆:Bandung"),
  country("PH", 0.3, "sea", "马尼拉:Manila|宿务:Cebu"),
  country("KH", 0.08, "sea", "金边:Phnom Penh"),
  country("PK", 0.25, "hi", "卡拉奇:Karachi|拉合尔:Lahore"),
  country("BD", 0.15, "hi", "达卡:Dhaka"),
  country("LK", 0.1, "hi", "科伦坡:Colombo"),
  country("NP", 0.08, "hi", "加德满都:Kathmandu"),
  country("KZ", 0.2, "slavic", "阿斯塔纳:Astana|阿拉木图:Almaty"),
  country("UZ", 0.1, "tr", "塔什干:Tashkent"),
  country("MN", 0.1, "tr", "乌兰巴托:Ulaanbaatar"),
  country("AU", 1.0, "en", "悉尼:Sydney|墨尔本:Melbourne|布里斯班:Brisbane"),
  country("NZ", 0.3, "en", "奥克兰:Auckland|惠灵顿:Wellington"),
];

const inRegion = (codes: string) => codes.split(" ");
export const GROUPS: readonly GroupDef[] = [
  {
    code: "BJ",
    name: { zh: "京津冀赛区", en: "Beijing-Tianjin-Hebei" },
    region: "domestic",
    countries: ["CN"],
    cities: DOMESTIC_CITIES.BJ,
  },
  {
    code: "YRD",
    name: { zh: "长三角赛区", en: "Yangtze River Delta" },
    region: "domestic",
    countries: ["CN"],
    cities: DOMESTIC_CITIES.YRD,
  },
  {
    code: "SC",
    name: { zh: "华南赛区", en: "South China" },
    region: "domestic",
    countries: ["CN"],
    cities: DOMESTIC_CITIES.SC,
  },
  {
    code: "CW",
    name: { zh: "中西部赛区", en: "Central & Western China" },
    region: "domestic",
    countries: ["CN"],
    cities: DOMESTIC_CITIES.CW,
  },
  {
    code: "NA",
    name: { zh: "北美赛区", en: "North America" },
    region: "overseas",
    countries: inRegion("US CA MX BR AR CL CO PE"),
    cities: [],
  },
  {
    code: "EU",
    name: { zh: "欧洲赛区", en: "Europe" },
    region: "overseas",
    countries: inRegion(
      "GB DE FR NL CH SE FI DK NO IS IT ES PT BE AT IE LU PL CZ HU GR RO BG HR SI RS RU BY UA EE LT ZA EG NG KE MA ET",
    ),
    cities: [],
  },
  {
    code: "AS",
    name: { zh: "亚洲赛区", en: "Asia" },
    region: "overseas",
    countries: inRegion("JP KR SG IN IL AE SA QA JO TR IR MY TH VN ID PH KH PK BD LK NP KZ UZ MN AU NZ"),
    cities: [],
  },
  {
    code: "HMT",
    name: { zh: "港澳台赛区", en: "Hong Kong, Macao & Taiwan" },
    region: "overseas",
    countries: ["HK", "MO", "TW"],
    cities: [],
  },
];

// Space-separated, or comma-separated where a name has spaces ("van den Berg").
const names = (text: string) => (text.includes(",") ? text.split(",").map((n) => n.trim()) : text.split(" "));
export const NAME_POOLS: Readonly<
  Record<NameCulture, { family: readonly string[]; given: readonly string[]; familyFirst: boolean }>
> = {
  zh: {
    family: names(
      "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 程 曹 袁 邓 许 傅 沈 曾 彭 吕",
    ),
    given: names(
      "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 子涵 宇轩 浩然 欣怡 梓萱 思远 一鸣 晨曦 若曦 嘉懿 博文 雨桐 天佑 俊杰 志强 海燕 建华 晓东 文博 佳怡 泽宇 明轩 诗涵 梦瑶 昊天 静怡 国栋 晓明 立新 永刚 慧敏 子墨 一诺 沐阳 清扬 书瑶 振宇 亦凡",
    ),
    familyFirst: true,
  },
  "zh-hk": {
    family: names("Chan Wong Leung Lee Cheung Lau Ho Ng Lam Tsang Chow Yip Fung Kwok Tang Mak Siu Lo Yeung Choi"),
    given: names(
      "Ka-ming Wing-yan Chi-keung Hoi-ying Tsz-hin Man-wai Siu-fung Yuk-lin Kwok-wai Pui-shan Ho-yin Wai-man Cheuk-lam Ming-hei Sze-wing Chun-kit Hiu-tung Lok-yi Yan-ting Kin-wah",
    ),
    familyFirst: true,
  },
  ja: {
    family: names(
      "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Matsumoto Inoue Kimura",
    ),
    given: names(
      "Haruto Yui Sota Aoi Ren Hina Yuto Sakura Kenji Akiko Takeshi Yumi Hiroshi Naoko Daiki Mei Riku Emi Shota Ayaka",
    ),
    familyFirst: true,
  },
  ko: {
    family: names("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang"),
    given: names(
      "Min-jun Seo-yeon Ji-ho Ha-eun Do-yun Soo-ah Ye-jun Ji-woo Hyun-woo Min-seo Jae-won Eun-ji Sung-min Yu-na Dong-hyun Hye-jin Tae-yang Da-eun Joon-young Seo-hyun",
    ),
    familyFirst: true,
  },
  en: {
    family: names(
      "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Clark Lewis Walker Hall Young Allen Wright Scott Green Baker Adams",
    ),
    given: names(
      "James Olivia Liam Emma Noah Ava Ethan Sophia Lucas Mia Benjamin Charlotte Henry Amelia Daniel Harper Samuel Grace Michael Ella David Chloe Thomas Hannah",
    ),
    familyFirst: false,
  },
  de: {
    family: names(
      "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Bauer Klein Wolf Neumann Schwarz Zimmermann",
    ),
    given: names(
      "Lukas Lena Maximilian Anna Felix Laura Jonas Sophie Leon Marie Paul Johanna Tobias Katharina Florian Julia Sebastian Clara Matthias Hannah",
    ),
    familyFirst: false,
  },
  fr: {
    family: names(
      "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia Fournier",
    ),
    given: names(
      "Louis Camille Gabriel Léa Hugo Chloé Arthur Manon Jules Inès Théo Juliette Antoine Pauline Mathieu Élise Nicolas Claire Julien Margaux",
    ),
    familyFirst: false,
  },
  es: {
    family: names(
      "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Torres",
    ),
    given: names(
      "Alejandro Lucía Daniel María Pablo Paula Hugo Sofía Diego Valentina Javier Carmen Mateo Isabel Sergio Elena Andrés Camila Carlos Ana",
    ),
    familyFirst: false,
  },
  pt: {
    family: names(
      "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes",
    ),
    given: names(
      "João Ana Pedro Beatriz Lucas Mariana Gabriel Júlia Rafael Larissa Tiago Inês Gustavo Camila Miguel Letícia Bruno Fernanda Diogo Carolina",
    ),
    familyFirst: false,
  },
  it: {
    family: names(
      "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Lombardi Costa Giordano",
    ),
    given: names(
      "Francesco Giulia Alessandro Sofia Lorenzo Aurora Matteo Alice Leonardo Ginevra Marco Chiara Andrea Martina Davide Elena Riccardo Sara Tommaso Federica",
    ),
    familyFirst: false,
  },
  nl: {
    family: names(
      "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssens, Visser, Smit, Meijer, de Boer, Mulder, Peeters, Bos, Vos, Dekker",
    ),
    given: names(
      "Daan Emma Sem Julia Lucas Tess Milan Sophie Thijs Anna Bram Lotte Ruben Fleur Jesse Sanne Niels Eva Pieter Femke",
    ),
    familyFirst: false,
  },
  nordic: {
    family: names(
      "Andersson Johansson Karlsson Nilsson Eriksson Hansen Nielsen Jensen Larsen Virtanen Korhonen Nieminen Olsen Berg Lindqvist Tamm",
    ),
    given: names(
      "Erik Astrid Oskar Ingrid Lars Freja Mikael Sofie Anders Maja Henrik Linnea Johan Aino Nils Sigrid Mats Elin Kristian Liv",
    ),
    familyFirst: false,
  },
  slavic: {
    family: names(
      "Nowak Kowalski Novák Svoboda Ivanov Petrov Smirnov Horváth Popescu Kovačević Jovanović Wiśniewska Dvořák Kuznetsova Marković Kazlauskas",
    ),
    given: names(
      "Jakub Anna Tomasz Katarzyna Petr Eva Dmitri Olga Mihai Ioana Marko Jelena Andrei Natalia Luka Ana Pavel Irina Nikola Zofia",
    ),
    familyFirst: false,
  },
  ar: {
    family: names(
      "الهاشمي العتيبي المنصوري الشمري الزهراني حداد خوري السيد العبدالله الحسيني Haddad Mansour Nasser Khalil Saleh Farouk",
    ),
    given: names(
      "محمد فاطمة أحمد مريم علي نور يوسف ليلى عمر سارة Khalid Layla Omar Yasmin Tariq Huda Karim Rania Samir Dalia",
    ),
    familyFirst: false,
  },
  he: {
    family: names(
      "Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Azoulay Katz Shapiro Goldberg Ben-David Rosen Klein Weiss",
    ),
    given: names(
      "Noam Tamar Itai Noa Yonatan Shira Eitan Maya Ariel Yael Omer Talia Daniel Michal Amit Rotem Gal Liron Yuval Hila",
    ),
    familyFirst: false,
  },
  hi: {
    family: names("Sharma Verma Gupta Patel Singh Kumar Reddy Iyer Nair Rao Das Chatterjee Mehta Joshi Khan Perera"),
    given: names(
      "Aarav Priya Vivaan Ananya Arjun Diya Rohan Isha Aditya Kavya Rahul Sneha Vikram Pooja Karthik Meera Siddharth Nisha Aman Riya",
    ),
    familyFirst: false,
  },
  sea: {
    family: names("Tan Lim Lee Ng Wong Nguyen Tran Pham Santos Reyes Wijaya Saputra Rahman Ismail Chaiyaporn Srisuk"),
    given: names(
      "Wei Ling Jun Hui Minh Linh Anh Thao Maria Jose Putri Budi Aisyah Farid Somchai Nicha Kai Siti Arif Mei",
    ),
    familyFirst: false,
  },
  tr: {
    family: names(
      "Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Karimov Rashidov Bat-Erdene Tsogt Aliyev Nazarov",
    ),
    given: names(
      "Mehmet Elif Mustafa Zeynep Ahmet Ayşe Emre Selin Can Deniz Aziz Dilnoza Bekzod Malika Bat Saran Timur Nilufar Murat Ece",
    ),
    familyFirst: false,
  },
  fa: {
    family: names(
      "Hosseini Mohammadi Rezaei Ahmadi Karimi Moradi Rahimi Jafari Sadeghi Kazemi Hashemi Ebrahimi Ghasemi Azimi Najafi Amini",
    ),
    given: names(
      "Ali Zahra Reza Fatemeh Hossein Maryam Amir Sara Mehdi Niloofar Arash Shirin Kaveh Parisa Dariush Leila Babak Roya Navid Yasaman",
    ),
    familyFirst: false,
  },
  african: {
    family: names(
      "Okafor Adeyemi Mensah Nkosi Dlamini Kamau Otieno Mwangi Abebe Tesfaye Okonkwo Balogun Ndlovu Achieng Bekele Naidoo",
    ),
    given: names(
      "Chinedu Amara Kwame Thandiwe Sipho Wanjiru Tunde Ngozi Abebe Hana Kofi Zanele Olumide Njeri Emeka Ayana Thabo Imani Yaw Adaeze",
    ),
    familyFirst: false,
  },
};

export const ORG_PATTERNS: readonly OrgPattern[] = [
  { kind: "company", zh: "{city}{orgWord}科技有限公司", en: "{city} {orgWord} Technologies" },
  { kind: "company", zh: "{orgWord}未来科技", en: "{orgWord} Futures" },
  { kind: "company", zh: "{family}{orgWord}创新公司", en: "{family} {orgWord} Labs" },
  { kind: "company", zh: "{city}{orgWord}智造", en: "{orgWord}Works {city}" },
  { kind: "university", zh: "{city}理工大学{orgWord}实验室", en: "{city} University of Technology, {orgWord} Lab" },
  { kind: "university", zh: "{city}大学前沿交叉研究院", en: "Institute for Frontier Science, University of {city}" },
  { kind: "institute", zh: "{city}{orgWord}研究院", en: "{city} Institute of {orgWord}" },
  { kind: "institute", zh: "{city}先进技术研究中心", en: "{city} Centre for Advanced Technology" },
  { kind: "lab", zh: "{orgWord}前沿实验室", en: "{orgWord} Frontier Lab" },
  { kind: "lab", zh: "{city}{orgWord}联合创新中心", en: "{city} {orgWord} Joint Innovation Centre" },
  { kind: "hospital", zh: "{city}医学中心转化研究部", en: "{city} Medical Centre, Translational Research" },
  { kind: "company", zh: "{orgWord}动力", en: "{orgWord} Dynamics" },
  { kind: "company", zh: "{city}{orgWord}系统", en: "{orgWord} Systems {city}" },
];

export const TEAM_ROLES: readonly Bilingual[] = pairs(
  "首席执行官:CEO|首席技术官:CTO|项目负责人:Principal investigator|首席科学家:Chief scientist|博士后研究员:Postdoctoral researcher|算法工程师:Algorithm engineer|硬件工程师:Hardware engineer|产品经理:Product manager|商务拓展:Business development|博士研究生:PhD candidate|工艺工程师:Process engineer|临床顾问:Clinical adviser",
);

export const JUDGE_AFFILIATION_PATTERNS: readonly OrgPattern[] = [
  { kind: "institute", zh: "{city}{orgWord}科学院", en: "{city} Academy of {orgWord}" },
  { kind: "university", zh: "{city}大学", en: "University of {city}" },
  { kind: "university", zh: "{city}科技大学", en: "{city} University of Science and Technology" },
  { kind: "company", zh: "{city}前沿创投基金", en: "{city} Frontier Ventures" },
  { kind: "company", zh: "{orgWord}产业投资", en: "{orgWord} Capital Partners" },
  { kind: "lab", zh: "{city}{orgWord}国家实验室", en: "{city} National Laboratory for {orgWord}" },
  { kind: "company", zh: "{orgWord}集团研究院", en: "{orgWord} Group Research" },
  { kind: "institute", zh: "{city}技术转移中心", en: "{city} Technology Transfer Office" },
];

export const JUDGE_TITLES: readonly Bilingual[] = pairs(
  "教授:Professor|研究员:Research Fellow|合伙人:Partner|首席科学家:Chief Scientist|院士:Academician|副教授:Associate Professor|总工程师:Chief Engineer|董事总经理:Managing Director|研究主任:Director of Research|高级顾问:Senior Adviser",
);
