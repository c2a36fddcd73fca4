// 个人会面日程的中文文案（页面与日历文件），在 zh-Hans.ts 中并入 `agenda`。
export const zhHansAgenda = {
  title: "我的会面",
  intro: "您在对接会上的会面，按组织方排定的日程列出。",
  notPublished: "会面日程尚未发布。组织方发布后，您的会面将显示在这里。",
  empty: "已发布的日程中没有您的会面。",
  timeZone: "时间均为 {{zone}} 时间。",
  when: "时间",
  table: "桌号",
  tableNo: "{{table}} 号桌",
  noTable: "待定",
  with: "对接方",
  entry: "项目",
  download: "下载日历文件（.ics）",
  downloadHint: "导入您的日历；会面调整后再次下载，会更新同一日程而不会重复添加。",
  outcomes: "记录会面成果",
  link: "我的对接会面",
  ics: {
    calendarName: "对接会面",
    summary: "会面：{{name}}（{{code}}）",
    location: "{{table}} 号桌",
    description: "项目 {{code}}。与{{name}}的对接会面。",
  },
};
