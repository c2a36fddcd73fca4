// The one write of scores' stored weighted totals (scores.weighted_total, migration 0013): derived
// from the marks as stored by the domain's sheetWeightedTotal, so the ranking reads one row per score.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { sheetWeightedTotal } from "../domain/scoring";

/** Which scores of a round: the ones just written, every one (a bulk load), or the submitted ones whose total was cleared. */
export type TotalsToStore = { scoreIds: readonly number[] } | "all" | "stale";

/**
 * Derives and stores the weighted totals of a round's scores, in the caller's transaction; returns
 * how many were written. A mark changed by hand (sqlite3) clears a total through a trigger: a
 * recompute passes "stale" first, so a cleared total is derived again before it is counted.
 */
export async function storeScoreTotals(db: Db, roundId: number, which: TotalsToStore): Promise<number> {
  let ids: readonly number[];
  if (typeof which === "string") {
    let query = db.selectFrom("scores").select("id").where("round_id", "=", roundId);
    if (which === "stale") query = query.where("status", "=", "submitted").where("weighted_total", "is", null);
    ids = (await query.execute()).map((s) => s.id);
  } else ids = which.scoreIds;
  if (ids.length === 0) return 0;
  const criteria = await db
    .selectFrom("criteria")
    .select(["id", "weight_bp as weightBp"])
    .where("round_id", "=", roundId)
    .execute();
  const sheets = new Map<number, Map<number, number>>(ids.map((id) => [id, new Map()]));
  // SQLite caps bound parameters per statement: ids go in slices.
  for (let i = 0; i < ids.length; i += 500) {
    const marks = await db
      .selectFrom("score_marks")
      .select(["score_id", "criterion_id", "mark_milli"])
      .where("score_id", "in", ids.slice(i, i + 500))
      .execute();
    for (const m of marks) sheets.get(m.score_id)!.set(m.criterion_id, m.mark_milli);
  }
  const totals = [...sheets].map(([id, marks]) => [id, sheetWeightedTotal(criteria, marks)]);
  // One statement for any number of scores: the pairs travel as one JSON parameter.
  // No other condition on scores: the plan then walks the JSON pairs and finds each score by id.
  await sql`UPDATE scores SET weighted_total = j.value ->> 1 FROM json_each(${JSON.stringify(totals)}) AS j
    WHERE scores.id = j.value ->> 0`.execute(db);
  return totals.length;
}
