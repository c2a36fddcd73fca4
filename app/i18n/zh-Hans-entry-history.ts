import type { enEntryHistory } from "./en-entry-history";

// 项目身份与历史记录：与 en-entry-history.ts 同样的键。
export const zhHansEntryHistory: typeof enEntryHistory = {
  groupLocked: "项目提交后赛区不能再修改。如报名时选错了赛区，可由组委会调整。",
  trackLocked: "项目提交后赛道不能再修改。如报名时选错了赛道，可由组委会调整。",
  placementLocked:
    "项目已提交，赛区和赛道不能在此修改：项目编号和评委分配都以此为准。如有错误，请联系组委会，由组委会为您调整。",
  formerCodes: "曾用编号",
  formerCodesHint: "这些编号仍可找到该项目：公开页面会跳转到当前编号。",
  changes: "变更内容",
  from: "原为",
  to: "改为",
  arrow: "→",
  started: "初始为",
  members_one: "{{count}} 名成员",
  members_other: "{{count}} 名成员",
  by: "操作人：{{name}}",
  unknownActor: "系统",
  fields: {
    code: "项目编号",
    status: "状态",
    group: "赛区",
    track: "赛道",
    title_zh: "中文项目名称",
    title_en: "英文项目名称",
    summary_zh: "中文简介",
    summary_en: "英文简介",
    organization: "单位",
    country: "国家和地区",
    city: "城市",
    website: "网站",
    contact_name: "联系人",
    contact_email: "联系邮箱",
    team: "团队成员",
  },
};
