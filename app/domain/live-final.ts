// The live final as pure state machines: the organizer's control state, the public state every
// screen shows, and the changes that move them. The server and every client fold the same changes
// with `applyChange`, so a screen that resyncs ends exactly where the server is.
import { compareDec, parseDecimal } from "./decimal";
import { rankEntries, type TieBreakKey } from "./ranking";
import type { AggregationRule } from "./scoring";
import type { AuditAction } from "./audit-actions";

export type Phase = "idle" | "pitching" | "scoring" | "closed" | "revealed";
export type Localized = { zh: string; en: string };
export type CardKind = "break" | "next" | "sponsor" | "notice";
export type MessageCard = { kind: CardKind; title: Localized; body: Localized };
export type AwardTier = "champion" | "runnerUp" | "third";
export const AWARD_TIERS: readonly AwardTier[] = ["champion", "runnerUp", "third"];

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

export type RefusalCode =
  | "not_in_final"
  | "bad_order"
  | "scoring_in_progress"
  | "no_entry_on_stage"
  | "not_pitching"
  | "not_scoring"
  | "too_few_marks"
  | "reason_required"
  | "not_closed"
  | "nothing_to_undo"
  | "already_frozen"
  | "not_frozen"
  | "ceremony_over"
  | "ceremony_started";

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
  | { ok: false; code: RefusalCode };

const refuse = (code: RefusalCode): Decision => ({ ok: false, code });
const publicIds = (c: ControlState) => c.revealed.filter((id) => !c.sealed.includes(id));

/** The control room's commands, checked against the state. Pure: the caller persists and broadcasts. */
export function decide(control: ControlState, command: Command, facts: Facts): Decision {
  const stage = (c: ControlState, submitted = 0): Change => ({
    type: "stage",
    stage: { entryId: c.current, phase: c.phase, submitted, of: facts.panel },
  });
  switch (command.type) {
    case "reorder": {
      const same =
        command.order.length === control.order.length &&
        new Set(command.order).size === command.order.length &&
        command.order.every((id) => control.order.includes(id));
      if (!same) return refuse("bad_order");
      const next = { ...control, order: [...command.order] };
      return { ok: true, control: next, changes: [{ type: "order", order: next.order }], audit: null };
    }
    case "stage": {
      if (!control.order.includes(command.entryId)) return refuse("not_in_final");
      if (control.phase === "scoring" || control.phase === "closed") return refuse("scoring_in_progress");
      if (control.ceremony !== "none") return refuse("ceremony_started");
      const next: ControlState = {
        ...control,
        current: command.entryId,
        phase: control.revealed.includes(command.entryId) ? "revealed" : "pitching",
      };
      // The counter is the new entry's: nobody has scored a pitch before scoring opens, and its panel
      // may differ (a judge's conflict) from the entry before it, whose count must not carry over.
      const { submitted, of } = facts.progressOf(command.entryId);
      const change: Change = {
        type: "stage",
        stage: { entryId: next.current, phase: next.phase, submitted: next.phase === "pitching" ? 0 : submitted, of },
      };
      return { ok: true, control: next, changes: [change], audit: null };
    }
    case "open": {
      if (control.current === null) return refuse("no_entry_on_stage");
      if (control.phase !== "pitching") return refuse("not_pitching");
      const next: ControlState = { ...control, phase: "scoring" };
      return {
        ok: true,
        control: next,
        changes: [stage(next, facts.submitted)],
        audit: { action: "live.scoring_opened", reason: null },
      };
    }
    case "close": {
      if (control.phase !== "scoring") return refuse("not_scoring");
      if (facts.submitted < facts.minMarks) return refuse("too_few_marks");
      const reason = command.reason?.trim() || null;
      if (facts.submitted < facts.panel && !reason) return refuse("reason_required");
      const next: ControlState = { ...control, phase: "closed" };
      return {
        ok: true,
        control: next,
        changes: [stage(next, facts.submitted)],
        audit: { action: "live.scoring_closed", reason },
      };
    }
    case "reveal": {
      if (control.phase !== "closed" || control.current === null) return refuse("not_closed");
      const id = control.current;
      const next: ControlState = {
        ...control,
        phase: "revealed",
        revealed: [...control.revealed, id],
        sealed: control.frozen ? [...control.sealed, id] : control.sealed,
      };
      const change: Change = control.frozen
        ? { type: "sealed", entryId: id }
        : { type: "reveal", reveal: facts.reveal(id), ranking: facts.rank(publicIds(next)) };
      return { ok: true, control: next, changes: [change], audit: { action: "live.revealed", reason: null } };
    }
    case "undoReveal": {
      // Only the last reveal, and only while it is still on stage: the next step makes it final.
      const last = control.revealed.at(-1);
      if (control.phase !== "revealed" || last === undefined || last !== control.current || control.ceremony !== "none")
        return refuse("nothing_to_undo");
      if (!command.reason.trim()) return refuse("reason_required");
      const next: ControlState = {
        ...control,
        phase: "closed",
        revealed: control.revealed.slice(0, -1),
        sealed: control.sealed.filter((id) => id !== last),
      };
      return {
        ok: true,
        control: next,
        changes: [{ type: "unreveal", entryId: last, ranking: facts.rank(publicIds(next)) }],
        audit: { action: "live.reveal_undone", reason: command.reason.trim() },
      };
    }
    case "freeze": {
      if (control.frozen) return refuse("already_frozen");
      if (control.ceremony !== "none") return refuse("ceremony_over");
      const next = { ...control, frozen: true };
      return {
        ok: true,
        control: next,
        changes: [{ type: "freeze", frozen: true }],
        audit: { action: "live.frozen", reason: null },
      };
    }
    case "ceremonyStep":
      return ceremonyStep(control, facts);
    case "card": {
      const next = { ...control, card: command.card };
      return { ok: true, control: next, changes: [{ type: "card", card: command.card }], audit: null };
    }
    case "awards": {
      if (control.ceremony === "done") return refuse("ceremony_over");
      return {
        ok: true,
        control: { ...control, awardCounts: command.counts, trackTop: command.trackTop ?? control.trackTop ?? 0 },
        changes: [],
        audit: { action: "live.awards_configured", reason: null },
      };
    }
    case "autoReveal":
      return {
        ok: true,
        control: { ...control, autoReveal: command.on },
        changes: [],
        audit: { action: command.on ? "live.auto_reveal_on" : "live.auto_reveal_off", reason: null },
      };
    case "hide": {
      if (!control.order.includes(command.entryId)) return refuse("not_in_final");
      if (!command.reason.trim()) return refuse("reason_required");
      const id = command.entryId;
      const next: ControlState = {
        ...control,
        order: control.order.filter((x) => x !== id),
        revealed: control.revealed.filter((x) => x !== id),
        sealed: control.sealed.filter((x) => x !== id),
        hidden: [...control.hidden, id],
        ...(control.current === id ? { current: null, phase: "idle" as const } : {}),
      };
      return {
        ok: true,
        control: next,
        changes: [{ type: "hidden", entryId: id, ranking: facts.rank(publicIds(next)) }],
        audit: { action: "live.entry_hidden", reason: command.reason.trim() },
      };
    }
  }
}

/**
 * One step of the ceremony: the first starts it; each next one reveals the sealed result that ranks
 * lowest among those still sealed (bottom up); when none is left, the awards are shown and the board
 * thaws. Entries hidden in the meantime are simply no longer among the sealed ones.
 */
function ceremonyStep(control: ControlState, facts: Facts): Decision {
  if (control.ceremony === "done") return refuse("ceremony_over");
  if (!control.frozen) return refuse("not_frozen");
  if (control.phase === "scoring" || control.phase === "closed") return refuse("scoring_in_progress");
  if (control.ceremony === "none") {
    const next: ControlState = { ...control, ceremony: "running", card: null, current: null, phase: "idle" };
    return {
      ok: true,
      control: next,
      changes: [
        { type: "card", card: null },
        { type: "stage", stage: { entryId: null, phase: "idle", submitted: 0, of: facts.panel } },
        { type: "ceremony", ceremony: "running" },
      ],
      audit: { action: "live.ceremony_started", reason: null },
    };
  }
  if (control.sealed.length > 0) {
    const full = facts.rank(control.revealed);
    const position = new Map(full.map((r, i) => [r.entryId, i]));
    const lowest = [...control.sealed].sort((a, b) => (position.get(b) ?? -1) - (position.get(a) ?? -1))[0]!;
    const next: ControlState = { ...control, sealed: control.sealed.filter((id) => id !== lowest) };
    return {
      ok: true,
      control: next,
      changes: [{ type: "reveal", reveal: facts.reveal(lowest), ranking: facts.rank(publicIds(next)) }],
      audit: { action: "live.ceremony_revealed", reason: null },
    };
  }
  const final = facts.rank(control.revealed);
  const awards = [
    ...awardTiers(final, control.awardCounts),
    ...trackTopAwards(final, control.trackTop ?? 0, facts.trackOf),
  ];
  const next: ControlState = { ...control, ceremony: "done", frozen: false };
  return {
    ok: true,
    control: next,
    changes: [
      { type: "awards", awards },
      { type: "ceremony", ceremony: "done" },
    ],
    audit: { action: "live.awards_shown", reason: null },
  };
}

/** The award tiers from a ranking: the top `counts[0]` champions, then runners-up, then thirds; a tie at a tier's edge shares it. */
export function awardTiers(ranking: readonly RankingRow[], counts: readonly [number, number, number]): Awards {
  const ranked = ranking.filter((r) => r.rank !== null);
  const out: Awards = [];
  let i = 0;
  AWARD_TIERS.forEach((tier, t) => {
    const entryIds: number[] = [];
    while (
      i < ranked.length &&
      (entryIds.length < counts[t]! || (entryIds.length > 0 && ranked[i]!.rank === ranked[i - 1]!.rank))
    ) {
      entryIds.push(ranked[i]!.entryId);
      i++;
    }
    out.push({ tier, entryIds });
  });
  return out;
}

/** The top `n` of each track by the final ranking (ties at the edge share), tracks in order of their best entry. */
export function trackTopAwards(
  ranking: readonly RankingRow[],
  n: number,
  trackOf: (entryId: number) => string,
): Awards {
  if (n <= 0) return [];
  const byTrack = new Map<string, RankingRow[]>();
  for (const row of ranking) {
    if (row.rank === null) continue;
    const track = trackOf(row.entryId);
    byTrack.set(track, [...(byTrack.get(track) ?? []), row]);
  }
  return [...byTrack].map(([track, rows]) => {
    const cut = rows[Math.min(n, rows.length) - 1]!.rank;
    return {
      tier: "trackTop" as const,
      track,
      entryIds: rows.filter((r, i) => i < n || r.rank === cut).map((r) => r.entryId),
    };
  });
}

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
