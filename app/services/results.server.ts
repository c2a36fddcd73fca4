import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { Round } from "../../db/schema";
import { fromScaledInt } from "../domain/decimal";
import { normalizeMarks, rankEntries, type RankedRow, type RankingEntry, type TieBreakKey } from "../domain/ranking";
import type { AggregationRule } from "../domain/scoring";
import { tieBreaksSchema } from "../domain/round-rules";
import { inTransaction } from "./db-helpers.server";

/** Marks are stored in thousandths and weights in basis points: their product has 7 decimals. */
const WEIGHTED_SCALE = 7;

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

function toResultRows(roundId: number, unit: string, list: readonly RankedRow[], now: Date) {
  const computedAt = now.toISOString();
  return list.map((r) => ({
    round_id: roundId,
    entry_id: Number(r.id),
    unit,
    rank: r.rank,
    result: r.result,
    raw_result: r.raw,
    judges_counted: r.judgesCounted,
    kept: JSON.stringify(r.kept),
    dropped: JSON.stringify(r.dropped),
    decided_by: r.decidedBy,
    computed_at: computedAt,
  }));
}

export function createResultsService(db: Db) {
  /**
   * Everything a round's ranking needs, in two queries: each judge's weighted mark per entry is
   * summed in SQLite over integers (exact), only for submitted scores with every criterion marked.
   */
  async function loadInputs(roundId: number, onlyUnit?: string): Promise<RoundInputs> {
    const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
    const tieBreaks = tieBreaksSchema.parse(JSON.parse(round.tie_breaks));
    const criteriaCount = await db
      .selectFrom("criteria")
      .where("round_id", "=", roundId)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const unitFilter = parseUnit(onlyUnit);
    let entryQuery = db
      .selectFrom("round_entries as re")
      .innerJoin("entries as e", "e.id", "re.entry_id")
      .where("re.round_id", "=", roundId)
      .where("e.status", "=", "submitted"); // withdrawn and disqualified entries are not ranked
    if (unitFilter) entryQuery = entryQuery.where(unitFilter.column, "=", unitFilter.id);
    const entries = await entryQuery.select(["e.id", "e.group_id", "e.track_id"]).orderBy("e.id").execute();
    let scoreQuery = db
      .selectFrom("scores as s")
      .innerJoin("score_marks as m", "m.score_id", "s.id")
      .innerJoin("criteria as c", "c.id", "m.criterion_id")
      .where("s.round_id", "=", roundId)
      .where("s.status", "=", "submitted");
    if (unitFilter) {
      const column = unitFilter.column;
      scoreQuery = scoreQuery.where("s.entry_id", "in", (eb) =>
        eb.selectFrom("entries as e").select("e.id").where(column, "=", unitFilter.id),
      );
    }
    const weighted = await scoreQuery
      .groupBy("s.id")
      .having(sql<number>`count(*)`, "=", criteriaCount.n)
      .select([
        "s.entry_id as entryId",
        "s.judge_id as judgeId",
        sql<number>`sum(m.mark_milli * c.weight_bp)`.as("weighted"),
      ])
      .execute();
    const previousRank = new Map<number, number>();
    if (tieBreaks.some((k) => k.kind === "previous-round")) {
      const previous = await db
        .selectFrom("results as r")
        .innerJoin("rounds as p", "p.id", "r.round_id")
        .where("p.competition_id", "=", round.competition_id)
        .where("p.position", "=", round.position - 1)
        .where("r.rank", "is not", null)
        .select(["r.entry_id", "r.rank"])
        .execute();
      for (const p of previous) previousRank.set(p.entry_id, p.rank!);
    }
    const criterionMeans = new Map<number, Record<string, string>>();
    const criterionKeys = tieBreaks.flatMap((k) => (k.kind === "criterion" ? [k.criterionId] : []));
    if (criterionKeys.length > 0) {
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
    }
    const marksByEntry = new Map<number, { judgeId: string; mark: string }[]>();
    for (const w of weighted) {
      const list = marksByEntry.get(w.entryId) ?? [];
      list.push({ judgeId: String(w.judgeId), mark: fromScaledInt(w.weighted, WEIGHTED_SCALE) });
      marksByEntry.set(w.entryId, list);
    }
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
  function rankRound(inputs: RoundInputs): Map<string, RankedRow[]> {
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

  return {
    loadInputs,
    rankRound,

    /**
     * Recomputes and stores a round's results in one transaction. Derived data only: nothing typed
     * in by hand is touched, so running it again gives the same rows.
     */
    async recompute(roundId: number, now = new Date()): Promise<{ units: number; ranked: number }> {
      return inTransaction(db, async (trx) => {
        const service = createResultsService(trx);
        const inputs = await service.loadInputs(roundId);
        const ranked = service.rankRound(inputs);
        await trx.deleteFrom("results").where("round_id", "=", roundId).execute();
        const rows = [...ranked].flatMap(([unit, list]) => toResultRows(roundId, unit, list, now));
        // SQLite caps bound parameters per statement; 11 columns × 500 rows stays well under it.
        for (let i = 0; i < rows.length; i += 500)
          await trx
            .insertInto("results")
            .values(rows.slice(i, i + 500))
            .execute();
        return { units: ranked.size, ranked: rows.filter((r) => r.rank !== null).length };
      });
    },

    /**
     * Recomputes one ranking unit after a change to one of its scores: the cheap path while a
     * round is being scored. A z-score round depends on every judge's marks across the round, so
     * it is recomputed whole.
     */
    async recomputeUnit(roundId: number, unit: string, now = new Date()): Promise<{ ranked: number }> {
      return inTransaction(db, async (trx) => {
        const service = createResultsService(trx);
        const round = await trx
          .selectFrom("rounds")
          .select("normalization")
          .where("id", "=", roundId)
          .executeTakeFirstOrThrow();
        if (round.normalization !== "none" || !parseUnit(unit)) return service.recompute(roundId, now);
        const inputs = await service.loadInputs(roundId, unit);
        const list = service.rankRound(inputs).get(unit) ?? [];
        await trx.deleteFrom("results").where("round_id", "=", roundId).where("unit", "=", unit).execute();
        const rows = toResultRows(roundId, unit, list, now);
        for (let i = 0; i < rows.length; i += 500)
          await trx
            .insertInto("results")
            .values(rows.slice(i, i + 500))
            .execute();
        return { ranked: rows.filter((r) => r.rank !== null).length };
      });
    },

    /**
     * Marks the top `advance_count` of each unit as advanced and the other ranked entries as
     * eliminated. Entries sharing the rank at the cut-off all advance: a shared rank is a tie.
     */
    async advanceTop(roundId: number): Promise<number[]> {
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select(["advance_count"])
          .where("id", "=", roundId)
          .executeTakeFirstOrThrow();
        const results = await trx
          .selectFrom("results")
          .select(["entry_id", "rank"])
          .where("round_id", "=", roundId)
          .execute();
        const advanced = results.filter((r) => r.rank !== null && r.rank <= round.advance_count).map((r) => r.entry_id);
        const eliminated = results
          .filter((r) => r.rank === null || r.rank > round.advance_count)
          .map((r) => r.entry_id);
        for (let i = 0; i < advanced.length; i += 500)
          await trx
            .updateTable("round_entries")
            .set({ state: "advanced" })
            .where("round_id", "=", roundId)
            .where("entry_id", "in", advanced.slice(i, i + 500))
            .execute();
        for (let i = 0; i < eliminated.length; i += 500)
          await trx
            .updateTable("round_entries")
            .set({ state: "eliminated" })
            .where("round_id", "=", roundId)
            .where("entry_id", "in", eliminated.slice(i, i + 500))
            .execute();
        return advanced.sort((a, b) => a - b);
      });
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
