// The live final as pure state machines: the organizer's control state, the public state every
// screen shows, and the changes that move them. The server and every client fold the same changes
// with `applyChange`, so a screen that resyncs ends exactly where the server is. The commands are
// decided in live-commands.ts; the refusals are named in live-refusals.ts.
import { compareDec, parseDecimal } from "./decimal";
import { rankEntries, type TieBreakKey } from "./ranking";
import type { AggregationRule } from "./scoring";
import type { AuditAction } from "./audit-actions";
import type { LiveRefusal } from "./live-refusals";

// The commands' decisions live in live-commands.ts; re-exported so one module is the live final's API.
export { AWARD_TIERS, awardTiers, decide, trackTopAwards } from "./live-commands";

export type Phase = "idle" | "pitching" | "scoring" | "closed" | "revealed";
export type Localized = { zh: string; en: string };
export type CardKind = "break" | "next" | "sponsor" | "notice";
export type MessageCard = { kind: CardKind; title: Localized; body: Localized };
export type AwardTier = "champion" | "runnerUp" | "third";

export type LiveEntry = {
  id: number;
  code: string;
  title: Localized;
  organization: string;
  country: string;
  team: string[];
  group: Localized;
  track: Localized;
};

/** A judge's seat on the panel (1..n) rather than their name: the screen shows the panel's marks. */
export type SeatMark = { seat: number; mark: string; dropped: boolean };
export type Reveal = { entryId: number; result: string; marks: SeatMark[] };
export type RankingRow = { entryId: number; rank: number | null; result: string | null };
/** Award lists: the three tiers, then (when configured) the top N of each track, by track code. */
export type Awards = { tier: AwardTier | "trackTop"; entryIds: number[]; track?: string }[];

export type Stage = { entryId: number | null; phase: Phase; submitted: number; of: number };

export type PublicState = {
  seq: number;
  round: { slug: string; name: Localized; panel: number };
  entries: LiveEntry[];
  stage: Stage;
  reveal: Reveal | null;
  ranking: RankingRow[];
  frozen: boolean;
  /** Entries whose results were kept back by the freeze, for the ceremony. */
  sealed: number[];
  ceremony: "none" | "running" | "done";
  awards: Awards | null;
  card: MessageCard | null;
};

/** What the public state can go through: the `change` of an `update` event. */
export type Change =
  | { type: "order"; order: number[] }
  | { type: "stage"; stage: Stage }
  | { type: "progress"; entryId: number; submitted: number; of: number }
  | { type: "reveal"; reveal: Reveal; ranking: RankingRow[] }
  | { type: "unreveal"; entryId: number; ranking: RankingRow[] }
  | { type: "sealed"; entryId: number }
  | { type: "freeze"; frozen: boolean }
  | { type: "ceremony"; ceremony: "none" | "running" | "done" }
  | { type: "awards"; awards: Awards }
  | { type: "card"; card: MessageCard | null }
  | { type: "hidden"; entryId: number; ranking: RankingRow[] };

/** The public state of a final that has just started: its entries in pitch order, nothing on stage. */
export function initialPublicState(round: PublicState["round"], entries: LiveEntry[]): PublicState {
  return {
    seq: 0,
    round,
    entries,
    stage: { entryId: null, phase: "idle", submitted: 0, of: round.panel },
    reveal: null,
    ranking: [],
    frozen: false,
    sealed: [],
    ceremony: "none",
    awards: null,
    card: null,
  };
}

/** An entry's result leaves the public board (undone or hidden): the new ranking, no reveal, not sealed. */
function withoutResult(state: PublicState, next: PublicState, entryId: number, ranking: RankingRow[]) {
  next.ranking = ranking;
  next.sealed = state.sealed.filter((id) => id !== entryId);
  if (state.reveal?.entryId === entryId) next.reveal = null;
}

/** Folds one change into the public state (pure; the same on the server and every screen). */
export function applyChange(state: PublicState, seq: number, change: Change): PublicState {
  const next: PublicState = { ...state, seq };
  switch (change.type) {
    case "order": {
      const byId = new Map(state.entries.map((e) => [e.id, e]));
      next.entries = change.order.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      return next;
    }
    case "stage":
      next.stage = change.stage;
      if (change.stage.phase !== "revealed") next.reveal = null;
      return next;
    case "progress":
      if (state.stage.entryId === change.entryId)
        next.stage = { ...state.stage, submitted: change.submitted, of: change.of };
      return next;
    case "reveal":
      next.reveal = change.reveal;
      next.ranking = change.ranking;
      next.sealed = state.sealed.filter((id) => id !== change.reveal.entryId);
      if (state.stage.entryId === change.reveal.entryId) next.stage = { ...state.stage, phase: "revealed" };
      return next;
    case "unreveal":
      withoutResult(state, next, change.entryId, change.ranking);
      if (state.stage.entryId === change.entryId) next.stage = { ...state.stage, phase: "closed" };
      return next;
    case "sealed":
      next.sealed = state.sealed.includes(change.entryId) ? state.sealed : [...state.sealed, change.entryId];
      if (state.stage.entryId === change.entryId) next.stage = { ...state.stage, phase: "revealed" };
      return next;
    case "freeze":
      next.frozen = change.frozen;
      return next;
    case "ceremony":
      next.ceremony = change.ceremony;
      if (change.ceremony === "done") next.frozen = false;
      return next;
    case "awards":
      next.awards = change.awards;
      return next;
    case "card":
      next.card = change.card;
      return next;
    case "hidden":
      next.entries = state.entries.filter((e) => e.id !== change.entryId);
      withoutResult(state, next, change.entryId, change.ranking);
      if (state.stage.entryId === change.entryId)
        next.stage = { entryId: null, phase: "idle", submitted: 0, of: state.stage.of };
      return next;
  }
}

export type ControlState = {
  roundId: number;
  order: number[];
  current: number | null;
  phase: Phase;
  /** Every revealed entry, in reveal order, sealed ones included. */
  revealed: number[];
  /** Revealed to the control room during the freeze, not yet to the public. */
  sealed: number[];
  frozen: boolean;
  ceremony: "none" | "running" | "done";
  hidden: number[];
  /** How many entries each award tier takes: champion, runner-up, third (tiers may be shared). */
  awardCounts: [number, number, number];
  /** The top N of each track also awarded (e.g. TOP10 per track); 0 for none. */
  trackTop?: number;
  card: MessageCard | null;
  /** Reveal as soon as scoring closes by itself (every panel judge submitted), without a click. */
  autoReveal: boolean;
};

export function initialControl(roundId: number, order: readonly number[]): ControlState {
  return {
    roundId,
    order: [...order],
    current: null,
    phase: "idle",
    revealed: [],
    sealed: [],
    frozen: false,
    ceremony: "none",
    hidden: [],
    awardCounts: [1, 1, 1],
    card: null,
    autoReveal: false,
  };
}

export type Command =
  | { type: "reorder"; order: number[] }
  | { type: "stage"; entryId: number }
  | { type: "open" }
  | { type: "close"; reason?: string | undefined }
  | { type: "reveal" }
  | { type: "undoReveal"; reason: string }
  | { type: "freeze" }
  | { type: "ceremonyStep" }
  | { type: "card"; card: MessageCard | null }
  | { type: "awards"; counts: [number, number, number]; trackTop?: number | undefined }
  | { type: "autoReveal"; on: boolean }
  | { type: "hide"; entryId: number; reason: string };

/** What the server knows when it decides: the stage's submissions and the results so far. */
export type Facts = {
  /** Panel seats of the entry on stage. */
  panel: number;
  /** Submitted stage scores of the entry on stage. */
  submitted: number;
  /** The same two counts for any entry: the one about to be staged is not on stage yet. */
  progressOf(entryId: number): { submitted: number; of: number };
  /** Marks the rule needs at least (drops + 1). */
  minMarks: number;
  /** The revealed result of an entry from its submitted scores. */
  reveal(entryId: number): Reveal;
  /** The ranking of these entries' results. */
  rank(entryIds: readonly number[]): RankingRow[];
  /** The track (code) an entry competes in, for per-track awards. */
  trackOf(entryId: number): string;
};

export type Decision =
  | { ok: true; control: ControlState; changes: Change[]; audit: { action: AuditAction; reason: string | null } | null }
  | LiveRefusal;

/** Which of a panel's marks the rule drops: the lowest and highest by value, only as many as it says. */
export function seatMarks(
  marks: readonly { seat: number; mark: string }[],
  rule: Pick<AggregationRule, "dropHighest" | "dropLowest">,
): SeatMark[] {
  const sorted = [...marks].sort((a, b) => compareDec(parseDecimal(a.mark), parseDecimal(b.mark)) || a.seat - b.seat);
  const dropped = new Set<number>();
  sorted.slice(0, rule.dropLowest).forEach((m) => dropped.add(m.seat));
  sorted.slice(sorted.length - rule.dropHighest).forEach((m) => dropped.add(m.seat));
  return [...marks]
    .sort((a, b) => a.seat - b.seat)
    .map((m) => ({ seat: m.seat, mark: m.mark, dropped: dropped.has(m.seat) }));
}

/** The ranking of the given entries' marks by the round's rule (best first, ties shared). */
export function liveRanking(
  entries: readonly {
    entryId: number;
    marks: readonly string[];
    previousRank?: number | undefined;
    criteria?: Readonly<Record<string, string>> | undefined;
  }[],
  rule: AggregationRule,
  tieBreaks: readonly TieBreakKey[] = [],
): RankingRow[] {
  return rankEntries({
    entries: entries.map((e) => ({
      id: String(e.entryId),
      marks: e.marks.map((mark, i) => ({ judgeId: String(i), mark })),
      ...(e.previousRank !== undefined ? { previousRank: e.previousRank } : {}),
      ...(e.criteria ? { criteria: e.criteria } : {}),
    })),
    rule,
    tieBreaks,
  }).map((r) => ({ entryId: Number(r.id), rank: r.rank, result: r.result }));
}
