// An entrant's outcome of a published round: advanced, a finalist (advanced into a round played live
// on stage), not advancing, or placed (the last round), with the rank as "48 of 563" in its ranking
// unit and the feedback an organizer wrote for them.
import type { EmailContent } from "../render.server";
import type { Words } from "./words.server";

export const OUTCOMES = ["advanced", "finalist", "eliminated", "placed"] as const;
export type Outcome = (typeof OUTCOMES)[number];
type Named = { name_zh: string; name_en: string };

export type OutcomeFacts = {
  outcome: Outcome;
  code: string;
  title_zh: string | null;
  title_en: string | null;
  round: Named;
  next: Named | null;
  rank: number | null;
  of: number;
  /** The ranking unit's name (a group, a track), or null for all entries ranked together. */
  unit: Named | null;
  feedback: string | null;
  /** Where the entrant reads it: their entry's page, or the public results without an account. */
  path: string;
  signedIn: boolean;
};

export function roundOutcome(w: Words, facts: OutcomeFacts): EmailContent {
  const words = {
    code: facts.code,
    title: w.name(facts.title_zh, facts.title_en) || facts.code,
    round: w.name(facts.round.name_zh, facts.round.name_en),
    next: facts.next ? w.name(facts.next.name_zh, facts.next.name_en) : "",
  };
  const unit = facts.unit ? w.name(facts.unit.name_zh, facts.unit.name_en) : w.t("messages.outcome.allEntries");
  return {
    subject: w.t(`messages.outcome.subject.${facts.outcome}`, words),
    heading: w.t(`messages.outcome.heading.${facts.outcome}`, words),
    paragraphs: [
      w.t(`messages.outcome.body.${facts.outcome}`, words),
      facts.rank === null
        ? w.t("messages.outcome.unranked")
        : w.t("messages.outcome.rank", { rank: w.number(facts.rank), of: w.number(facts.of), unit }),
      ...(facts.feedback ? [w.t("messages.outcome.feedback", { feedback: facts.feedback })] : []),
    ],
    action: {
      label: w.t(facts.signedIn ? "messages.outcome.action" : "messages.outcome.actionPublic"),
      url: w.link(facts.path),
    },
  };
}
