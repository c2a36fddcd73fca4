import type { enAudit } from "./en-audit";

// 历史记录标签：与 en-audit.ts 同样的键。
export const zhHansAudit: typeof enAudit = {
  user: {
    password_reset: "组委会重设密码",
    disabled: "停用账号",
    enabled: "启用账号",
    unlocked: "解除登录限制",
    invite_accepted: "接受邀请",
    organizer_created: "通过命令行创建组委会账号",
    organizer_granted: "通过命令行设为组委会成员",
  },
  entry: {
    created: "创建草稿",
    updated: "编辑",
    submitted: "提交",
    withdrawn: "退赛",
    disqualified: "取消资格",
    reinstated: "恢复参赛",
    moved: "调整赛区/赛道",
    imported: "批量导入",
    feedback: "填写参赛者反馈",
    advancement: "组委会决定晋级",
  },
  judge: {
    created: "添加评委",
    updated: "编辑评委",
    invited: "生成邀请链接",
  },
  conflict: {
    added: "组委会登记利益冲突",
    declared: "评委申报利益冲突",
    detected: "系统提示可能的利益冲突",
    confirmed: "确认利益冲突",
    dismissed: "排除提示的利益冲突",
  },
  round: {
    settings: "修改规则",
    rubric: "修改评分细则",
    open: "开始评审",
    closed: "结束评审",
    reopened: "重新开放评审",
    published: "发布成绩",
    unpublished: "撤回成绩发布",
    assigned: "分配评委",
    panel_seated: "确定决赛评委组",
    advancement: "确定晋级",
  },
  assignment: {
    swapped: "更换评委",
  },
  score: {
    submitted: "提交评分",
    revised: "修改评分",
  },
  live: {
    started: "总决赛开始",
    scoring_opened: "开始现场评分",
    scoring_closed: "结束现场评分",
    revealed: "公布成绩",
    reveal_undone: "撤回公布",
    frozen: "封榜",
    awards_configured: "设置奖项",
    awards_shown: "展示获奖名单",
    auto_reveal_on: "开启自动公布",
    auto_reveal_off: "关闭自动公布",
    entry_hidden: "在排行榜上隐藏项目",
    ceremony_started: "颁奖典礼开始",
    ceremony_revealed: "颁奖典礼揭晓封存成绩",
  },
  competition: {
    created: "创建届次",
    copied: "从往届复制赛区、赛道与轮次",
  },
  group: {
    created: "新增赛区",
    updated: "修改赛区",
  },
  track: {
    created: "新增赛道",
    updated: "修改赛道",
  },
};
