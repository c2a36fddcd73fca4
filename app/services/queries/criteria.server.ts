// Queries about a round's rubric, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";

/** A round's criteria in rubric order. */
export function criteriaOf(db: Db, roundId: number) {
  return db.selectFrom("criteria").selectAll().where("round_id", "=", roundId).orderBy("position").execute();
}
