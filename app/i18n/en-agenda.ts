// English words of a person's meeting agenda (app/services/follow-on/agenda.server.ts): the page and
// the calendar file. Merged into `en` as `agenda` (see en.ts).
export const enAgenda = {
  title: "My meetings",
  intro: "Your meetings at the follow-on forum, as the organizers scheduled them.",
  notPublished: "The meeting schedule is not published yet. Your meetings appear here once the organizers publish it.",
  empty: "You have no meetings on the published schedule.",
  timeZone: "Times are in {{zone}}.",
  when: "When",
  table: "Table",
  tableNo: "Table {{table}}",
  noTable: "To be announced",
  with: "With",
  entry: "Entry",
  download: "Download the calendar (.ics)",
  downloadHint: "Import it into your calendar; a later download updates the same events when a meeting moves.",
  outcomes: "Record what came of the meetings",
  link: "My follow-on meetings",
  ics: {
    calendarName: "Follow-on meetings",
    summary: "Meeting: {{name}} ({{code}})",
    location: "Table {{table}}",
    description: "Entry {{code}}. Follow-on forum meeting with {{name}}.",
  },
};
