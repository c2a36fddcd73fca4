// A round's ranking from its submitted scores: loading the inputs (the exact totals stored with the scores), ranking
// them per unit (pure), storing the results, and the simple top-N advancement the seed uses.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { Round } from "../../db/schema";
import { fromScaledInt } from "../domain/decimal";
import { normalizeMarks, rankEntries, type RankedRow, type RankingEntry, type TieBreakKey } from "../domain/ranking";
import type { AggregationRule } from "../domain/scoring";
import { tieBreaksSchema } from "../domain/round-rules";
import { inTransaction } from "./db-helpers.server";
import { existingRound } from "./queries/rounds.server";
import { storeResults, toResultRows } from "./results-store.server";
import { storeScoreTotals } from "./score-totals.server";

export function roundRule(
  round: Pick<Round, "drop_highest" | "drop_lowest" | "combine" | "multiplier" | "decimals" | "rounding">,
): AggregationRule {
  return {
    dropHighest: round.drop_highest,
    dropLowest: round.drop_lowest,
    combine: round.combine,
    ...(round.multiplier ? { multiplier: round.multiplier } : {}),
    decimals: round.decimals,
    rounding: round.rounding,
  };
}

export type RoundInputs = {
  round: Round;
  units: Map<string, RankingEntry[]>;
  tieBreaks: TieBreakKey[];
};

/** 'group:3' → the entries column and id it selects; 'all' or nothing → no filter. */
function parseUnit(unit: string | undefined): { column: "e.group_id" | "e.track_id"; id: number } | undefined {
  const match = unit ? /^(group|track):(\d+)$/.exec(unit) : null;
  if (!match) return undefined;
  return { column: match[1] === "group" ? "e.group_id" : "e.track_id", id: Number(match[2]) };
}

/** The ranking unit of an entry in a round of the given scope. */
export function unitOf(scope: Round["scope"], entry: { group_id: number; track_id: number }): string {
  return scope === "group" ? `group:${entry.group_id}` : scope === "track" ? `track:${entry.track_id}` : "all";
}

type UnitFilter = ReturnType<typeof parseUnit>;

/**
 * Each judge's weighted mark per entry: the totals stored with the scores (0013), only for
 * submitted scores with every criterion marked (a total is null until then).
 */
async function weightedMarks(db: Db, roundId: number, unitFilter: UnitFilter) {
  let scoreQuery = db
    .selectFrom("scores as s")
    .where("s.round_id", "=", roundId)
    .where("s.status", "=", "submitted")
    .where("s.weighted_total", "is not", null);
  if (unitFilter) {
    const column = unitFilter.column;
    scoreQuery = scoreQuery.where("s.entry_id", "in", (eb) =>
      eb.selectFrom("entries as e").select("e.id").where(column, "=", unitFilter.id),
    );
  }
  const weighted = await scoreQuery
    .select(["s.entry_id as entryId", "s.judge_id as judgeId", "s.weighted_total as weighted"])
    .execute();
  const marksByEntry = new Map<number, { judgeId: string; mark: string }[]>();
  for (const w of weighted) {
    const list = marksByEntry.get(w.entryId) ?? [];
    list.push({ judgeId: String(w.judgeId), mark: w.weighted! });
    marksByEntry.set(w.entryId, list);
  }
  return marksByEntry;
}

/** The ranked entries of the round before this one, for the previous-round tie-break. */
async function previousRanks(db: Db, round: Round, tieBreaks: TieBreakKey[]) {
  const previousRank = new Map<number, number>();
  if (!tieBreaks.some((k) => k.kind === "previous-round")) return previousRank;
  const previous = await db
    .selectFrom("results as r")
    .innerJoin("rounds as p", "p.id", "r.round_id")
    .where("p.competition_id", "=", round.competition_id)
    .where("p.position", "=", round.position - 1)
    .where("r.rank", "is not", null)
    .select(["r.entry_id", "r.rank"])
    .execute();
  for (const p of previous) previousRank.set(p.entry_id, p.rank!);
  return previousRank;
}

/** Per entry, the sum of each tie-break criterion's marks. */
async function criterionTotals(db: Db, roundId: number, tieBreaks: TieBreakKey[]) {
  const criterionMeans = new Map<number, Record<string, string>>();
  const criterionKeys = tieBreaks.flatMap((k) => (k.kind === "criterion" ? [k.criterionId] : []));
  if (criterionKeys.length === 0) return criterionMeans;
  const rows = await db
    .selectFrom("scores as s")
    .innerJoin("score_marks as m", "m.score_id", "s.id")
    .where("s.round_id", "=", roundId)
    .where("s.status", "=", "submitted")
    .where("m.criterion_id", "in", criterionKeys.map(Number))
    .groupBy(["s.entry_id", "m.criterion_id"])
    .select(["s.entry_id as entryId", "m.criterion_id as criterionId", sql<number>`sum(m.mark_milli)`.as("total")])
    .execute();
  // Tie-breaks compare sums of a criterion's marks: with equal judge counts, the same order as means.
  for (const r of rows) {
    const record = criterionMeans.get(r.entryId) ?? {};
    record[String(r.criterionId)] = fromScaledInt(r.total, 3);
    criterionMeans.set(r.entryId, record);
  }
  return criterionMeans;
}

/** The round's entries that are ranked (withdrawn and disqualified ones are not), in one unit if asked. */
function rankedEntries(db: Db, roundId: number, unitFilter: UnitFilter) {
  let entryQuery = db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted");
  if (unitFilter) entryQuery = entryQuery.where(unitFilter.column, "=", unitFilter.id);
  return entryQuery.select(["e.id", "e.group_id", "e.track_id"]).orderBy("e.id").execute();
}

/**
 * Everything a round's ranking needs: each judge's weighted mark per entry (the exact total stored
 * with the score), only for submitted scores with every criterion marked.
 */
export async function loadInputs(db: Db, roundId: number, onlyUnit?: string): Promise<RoundInputs> {
  const round = await existingRound(db, roundId);
  const tieBreaks = tieBreaksSchema.parse(JSON.parse(round.tie_breaks));
  const unitFilter = parseUnit(onlyUnit);
  const entries = await rankedEntries(db, roundId, unitFilter);
  const marksByEntry = await weightedMarks(db, roundId, unitFilter);
  const previousRank = await previousRanks(db, round, tieBreaks);
  const criterionMeans = await criterionTotals(db, roundId, tieBreaks);
  const units = new Map<string, RankingEntry[]>();
  for (const e of entries) {
    const unit = unitOf(round.scope, e);
    const list = units.get(unit) ?? [];
    const previous = previousRank.get(e.id);
    list.push({
      id: String(e.id),
      marks: marksByEntry.get(e.id) ?? [],
      ...(previous !== undefined ? { previousRank: previous } : {}),
      ...(criterionMeans.has(e.id) ? { criteria: criterionMeans.get(e.id)! } : {}),
    });
    units.set(unit, list);
  }
  return { round, units, tieBreaks };
}

/**
 * Ranks every unit of a round from the loaded inputs: pure, no I/O. Z-score normalization is
 * computed over the whole round (DESIGN §2: to the round's mean and spread), then each unit is
 * ranked on the normalized marks, with the raw ones kept beside them.
 */
export function rankRound(inputs: RoundInputs): Map<string, RankedRow[]> {
  const rule = roundRule(inputs.round);
  let units = inputs.units;
  if (inputs.round.normalization === "zscore") {
    const all = [...units.values()].flat();
    const normalized = new Map(normalizeMarks(all).map((e) => [e.id, e]));
    units = new Map([...units].map(([unit, entries]) => [unit, entries.map((e) => normalized.get(e.id)!)]));
  }
  const out = new Map<string, RankedRow[]>();
  for (const [unit, entries] of units) {
    out.set(unit, rankEntries({ entries, rule, normalization: "none", tieBreaks: inputs.tieBreaks }));
  }
  return out;
}

/**
 * Recomputes and stores a round's results in one transaction. Derived data only: nothing typed
 * in by hand is touched, so running it again gives the same rows.
 */
export async function recompute(db: Db, roundId: number, now = new Date()): Promise<{ units: number; ranked: number }> {
  return inTransaction(db, async (trx) => {
    await storeScoreTotals(trx, roundId, "stale");
    const ranked = rankRound(await loadInputs(trx, roundId));
    const rows = [...ranked].flatMap(([unit, list]) => toResultRows(roundId, unit, list, now));
    await storeResults(trx, roundId, undefined, rows);
    return { units: ranked.size, ranked: rows.filter((r) => r.rank !== null).length };
  });
}

/**
 * Recomputes one ranking unit after a change to one of its scores: the cheap path while a
 * round is being scored. A z-score round depends on every judge's marks across the round, so
 * it is recomputed whole.
 */
export async function recomputeUnit(db: Db, roundId: number, unit: string, now = new Date()) {
  return inTransaction(db, async (trx): Promise<{ ranked: number }> => {
    const round = await existingRound(trx, roundId);
    if (round.normalization !== "none" || !parseUnit(unit)) return recompute(trx, roundId, now);
    await storeScoreTotals(trx, roundId, "stale");
    const list = rankRound(await loadInputs(trx, roundId, unit)).get(unit) ?? [];
    const rows = toResultRows(roundId, unit, list, now);
    await storeResults(trx, roundId, unit, rows);
    return { ranked: rows.filter((r) => r.rank !== null).length };
  });
}

async function setStates(trx: Db, roundId: number, entryIds: number[], state: "advanced" | "eliminated") {
  for (let i = 0; i < entryIds.length; i += 500)
    await trx
      .updateTable("round_entries")
      .set({ state })
      .where("round_id", "=", roundId)
      .where("entry_id", "in", entryIds.slice(i, i + 500))
      .execute();
}

/**
 * Marks the top `advance_count` of each unit as advanced and the other ranked entries as
 * eliminated. Entries sharing the rank at the cut-off all advance: a shared rank is a tie.
 */
export async function advanceTop(db: Db, roundId: number): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const round = await existingRound(trx, roundId);
    const results = await trx
      .selectFrom("results")
      .select(["entry_id", "rank"])
      .where("round_id", "=", roundId)
      .execute();
    const advanced = results.filter((r) => r.rank !== null && r.rank <= round.advance_count).map((r) => r.entry_id);
    const eliminated = results.filter((r) => r.rank === null || r.rank > round.advance_count).map((r) => r.entry_id);
    await setStates(trx, roundId, advanced, "advanced");
    await setStates(trx, roundId, eliminated, "eliminated");
    return advanced.sort((a, b) => a - b);
  });
}

/** The results use cases over one database handle (or transaction). */
export function createResultsService(db: Db) {
  return {
    loadInputs: (roundId: number, onlyUnit?: string) => loadInputs(db, roundId, onlyUnit),
    rankRound,
    recompute: (roundId: number, now?: Date) => recompute(db, roundId, now),
    recomputeUnit: (roundId: number, unit: string, now?: Date) => recomputeUnit(db, roundId, unit, now),
    advanceTop: (roundId: number) => advanceTop(db, roundId),
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
