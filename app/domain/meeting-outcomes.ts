// What came of a follow-on meeting, as either side records it, and the organizers' totals: meetings
// held, deals and amounts by track, group and country. Amounts are integers in 万元 (ten thousand
// yuan, how Chinese term sheets and the competition's forms state them), so sums are exact. Pure.
import { z } from "zod";

export const OUTCOME_KINDS = [
  "noFollowUp",
  "followUp",
  "termSheet",
  "investment",
  "parkMoveIn",
  "pilotContract",
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** The kinds that count as a deal on the dashboard (a follow-up call is not one yet). */
export const DEAL_KINDS: ReadonlySet<OutcomeKind> = new Set(["termSheet", "investment", "parkMoveIn", "pilotContract"]);

/** Kinds whose record states an amount: the investment made, the term sheet's size, the pilot's value. */
const WITH_AMOUNT: ReadonlySet<OutcomeKind> = new Set(["termSheet", "investment", "pilotContract"]);

/** The largest amount a form accepts: 10 billion yuan, far above any single round. */
export const MAX_AMOUNT_WAN = 1_000_000;

/**
 * A recorded outcome as a form sends it. The messages are i18n keys, at the field that caused
 * them; an investment without its amount is refused at the amount.
 */
export const outcomeFormSchema = z
  .object({
    meetingId: z.coerce.number().int().positive(),
    held: z.enum(["yes", "no"], { message: "outcome.heldRequired" }).transform((v) => v === "yes"),
    kind: z.enum(OUTCOME_KINDS, { message: "outcome.kindRequired" }),
    // An empty field is no amount; anything else must be a whole number of 万元.
    amountWan: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.coerce
        .number({ message: "outcome.amountNotNumber" })
        .int("outcome.amountWhole")
        .min(1, "outcome.amountPositive")
        .max(MAX_AMOUNT_WAN, "outcome.amountTooLarge")
        .optional(),
    ),
    note: z.string().trim().max(2000, "outcome.noteTooLong").optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.held && v.kind !== "noFollowUp")
      ctx.addIssue({ code: "custom", path: ["kind"], message: "outcome.notHeldNoDeal" });
    if (v.kind === "investment" && v.amountWan === undefined)
      ctx.addIssue({ code: "custom", path: ["amountWan"], message: "outcome.amountRequired" });
    if (!WITH_AMOUNT.has(v.kind) && v.amountWan !== undefined)
      ctx.addIssue({ code: "custom", path: ["amountWan"], message: "outcome.amountNotForKind" });
  });
export type OutcomeForm = z.output<typeof outcomeFormSchema>;

/** One meeting as the dashboard reads it: the entry's track, group and country, and both sides' records. */
export type MeetingRecord = {
  meetingId: number;
  track: string;
  group: string;
  country: string;
  /** What each side recorded; either may be missing. */
  outcomes: readonly { held: boolean; kind: OutcomeKind; amountWan?: number | undefined }[];
};

export type OutcomeTotals = { meetings: number; held: number; deals: number; amountWan: number };
export type OutcomeDashboard = {
  total: OutcomeTotals;
  byTrack: Map<string, OutcomeTotals>;
  byGroup: Map<string, OutcomeTotals>;
  byCountry: Map<string, OutcomeTotals>;
  byKind: Map<OutcomeKind, number>;
};

const empty = (): OutcomeTotals => ({ meetings: 0, held: 0, deals: 0, amountWan: 0 });

/**
 * What one meeting counts for. When the two sides disagree, the meeting was held if either says
 * so, and its deal is the furthest one either recorded (an investment over a term sheet), with
 * that record's amount, the larger if both named the same kind: a deal is counted once per meeting.
 */
export function meetingResult(record: MeetingRecord): { held: boolean; deal: OutcomeKind | null; amountWan: number } {
  const held = record.outcomes.some((o) => o.held);
  const rank = (k: OutcomeKind) => OUTCOME_KINDS.indexOf(k);
  let deal: OutcomeKind | null = null;
  let amountWan = 0;
  for (const o of record.outcomes) {
    if (!o.held || !DEAL_KINDS.has(o.kind)) continue;
    if (deal === null || rank(o.kind) > rank(deal)) {
      deal = o.kind;
      amountWan = o.amountWan ?? 0;
    } else if (o.kind === deal) amountWan = Math.max(amountWan, o.amountWan ?? 0);
  }
  return { held, deal, amountWan };
}

export function outcomeDashboard(records: readonly MeetingRecord[]): OutcomeDashboard {
  const dashboard: OutcomeDashboard = {
    total: empty(),
    byTrack: new Map(),
    byGroup: new Map(),
    byCountry: new Map(),
    byKind: new Map(),
  };
  const add = (totals: OutcomeTotals, r: ReturnType<typeof meetingResult>) => {
    totals.meetings += 1;
    if (r.held) totals.held += 1;
    if (r.deal) {
      totals.deals += 1;
      totals.amountWan += r.amountWan;
    }
  };
  const into = <K>(map: Map<K, OutcomeTotals>, key: K) => {
    const totals = map.get(key) ?? empty();
    map.set(key, totals);
    return totals;
  };
  for (const record of records) {
    const r = meetingResult(record);
    add(dashboard.total, r);
    add(into(dashboard.byTrack, record.track), r);
    add(into(dashboard.byGroup, record.group), r);
    add(into(dashboard.byCountry, record.country), r);
    if (r.deal) dashboard.byKind.set(r.deal, (dashboard.byKind.get(r.deal) ?? 0) + 1);
  }
  return dashboard;
}
