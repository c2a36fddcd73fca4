// Words that make two different organizations look alike: city, region and country names, and
// generic words of organization names. A suggested conflict must rest on something else.

const words = (text: string) => text.split(/[\s|]+/).filter(Boolean);

// Chinese cities, districts, provinces and regions, in Chinese and as they are written in English.
const CHINA_ZH = words(
  "北京 上海 天津 重庆 深圳 广州 杭州 南京 苏州 武汉 成都 西安 长沙 郑州 合肥 宁波 无锡 东莞 珠海 厦门 福州 海口 " +
    "贵阳 兰州 青岛 济南 大连 沈阳 长春 哈尔滨 昆明 南宁 南昌 太原 石家庄 呼和浩特 乌鲁木齐 拉萨 西宁 银川 佛山 " +
    "常州 温州 绍兴 嘉兴 烟台 潍坊 徐州 泉州 惠州 中山 雄安 三亚 香港 澳门 台北 新竹 台中 台南 高雄 " +
    "海淀 朝阳 亦庄 昌平 中关村 浦东 张江 闵行 徐汇 南山 福田 前海 滨江 余杭 光谷 " +
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 " +
    "青海 台湾 内蒙古 广西 西藏 宁夏 新疆 华北 华东 华南 华中 西南 西北 东北 京津冀 长三角 珠三角 粤港澳 大湾区 " +
    "中国 中华 全国 国家 国际 亚洲 亚太 省 市 区 县",
);
const CHINA_EN = words(
  "beijing shanghai tianjin chongqing shenzhen guangzhou hangzhou nanjing suzhou wuhan chengdu xian xi'an changsha " +
    "zhengzhou hefei ningbo wuxi dongguan zhuhai xiamen fuzhou haikou guiyang lanzhou qingdao jinan dalian shenyang " +
    "changchun harbin kunming nanning nanchang taiyuan shijiazhuang hohhot urumqi lhasa xining yinchuan foshan " +
    "changzhou wenzhou shaoxing jiaxing yantai weifang xuzhou quanzhou huizhou zhongshan xiong xiongan sanya " +
    "hong kong macao macau taipei hsinchu taichung tainan kaohsiung haidian chaoyang yizhuang changping zhongguancun " +
    "pudong zhangjiang shenzhen nanshan futian qianhai binjiang " +
    "hebei shanxi liaoning jilin heilongjiang jiangsu zhejiang anhui fujian jiangxi shandong henan hubei hunan " +
    "guangdong hainan sichuan guizhou yunnan shaanxi gansu qinghai taiwan mongolia guangxi tibet ningxia xinjiang " +
    "china chinese national international asia pacific greater bay area delta yangtze pearl river north south east west " +
    "northern southern eastern western central",
);
// Cities elsewhere that entrants and judges often name their organizations after, in both scripts.
const WORLD_ZH = words(
  "波士顿 旧金山 纽约 西雅图 多伦多 蒙特利尔 温哥华 墨西哥城 圣保罗 伦敦 剑桥 牛津 爱丁堡 慕尼黑 柏林 巴黎 里昂 " +
    "阿姆斯特丹 苏黎世 洛桑 日内瓦 斯德哥尔摩 赫尔辛基 哥本哈根 奥斯陆 米兰 罗马 马德里 巴塞罗那 里斯本 布鲁塞尔 维也纳 " +
    "都柏林 华沙 布拉格 布达佩斯 雅典 莫斯科 圣彼得堡 开普敦 开罗 拉各斯 内罗毕 东京 大阪 京都 首尔 新加坡 班加罗尔 " +
    "新德里 特拉维夫 迪拜 阿布扎比 利雅得 多哈 伊斯坦布尔 吉隆坡 曼谷 河内 胡志明市 雅加达 马尼拉 悉尼 墨尔本 奥克兰",
);
const WORLD_EN = words(
  "boston san francisco new york seattle toronto montreal vancouver mexico city monterrey sao paulo rio janeiro " +
    "buenos aires santiago bogota medellin lima london cambridge oxford edinburgh munich berlin aachen dresden paris " +
    "grenoble lyon eindhoven delft amsterdam zurich lausanne geneva stockholm gothenburg helsinki oulu copenhagen aarhus " +
    "oslo trondheim reykjavik milan turin rome madrid barcelona valencia lisbon porto leuven brussels ghent vienna " +
    "innsbruck dublin cork luxembourg warsaw krakow prague brno budapest athens thessaloniki bucharest cluj napoca " +
    "sofia zagreb ljubljana belgrade novi sad moscow saint petersburg novosibirsk minsk kyiv lviv tallinn tartu vilnius " +
    "cape town johannesburg cairo alexandria lagos abuja nairobi casablanca rabat addis ababa tokyo osaka kyoto tsukuba " +
    "seoul daejeon busan singapore bengaluru bangalore hyderabad pune delhi tel aviv haifa jerusalem dubai abu dhabi " +
    "riyadh jeddah doha amman istanbul ankara tehran isfahan kuala lumpur penang bangkok chiang mai hanoi ho chi minh " +
    "jakarta bandung manila cebu phnom penh karachi lahore dhaka colombo kathmandu astana almaty tashkent ulaanbaatar " +
    "sydney melbourne brisbane auckland wellington america american europe european africa african usa uk",
);

/** City, region and country names: they say where an organization is, not which one it is. */
export const CITY_WORDS: readonly string[] = [...CHINA_ZH, ...CHINA_EN, ...WORLD_ZH, ...WORLD_EN];

/** Words any organization may carry in its name. */
export const GENERIC_WORDS: readonly string[] = [
  ...words(
    "大学 学院 研究院 研究所 研究中心 中心 实验室 重点实验室 国家实验室 科学院 科学 科技 技术 理工 工业 工程 " +
      "有限责任公司 股份有限公司 有限公司 公司 集团 创新 联合 前沿 交叉 先进 高等 产业 投资 基金 创投 转移 转化 " +
      "医学 医院 附属 分院 分校 校区 总部 办公室 事务所 协会 学会 委员会 未来 智造 系统 动力",
  ),
  ...words(
    "university univ college institute inst academy school faculty department dept of the and for at in on de la " +
      "inc ltd llc gmbh ag sa bv ab oy co corp corporation company limited plc group holdings " +
      "technology technologies tech science sciences scientific research lab labs laboratory laboratories " +
      "center centre innovation innovations advanced frontier national state joint engineering industrial industries " +
      "medical hospital office transfer ventures capital partners fund foundation systems solutions works dynamics futures " +
      "campus branch",
  ),
];
