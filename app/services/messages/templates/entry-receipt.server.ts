// The entrant's receipt for a submitted entry: its code, title, group and track by name, and what
// happens next and when (the first round's dates when they are set, else the registration deadline).
import type { EmailContent } from "../render.server";
import type { Words } from "./words.server";

type Named = { name_zh: string; name_en: string };
export type ReceiptFacts = {
  entryId: number;
  code: string;
  title_zh: string | null;
  title_en: string | null;
  group: Named;
  track: Named;
  firstRound: (Named & { opens_at: string | null; closes_at: string | null }) | null;
  registrationClosesAt: string;
};

function nextStep(w: Words, facts: ReceiptFacts): string {
  const round = facts.firstRound;
  if (round?.opens_at && round.closes_at)
    return w.t("messages.receipt.nextRound", {
      round: w.name(round.name_zh, round.name_en),
      opens: w.date(round.opens_at),
      closes: w.date(round.closes_at),
    });
  if (round?.opens_at)
    return w.t("messages.receipt.nextRoundOpens", {
      round: w.name(round.name_zh, round.name_en),
      opens: w.date(round.opens_at),
    });
  return w.t("messages.receipt.nextDeadline", { date: w.date(facts.registrationClosesAt) });
}

export function entryReceipt(w: Words, facts: ReceiptFacts): EmailContent {
  return {
    subject: w.t("messages.receipt.subject", { code: facts.code }),
    heading: w.t("messages.receipt.heading", { code: facts.code }),
    paragraphs: [
      w.t("messages.receipt.entry", {
        title: w.name(facts.title_zh, facts.title_en),
        group: w.name(facts.group.name_zh, facts.group.name_en),
        track: w.name(facts.track.name_zh, facts.track.name_en),
      }),
      nextStep(w, facts),
      w.t("messages.receipt.outcome"),
    ],
    action: { label: w.t("messages.receipt.action"), url: w.link(`/me/entries/${facts.entryId}`) },
  };
}
