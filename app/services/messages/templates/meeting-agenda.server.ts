// A person's follow-on meeting agenda, sent when the organizers publish the schedule and again
// whenever a later change moves one of their meetings: every meeting with its time, table and the
// other side, and the link to the agenda page (with its calendar file).
import type { EmailContent } from "../render.server";
import type { Words } from "./words.server";

export type AgendaMeeting = { startsAt: string; tableNo: number; withZh: string | null; withEn: string | null };
export type AgendaFacts = {
  name: string;
  /** Whether this is the first agenda they are sent, or a change of one sent before. */
  changed: boolean;
  meetings: readonly AgendaMeeting[];
  /** The agenda page of their side: the partner's or the entrant's. */
  path: string;
};

export function meetingAgenda(w: Words, facts: AgendaFacts): EmailContent {
  const lines = facts.meetings.map((m) =>
    w.t("schedule.mail.meeting", {
      time: w.date(m.startsAt),
      table: w.number(m.tableNo),
      with: w.name(m.withZh, m.withEn),
    }),
  );
  return {
    subject: w.t(facts.changed ? "schedule.mail.changedSubject" : "schedule.mail.subject"),
    heading: w.t("schedule.mail.heading", { name: facts.name }),
    paragraphs: [
      w.t(facts.changed ? "schedule.mail.changedIntro" : "schedule.mail.intro", { count: facts.meetings.length }),
      ...lines,
    ],
    action: { label: w.t("schedule.mail.action"), url: w.link(facts.path) },
  };
}
