// 后续服务各页共用的中文文案（访问拒绝、栏目名），在 zh-Hans.ts 中并入 `followOn`。
export const zhHansFollowOn = {
  area: "后续服务",
  partnerOnly: "只有本届合作机构的人员可以打开此页。",
  adminNav: { label: "组织方页面", partners: "合作机构", meetings: "后续服务对接" },
  entryNotFound: "后续服务中没有此参赛项目，或其团队尚未同意展示。",
};
