// 对接会成果记录的中文文案（app/domain/meeting-outcomes.ts），在 zh-Hans.ts 中并入 `outcome`。
export const zhHansOutcome = {
  heldRequired: "请说明会面是否已举行",
  kindRequired: "请选择会面的成果",
  notHeldNoDeal: "未举行的会面不能记录达成的合作",
  amountNotNumber: "请以万元为单位填写金额数字",
  amountWhole: "金额请填写整数万元",
  amountPositive: "金额至少为 1 万元",
  amountTooLarge: "金额超出单笔合作的合理范围",
  amountRequired: "投资需要填写金额",
  amountNotForKind: "此类成果没有金额，请留空",
  noteTooLong: "备注请不超过 2000 字",
  kind: {
    noFollowUp: "暂无后续",
    followUp: "后续跟进",
    termSheet: "签署投资意向书",
    investment: "完成投资",
    parkMoveIn: "入驻园区",
    pilotContract: "签订试点合同",
  },
};
