// 参赛者流程（提交确认、报名入口、名次、赛区提示）的中文文案。合并到 `zhHans.entrant`（见 zh-Hans.ts）。
import type { enEntrant } from "./en-entrant";

export const zhHansEntrant: typeof enEntrant = {
  title: "我的项目",
  submitted: {
    pageTitle: "项目已提交",
    heading: "你的参赛项目已提交",
    code: "项目编号",
    entryTitle: "项目名称",
    codeHint: "与组委会联系时请注明此编号。",
    next: "接下来",
    editUntil: "报名截止（{{date}}）前，你仍可修改项目信息。",
    editClosed: "报名已截止：项目信息以你提交的内容为准。",
    roundBoth: "{{round}}：评委于 {{opens}} 至 {{closes}} 评审项目。",
    roundOpens: "{{round}}：评委自 {{opens}} 起评审项目。",
    roundCloses: "{{round}}：评委评审至 {{closes}}。",
    roundUndated: "{{round}}：具体日期由组委会另行公布。",
    noRound: "赛程及日期由组委会另行公布。",
    resultsAfter: "{{round}}结果预计在 {{closes}} 之后公布，公布时我们会发邮件通知你。",
    resultsPublished: "{{round}}结果已于 {{date}} 公布。",
    resultsLater: "结果公布时我们会发邮件通知你。",
    receipt: "回执已发送至 {{email}}。",
    timeZone: "以上时间均为大赛所在时区（{{zone}}）。",
    viewEntry: "查看或修改项目",
    allEntries: "我的全部项目",
  },
  register: {
    button: "立即报名",
    homeButton: "报名参赛",
    closes: "报名开放至 {{date}}。",
    opens: "报名将于 {{date}} 开始。",
    closed: "报名已于 {{date}} 截止。",
  },
  rank: {
    inUnit: "{{unit}}第 {{rank}} 名（共 {{total}} 个项目）",
    overall: "总排名第 {{rank}} 名（共 {{total}} 个项目）",
  },
  hint: {
    useGroup: "来自{{country}}的项目应报名{{groups}}。",
    useOneOf: "来自{{country}}的项目可报名以下赛区之一：{{groups}}。",
    noGroup: "本届大赛没有接收来自{{country}}项目的赛区。",
  },
};
