// 轮次状态护栏的简体中文文案：关闭评分、发布成绩和撤回发布将做什么，以及各自需要的确认。
// 结构与 en-round-guards.ts 一致（由类型检查保证），合并进 zhHans 的 `guards`。
import type { enRoundGuards } from "./en-round-guards";

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const zhHansRoundGuards: Widen<typeof enRoundGuards> = {
  organizerOnly: "只有组织者可以更改轮次状态。",
  waitingCol: "待完成",
  judgeCol: "评委",
  draftsCol: "草稿",
  missingCol: "未评",
  entryCol: "项目",
  andMore: "另有 {{count}} 项",
  close: {
    title: "关闭评分之前",
    allIn: "所有已分配的评分均已提交：关闭只会阻止后续修改。",
    summary:
      "{{judges}} 位评委在 {{entries}} 个项目上仍有 {{drafts}} 份草稿（已开始、未提交）和 {{missing}} 份未评（已分配、未开始）。",
    consequence:
      "关闭后评委不能再提交：草稿不计入，未评的仍然缺失。成绩只按已提交的评分计算。之后可以填写理由重新开放本轮。",
    judgesTitle: "仍有待完成评分的评委",
    entriesTitle: "受影响的项目",
    confirm: "仍然关闭：{{drafts}} 份草稿和 {{missing}} 份未评不计入。",
    confirmNeeded: "本轮仍在等待 {{drafts}} 份草稿和 {{missing}} 份未评：如仍要关闭，请勾选确认。",
  },
  reopen: {
    guard: "重新开放后评委可以再次提交和修改评分，成绩也会随之变化。请说明理由：理由会记入本轮的历史。",
  },
  publish: {
    title: "发布之前",
    entries: "参与排名的项目",
    noScore: "没有任何评分",
    shortOfJudges: "评委少于 {{k}} 位",
    tooFewToRank: "评分太少无法排名（{{drops}} 份或更少）",
    waiting: "待完成的评分（草稿和未评）",
    tooFewHint:
      "规则去掉 {{high}} 个最高分和 {{low}} 个最低分：评分不超过 {{drops}} 份的项目没有剩余分数可排名，不能按规则晋级。",
    lineupTitle_one: "晋级名单：{{count}} 个项目",
    lineupTitle_other: "晋级名单：{{count}} 个项目",
    unit: "排名单位",
    advancing: "晋级",
    lastIn: "最后一个晋级",
    firstOut: "第一个未晋级",
    why: {
      rank: "排在晋级线以下",
      cap: "因同一单位名额上限被跳过",
      override: "组织者的决定",
    },
    overridesTitle: "组织者的决定（保持不变）",
    noOverrides: "组织者没有更改规则的决定。",
    nextTitle: "下一轮：{{name}}",
    next: {
      none: "这是最后一轮：不会把项目带入任何轮次。",
      fill: "下一轮为空：发布会把 {{after}} 个晋级项目加入其中。",
      refill:
        "下一轮已有 {{before}} 个项目：发布会按晋级名单重新填充，{{before}} → {{after}}（加入 {{added}} 个，移出 {{removed}} 个）。",
      keep: "下一轮已经开始（{{status}}）：发布不会改动其中的 {{before}} 个项目。有 {{added}} 个晋级项目不在其中，其中有 {{removed}} 个项目在本轮未晋级。",
      same: "下一轮的名单已经与晋级名单完全一致。",
    },
    addedTitle: "加入下一轮",
    removedTitle: "移出下一轮",
    notCarriedTitle: "晋级但不在下一轮",
    notAdvancingTitle: "在下一轮但本轮未晋级",
    judgedThere: "已在下一轮分配评委",
    wouldRemoveJudged:
      "发布会移出下一轮中已分配评委或已有评分的 {{count}} 个项目（{{codes}}）。请将它们保留为晋级（组织者的决定），或先撤下它们的评委。",
    confirmNextLabel: "我已阅读下一轮将发生的变化。",
    confirmNext: "请确认发布对下一轮的影响。",
    waitingWarning: "仍有 {{count}} 份评分待完成。现在发布会在没有这些评分的情况下冻结排名：它们将永远不计入。",
    typeCountLabel: "输入待完成评分的数量（{{count}}），以在缺少这些评分的情况下发布",
    typeCount: "请输入 {{count}}（待完成评分的数量），以在缺少这些评分的情况下发布。",
    reasonLabel: "为什么在缺少评分时发布？",
    reasonNeeded: "请说明为什么在缺少评分时发布：理由会记入本轮的历史。",
    planChanged: "页面加载后情况有变：请重新查看预览后再发布。",
  },
  unpublish: {
    title: "撤回发布",
    help: "本轮回到已关闭：公开成绩页和 API 不再显示，参赛者也看不到本轮的结果和组织者的反馈。合作方的缓存可能最多保留一分钟。",
    summary:
      "{{takenBack}} 个项目离开{{name}}，恢复它此前的 {{putBack}} 个名额，{{resetToIn}} 个规则决定回到“在赛”，{{overridesKept}} 个组织者的决定及其理由保持不变。",
    last: "这是最后一轮：只有本轮回到已关闭。",
    nextOpened: "下一轮已经开始：这次发布不能再撤回。",
    nextJudged: "下一轮已有评委分配（{{assignments}}）或评分（{{scores}}）：请先撤回这些分配。",
    notPublished: "本轮尚未发布。",
    reasonLabel: "为什么撤回？",
    reasonNeeded: "请说明撤回发布的理由：理由会记入本轮的历史。",
    submit: "撤回发布",
    done: "发布已撤回：本轮重新回到已关闭。",
  },
};
