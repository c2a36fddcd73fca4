// The guardrails of closing, publishing and unpublishing a round: what each will do, in numbers and
// names, computed from facts the services read, and the confirmations each needs. Pure: no I/O.
import { chooseAdvancing } from "./advancement";
import { refuse, type Refusal } from "./refusal";

/** One judge–entry pair assigned in a round, with where that judge's score stands. */
export type AssignedPair = {
  judgeId: number;
  judgeName: string;
  entryId: number;
  entryCode: string;
  titleZh: string | null;
  titleEn: string | null;
  score: "draft" | "submitted" | null;
};

export type Pending = { drafts: number; missing: number };
export type JudgePending = Pending & { judgeId: number; judgeName: string };
export type EntryPending = Pending & { entryId: number; code: string; titleZh: string | null; titleEn: string | null };

/** Scores a round still waits for: drafts (started, not submitted) and missing (assigned, never started). */
export type PendingScores = Pending & { judges: JudgePending[]; entries: EntryPending[] };

/** Tallies the pairs that have no submitted score, per judge (most waiting first) and per entry (by code). */
export function pendingScores(pairs: readonly AssignedPair[]): PendingScores {
  const judges = new Map<number, JudgePending>();
  const entries = new Map<number, EntryPending>();
  let drafts = 0;
  let missing = 0;
  for (const p of pairs) {
    if (p.score === "submitted") continue;
    const key = p.score === "draft" ? "drafts" : "missing";
    if (key === "drafts") drafts++;
    else missing++;
    const judge = judges.get(p.judgeId) ?? { judgeId: p.judgeId, judgeName: p.judgeName, drafts: 0, missing: 0 };
    judge[key]++;
    judges.set(p.judgeId, judge);
    const entry = entries.get(p.entryId) ?? {
      entryId: p.entryId,
      code: p.entryCode,
      titleZh: p.titleZh,
      titleEn: p.titleEn,
      drafts: 0,
      missing: 0,
    };
    entry[key]++;
    entries.set(p.entryId, entry);
  }
  const waiting = (x: Pending) => x.drafts + x.missing;
  return {
    drafts,
    missing,
    judges: [...judges.values()].sort((a, b) => waiting(b) - waiting(a) || a.judgeName.localeCompare(b.judgeName)),
    entries: [...entries.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Closing a round that still waits for scores needs the organizer's explicit confirmation. */
export function closeRefusal(pending: Pending, confirmed: boolean): Refusal | null {
  if (confirmed || pending.drafts + pending.missing === 0) return null;
  return refuse.invalid("guards.close.confirmNeeded", "confirm", { drafts: pending.drafts, missing: pending.missing });
}

/** What the round holds for one of its entries: its stored place and the result ranked from the scores. */
export type PlanEntry = {
  entryId: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  organization: string;
  /** The ranking unit, or null when the entry is not ranked at all (withdrawn, disqualified). */
  unit: string | null;
  rank: number | null;
  result: string | null;
  judgesCounted: number;
  state: "in" | "advanced" | "eliminated";
  source: "rule" | "organizer";
  reason: string | null;
};

export type PlanRound = {
  judgesPerEntry: number;
  dropHighest: number;
  dropLowest: number;
  advanceCount: number;
  advancePerOrganization: number | null;
};

/** The round after this one and what is already in it. */
export type NextRoundFacts = {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  status: "draft" | "open" | "closed" | "published";
  entries: { entryId: number; code: string; titleZh: string | null; titleEn: string | null; judged: boolean }[];
  assignments: number;
  scores: number;
};

export type LineEntry = Pick<PlanEntry, "entryId" | "code" | "titleZh" | "titleEn" | "rank" | "result">;
export type UnitLineup = {
  unit: string;
  advancing: number;
  lastIn: LineEntry | null;
  /** The best-placed entry left out, and why: below the line, passed over by the cap, or an organizer's decision. */
  firstOut: (LineEntry & { why: "rank" | "cap" | "override" }) | null;
};

/**
 * What publishing does to the next round: fill it (empty draft), refill it (a draft already holding
 * entries: added and removed named), or keep it (it has left draft: publishing does not touch it).
 */
export type NextRoundPlan = Omit<NextRoundFacts, "entries"> & {
  mode: "fill" | "refill" | "keep";
  before: number;
  after: number;
  added: LineEntry[];
  removed: (LineEntry & { judged: boolean })[];
  /** Removed entries that judges are assigned to or scored in the next round: publishing refuses. */
  blocked: LineEntry[];
};

export type PublishPlan = {
  entries: number;
  noScore: number;
  shortOfJudges: number;
  tooFewToRank: number;
  pending: Pending;
  units: UnitLineup[];
  advancing: number[];
  /** Rule-decided entries whose state publishing sets. */
  decisions: { entryId: number; state: "advanced" | "eliminated" }[];
  overrides: (LineEntry & { state: PlanEntry["state"]; reason: string | null })[];
  next: NextRoundPlan | null;
  /** Changes whenever anything above changes: a confirmation given to an older preview is refused. */
  fingerprint: string;
};

const line = (e: PlanEntry): LineEntry => ({
  entryId: e.entryId,
  code: e.code,
  titleZh: e.titleZh,
  titleEn: e.titleEn,
  rank: e.rank,
  result: e.result,
});

const byRankThenCode = (a: PlanEntry, b: PlanEntry) =>
  (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code);

/** Each entry's state once published: the rule's choice per unit, an organizer's decision kept. */
function finalStates(round: PlanRound, entries: readonly PlanEntry[]) {
  const byUnit = new Map<string, PlanEntry[]>();
  for (const e of entries) if (e.unit !== null) byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e]);
  const chosen = new Set<number>();
  for (const unit of byUnit.values()) {
    const ranked = unit.map((e) => ({ entryId: e.entryId, rank: e.rank, organization: e.organization }));
    for (const id of chooseAdvancing(ranked, round.advanceCount, round.advancePerOrganization)) chosen.add(id);
  }
  const state = new Map<number, "in" | "advanced" | "eliminated">();
  for (const e of entries)
    state.set(e.entryId, e.source === "organizer" ? e.state : chosen.has(e.entryId) ? "advanced" : "eliminated");
  return { byUnit, state };
}

function unitLineup(unit: string, list: PlanEntry[], advanced: (e: PlanEntry) => boolean): UnitLineup {
  const sorted = [...list].sort(byRankThenCode);
  const inside = sorted.filter(advanced);
  const last = inside[inside.length - 1] ?? null;
  const out = sorted.find((e) => !advanced(e) && e.rank !== null) ?? null;
  const why =
    out === null
      ? "rank"
      : out.source === "organizer"
        ? "override"
        : last?.rank != null && out.rank! <= last.rank
          ? "cap"
          : "rank";
  return {
    unit,
    advancing: inside.length,
    lastIn: last ? line(last) : null,
    firstOut: out ? { ...line(out), why } : null,
  };
}

function nextRoundPlan(next: NextRoundFacts, advancing: PlanEntry[]): NextRoundPlan {
  const { entries, ...facts } = next;
  const present = new Map(entries.map((e) => [e.entryId, e]));
  const target = new Set(advancing.map((e) => e.entryId));
  const added = advancing.filter((e) => !present.has(e.entryId)).map(line);
  const removed = entries
    .filter((e) => !target.has(e.entryId))
    .map((e) => ({ ...e, rank: null, result: null }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const mode = next.status !== "draft" ? "keep" : entries.length === 0 ? "fill" : "refill";
  const blocked = mode === "refill" ? removed.filter((e) => e.judged).map(({ judged: _, ...e }) => e) : [];
  const after = mode === "keep" ? entries.length : entries.length + added.length - removed.length;
  return { ...facts, mode, before: entries.length, after, added, removed, blocked };
}

/** FNV-1a over the plan's decisive parts: a short, stable text that differs when they differ. */
function fingerprintOf(parts: readonly (string | number)[]): string {
  let hash = 0x811c9dc5;
  for (const ch of parts.join("|")) {
    hash ^= ch.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Everything publishing will do, computed exactly as publishing does it. */
export function publishPlan(
  round: PlanRound,
  entries: readonly PlanEntry[],
  pending: Pending,
  next: NextRoundFacts | null,
): PublishPlan {
  const { byUnit, state } = finalStates(round, entries);
  const advancedEntry = (e: PlanEntry) => state.get(e.entryId) === "advanced";
  const ranked = entries.filter((e) => e.unit !== null);
  const advancing = entries.filter(advancedEntry).sort((a, b) => a.code.localeCompare(b.code));
  const units = [...byUnit.keys()].sort().map((unit) => unitLineup(unit, byUnit.get(unit)!, advancedEntry));
  const nextPlan = next ? nextRoundPlan(next, advancing) : null;
  const ids = advancing.map((e) => e.entryId).sort((a, b) => a - b);
  return {
    entries: ranked.length,
    noScore: ranked.filter((e) => e.judgesCounted === 0).length,
    shortOfJudges: ranked.filter((e) => e.judgesCounted < round.judgesPerEntry).length,
    tooFewToRank: ranked.filter((e) => e.judgesCounted <= round.dropHighest + round.dropLowest).length,
    pending,
    units,
    advancing: ids,
    decisions: entries
      .filter((e) => e.source === "rule")
      .map((e) => ({ entryId: e.entryId, state: state.get(e.entryId) as "advanced" | "eliminated" })),
    overrides: entries
      .filter((e) => e.source === "organizer")
      .sort(byRankThenCode)
      .map((e) => ({ ...line(e), state: e.state, reason: e.reason })),
    next: nextPlan,
    fingerprint: fingerprintOf([
      ids.join(","),
      pending.drafts,
      pending.missing,
      nextPlan ? `${nextPlan.id}:${nextPlan.mode}:${nextPlan.removed.map((e) => e.entryId).join(",")}` : "none",
    ]),
  };
}

/** Does publishing need the organizer to confirm what happens to the next round? */
export function needsNextConfirmation(next: NextRoundPlan | null): boolean {
  if (!next) return false;
  if (next.mode === "refill") return true;
  return next.mode === "keep" && (next.added.length > 0 || next.removed.length > 0);
}

/** What the organizer confirmed on the publish form. */
export type PublishConfirmation = {
  /** "I have checked the ranking and the advancement." */
  checked?: boolean;
  /** The number of scores still waiting (drafts and missing), typed by the organizer. */
  typedCount?: string | undefined;
  reason?: string | undefined;
  /** The next round's change, confirmed. */
  confirmNext?: boolean;
  /** The plan the organizer looked at; when given, it must be the plan now. */
  fingerprint?: string | undefined;
};

/**
 * Why publishing is refused: a plan changed since it was shown, a next round it would break, or
 * missing confirmations (each at its field: the number of waiting scores typed, a reason, the
 * next round's change). Null when it may go ahead.
 */
export function publishRefusal(plan: PublishPlan, c: PublishConfirmation): Refusal | null {
  if (c.fingerprint !== undefined && c.fingerprint !== plan.fingerprint)
    return refuse.conflict("guards.publish.planChanged");
  if (plan.next && plan.next.blocked.length > 0)
    return refuse.conflict(
      "guards.publish.wouldRemoveJudged",
      { count: plan.next.blocked.length, codes: plan.next.blocked.map((e) => e.code).join(", ") },
      "nextRound",
    );
  const fields: Record<string, string[]> = {};
  if (!c.checked) fields["confirm"] = ["results.confirmPublish"];
  const waiting = plan.pending.drafts + plan.pending.missing;
  if (waiting > 0 && c.typedCount?.trim() !== String(waiting)) fields["typedCount"] = ["guards.publish.typeCount"];
  if (waiting > 0 && !c.reason?.trim()) fields["reason"] = ["guards.publish.reasonNeeded"];
  if (needsNextConfirmation(plan.next) && !c.confirmNext) fields["confirmNext"] = ["guards.publish.confirmNext"];
  const first = Object.keys(fields)[0];
  if (first === undefined) return null;
  return { ok: false, kind: "invalid", code: fields[first]![0]!, field: first, fields, params: { count: waiting } };
}

/** Facts about the round after a published one that decide whether it may be unpublished. */
export type UnpublishFacts = { next: { status: NextRoundFacts["status"]; assignments: number; scores: number } | null };

/** A published round may go back to closed only while nothing downstream depends on it. */
export function unpublishRefusal(facts: UnpublishFacts, reason: string | null | undefined): Refusal | null {
  if (facts.next && facts.next.status !== "draft") return refuse.conflict("guards.unpublish.nextOpened");
  if (facts.next && facts.next.assignments + facts.next.scores > 0)
    return refuse.conflict("guards.unpublish.nextJudged", {
      assignments: facts.next.assignments,
      scores: facts.next.scores,
    });
  if (!reason?.trim()) return refuse.invalid("guards.unpublish.reasonNeeded", "reason");
  return null;
}
