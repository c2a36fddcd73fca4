// 会面日程的文字：目前是设置表单的拒绝提示（app/domain/schedule-grid.ts）。
export const zhHansSchedule = {
  errors: {
    dayNotReal: "不是有效日期（YYYY-MM-DD）。",
    daysRequired: "请至少填写一个论坛日。",
    tooManyDays: "论坛日最多 14 天。",
    time: "请按 HH:MM 填写时间。",
    endBeforeStart: "结束时间须晚于开始时间。",
    slotMinutes: "每个时段为 5 至 120 分钟。",
    slotLongerThanDay: "时段不能长于一天的会面时间。",
    tables: "桌数须在 1 至 500 之间。",
    finalTime: "请填写首场路演的日期和时间。",
    finalOutsideDays: "决赛首场路演须在论坛日之内。",
    pitchMinutes: "每场路演为 1 至 120 分钟。",
  },
};
