// Queries about stored results, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";

/** One ranking unit's stored results (`r`) with their entries (`e`) and round places (`re`): what result tables list. */
export function resultsOfUnit(db: Db, roundId: number, unit: string) {
  return db
    .selectFrom("results as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("round_entries as re", (j) =>
      j.onRef("re.round_id", "=", "r.round_id").onRef("re.entry_id", "=", "r.entry_id"),
    )
    .where("r.round_id", "=", roundId)
    .where("r.unit", "=", unit);
}
