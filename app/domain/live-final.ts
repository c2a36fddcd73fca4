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
/** How a result appears on the big screen: all at once, or mark by mark (dropped ones struck last). */
export type RevealMode = "instant" | "stepwise";
/** The audience vote for a popularity award: not yet open, open, or closed (it may open again). */
export type Voting = "closed" | "open";
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
export type RankingRow = {
  entryId: number;
  rank: number | null;
  result: string | null;
  /** The tie-break key that put this row below the one above with the same result (ranking.ts names it). */
  decidedBy?: string | null;
  /** The row's rank before the change that carries it; null when it is new to the board. */
  previousRank?: number | null;
};
/**
 * The pitch timer: `durationMs` in all, `elapsedMs` run before the last start, and `startedAt`
 * (the server's clock, epoch ms) while it runs. Screens count down from the server's time.
 */
export type PitchTimer = { durationMs: number; elapsedMs: number; startedAt: number | null };
/** The audience's award: the most-voted finalists (shared on a tie) and their counted votes. */
export type AudienceAward = { entryIds: number[]; votes: number };
export const DEFAULT_PITCH_SECONDS = 360;
/** Award lists: the three tiers, then (when configured) the top N of each track, by track code. */
export type Awards = { tier: AwardTier | "trackTop"; entryIds: number[]; track?: string }[];

export type Stage = { entryId: number | null; phase: Phase; submitted: number; of: number };

export type PublicState = {
  seq: number;
  round: {
    slug: string;
    name: Localized;
    panel: number;
    /** Digits a judge's mark is shown with (from the rubric's steps and weights); absent in older finals. */
    markDecimals?: number;
    /** The rubric's criteria, to name a criterion tie-break on a row. */
    criteria?: { id: number; name: Localized }[];
  };
  /** A rehearsal's copy of the final: every screen says so. */
  rehearsal?: boolean;
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
  timer: PitchTimer;
  revealMode: RevealMode;
  voting: Voting;
  audienceAward: AudienceAward | null;
};

/** What the public state can go through: the `change` of an `update` event. */
export type Change =
  | { type: "order"; order: number[] }
  | { type: "stage"; stage: Stage }
  | { type: "progress"; entryId: number; submitted: number; of: number }
  | { type: "reveal"; reveal: Reveal; ranking: RankingRow[] }
  | { type: "unreveal"; entryId: number; ranking: RankingRow[] }
  | { type: "sealed"; entryId: number }
  | { type: "freeze"; frozen: boolean; ranking?: RankingRow[] }
  | { type: "ceremony"; ceremony: "none" | "running" | "done" }
  | { type: "awards"; awards: Awards }
  | { type: "card"; card: MessageCard | null }
  | { type: "hidden"; entryId: number; ranking: RankingRow[] }
  | { type: "timer"; timer: PitchTimer }
  | { type: "revealMode"; mode: RevealMode }
  | { type: "voting"; voting: Voting }
  | { type: "audienceAward"; award: AudienceAward | null };

export const initialTimer = (seconds = DEFAULT_PITCH_SECONDS): PitchTimer => ({
  durationMs: seconds * 1000,
  elapsedMs: 0,
  startedAt: null,
});

/** What is left of the pitch at `now` (server epoch ms), never below zero. */
export function timerRemainingMs(timer: PitchTimer, now: number): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return Math.max(0, timer.durationMs - timer.elapsedMs - running);
}

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
    timer: initialTimer(),
    revealMode: "instant",
    voting: "closed",
    audienceAward: null,
  };
}

/**
 * The digits a judge's weighted mark needs to be shown exactly: a criterion's step times its weight
 * (basis points) is the finest amount any mark can move by. At least one, at most four.
 */
export function markDecimals(criteria: readonly { step_milli: number; weight_bp: number }[]): number {
  let decimals = 1;
  for (const c of criteria) {
    // step_milli × weight_bp is the increment at scale 7 (1e-3 × 1e-4).
    let units = c.step_milli * c.weight_bp;
    let scale = 7;
    while (scale > 0 && units % 10 === 0) {
      units /= 10;
      scale -= 1;
    }
    decimals = Math.max(decimals, scale);
  }
  return Math.min(decimals, 4);
}

/** A public state stored before a field existed gets that field's starting value. */
export function upgradePublicState(stored: PublicState): PublicState {
  return {
    ...stored,
    timer: stored.timer ?? initialTimer(),
    revealMode: stored.revealMode ?? "instant",
    voting: stored.voting ?? "closed",
    audienceAward: stored.audienceAward ?? null,
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
      // Lifting the freeze shows what it kept back.
      if (!change.frozen && change.ranking) {
        next.ranking = change.ranking;
        next.sealed = [];
      }
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
    case "timer":
      next.timer = change.timer;
      return next;
    case "revealMode":
      next.revealMode = change.mode;
      return next;
    case "voting":
      next.voting = change.voting;
      return next;
    case "audienceAward":
      next.audienceAward = change.award;
      return next;
  }
}

/** The ranking a change carries, each row with the rank it had before (null when new to the board). */
export function withMovement(state: PublicState, change: Change): Change {
  if (!("ranking" in change) || !change.ranking) return change;
  const before = new Map(state.ranking.map((r) => [r.entryId, r.rank]));
  const ranking = change.ranking.map((r) => ({ ...r, previousRank: before.get(r.entryId) ?? null }));
  return { ...change, ranking } as Change;
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
  /** Rises by one with every accepted change of this state: a command naming an older one is stale. */
  version: number;
  /** Where the stage was when the ceremony started, so that start can be undone before its first step. */
  beforeCeremony: { current: number | null; phase: Phase; card: MessageCard | null } | null;
  /** Ceremony steps taken after the start (reveals and award tiers). */
  ceremonySteps: number;
  /** Award tiers shown so far in the ceremony, in reveal order (track tops, third, runner-up, champion). */
  awardsShown: number;
  /** Scoring reopened for a correction: which judges may revise (all who submitted, or one), who has. */
  reopened: { judgeIds: number[]; revised: number[]; reason: string } | null;
  /** The pitch timer's length for each new pitch, in seconds. */
  pitchSeconds: number;
  timer: PitchTimer;
  revealMode: RevealMode;
  voting: Voting;
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
    version: 0,
    beforeCeremony: null,
    ceremonySteps: 0,
    awardsShown: 0,
    reopened: null,
    pitchSeconds: DEFAULT_PITCH_SECONDS,
    timer: initialTimer(),
    revealMode: "instant",
    voting: "closed",
  };
}

/** A control state stored before a field existed gets that field's starting value. */
export function upgradeControl(stored: ControlState): ControlState {
  const fresh = initialControl(stored.roundId, stored.order);
  const filled = { ...fresh, ...stored };
  // A ceremony begun before steps were counted: its steps are the results it has shown.
  if (stored.ceremonySteps === undefined && stored.ceremony !== "none") filled.ceremonySteps = 1;
  return filled;
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
  | { type: "hide"; entryId: number; reason: string }
  | { type: "unfreeze"; reason: string }
  | { type: "undoCeremonyStart"; reason: string }
  | { type: "reopen"; judgeId?: number | undefined; reason: string }
  | { type: "timer"; action: "start" | "pause" | "reset"; seconds?: number | undefined }
  | { type: "revealMode"; mode: RevealMode }
  | { type: "voting"; voting: Voting }
  | { type: "audienceAward"; show: boolean };

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
  /** Judges (ids) who have submitted a score for the entry on stage. */
  submittedBy: readonly number[];
  /** The server's clock, epoch ms (the pitch timer). */
  now: number;
  /** The audience vote's leaders by counted (not discounted) votes; null when nobody voted. */
  audienceLeaders(): AudienceAward | null;
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
