// The meeting schedule's words: so far the settings form's refusals (app/domain/schedule-grid.ts).
export const enSchedule = {
  errors: {
    dayNotReal: "This is not a real date (YYYY-MM-DD).",
    daysRequired: "Name at least one forum day.",
    tooManyDays: "At most 14 forum days.",
    time: "Give a time as HH:MM.",
    endBeforeStart: "The day must end after it starts.",
    slotMinutes: "A slot lasts 5 to 120 minutes.",
    slotLongerThanDay: "A slot cannot be longer than the day.",
    tables: "Between 1 and 500 tables.",
    finalTime: "Give the first pitch's date and time.",
    finalOutsideDays: "The final's first pitch must be on one of the forum days.",
    pitchMinutes: "A pitch lasts 1 to 120 minutes.",
  },
};
