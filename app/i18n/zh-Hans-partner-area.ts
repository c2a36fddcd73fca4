// 合作方专区的中文文案（app/routes/partner.tsx 与 partner.profile.tsx）：导航与合作方自己的资料表。在 zh-Hans.ts 中并入 `partnerArea`。
import type { enPartnerArea } from "./en-partner-area";

export const zhHansPartnerArea: typeof enPartnerArea = {
  nav: {
    label: "合作方页面",
    entries: "参赛项目",
    requests: "会面请求",
    meetings: "会面",
    agenda: "日程",
    profile: "机构资料",
  },
  actingFor: "当前身份：{{name}}",
  profile: {
    title: "{{name}}的机构资料",
    intro: "参赛团队和匹配系统读到的贵机构信息。可用中文、英文或两者填写，参赛者按其语言阅读。",
    kind: "合作方类型：{{kind}}",
    kindFixed: "类型由组委会设定，如有错误请联系组委会。",
    saved: "资料已保存。",
    save: "保存资料",
  },
};
