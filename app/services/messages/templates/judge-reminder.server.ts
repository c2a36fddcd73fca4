// A reminder to a judge who is behind: what they have done in the round, what is left, and the link to it.
import type { EmailContent } from "../render.server";
import type { Words } from "./words.server";

export type ReminderFacts = {
  name: string;
  round: { slug: string; name_zh: string; name_en: string; closes_at: string | null };
  assigned: number;
  submitted: number;
  drafts: number;
};

export function judgeReminder(w: Words, facts: ReminderFacts): EmailContent {
  const left = facts.assigned - facts.submitted;
  const round = w.name(facts.round.name_zh, facts.round.name_en);
  return {
    subject: w.t("messages.reminder.subject", { count: left }),
    heading: w.t("messages.reminder.heading", { name: facts.name }),
    paragraphs: [
      w.t("messages.reminder.progress", {
        round,
        done: w.number(facts.submitted),
        assigned: w.number(facts.assigned),
      }),
      w.t("messages.reminder.left", { left: w.number(left), drafts: w.number(facts.drafts) }),
      ...(facts.round.closes_at ? [w.t("messages.reminder.closes", { date: w.date(facts.round.closes_at) })] : []),
    ],
    action: { label: w.t("messages.reminder.action"), url: w.link(`/judge/${facts.round.slug}`) },
  };
}
