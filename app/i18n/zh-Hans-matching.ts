// 后续服务对接的中文文案（app/domain/partner-matching.ts），在 zh-Hans.ts 中并入 `matching`。
export const zhHansMatching = {
  refusal: {
    partnerCapReached: "您发出的会面请求已达上限（{{cap}} 个），撤回一个后才能再发",
    entryCapReached: "该项目收到的同类合作方请求已达上限（{{cap}} 个）",
    alreadyRequested: "您与该项目之间已有一个未结束的请求",
    noConsent: "该项目未同意向合作方展示",
    notAParty: "这不是您的请求",
    notTheReceiver: "只有收到请求的一方可以接受或拒绝",
    notTheSender: "只有发出请求的一方可以撤回",
    requestWithdrawn: "该请求已被撤回",
    requestDeclined: "该请求已被拒绝",
    requestAccepted: "该请求已被接受，会面已确定",
  },
};
