// Queries about scores, their marks and the assignments they belong to, one function each, the
// database (or the caller's transaction) first.
import { sql } from "kysely";
import type { Db } from "../../../db/client";

/** One judge's score of one entry in a round, if any. */
export function scoreOf(db: Db, roundId: number, judgeId: number, entryId: number) {
  return db
    .selectFrom("scores")
    .selectAll()
    .where("round_id", "=", roundId)
    .where("judge_id", "=", judgeId)
    .where("entry_id", "=", entryId)
    .executeTakeFirst();
}

/** A score's marks by criterion id, in thousandths. */
export async function marksOf(db: Db, scoreId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("score_marks")
    .select(["criterion_id", "mark_milli"])
    .where("score_id", "=", scoreId)
    .execute();
  return new Map(rows.map((m) => [m.criterion_id, m.mark_milli]));
}

/** The assignment of one entry to one judge in a round, if there is one. */
export function assignmentOf(db: Db, roundId: number, judgeId: number, entryId: number) {
  return db
    .selectFrom("assignments")
    .select("id")
    .where("round_id", "=", roundId)
    .where("judge_id", "=", judgeId)
    .where("entry_id", "=", entryId)
    .executeTakeFirst();
}

/** How many entries each judge has in a round. */
export function loadsIn(db: Db, roundId: number) {
  return db
    .selectFrom("assignments")
    .where("round_id", "=", roundId)
    .groupBy("judge_id")
    .select(["judge_id", sql<number>`count(*)`.as("n")])
    .execute();
}

/** A round's assigned judge–entry pairs. */
export function pairsIn(db: Db, roundId: number) {
  return db.selectFrom("assignments").select(["judge_id", "entry_id"]).where("round_id", "=", roundId).execute();
}

/**
 * The weighted mark (Σ mark × weight, thousandths × basis points) of each submitted sheet of a
 * round that marks all `criteriaCount` criteria.
 */
export function weightedSheetsOf(db: Db, roundId: number, criteriaCount: number) {
  return db
    .selectFrom("scores as s")
    .innerJoin("score_marks as m", "m.score_id", "s.id")
    .innerJoin("criteria as c", "c.id", "m.criterion_id")
    .where("s.round_id", "=", roundId)
    .where("s.status", "=", "submitted")
    .groupBy("s.id")
    .having(sql<number>`count(*)`, "=", criteriaCount)
    .select(["s.judge_id", "s.entry_id", sql<number>`sum(m.mark_milli * c.weight_bp)`.as("weighted")])
    .execute();
}

/** Every assignment with the judge's sheet for it, if one was started: what progress and panel reads start from. */
export function assignmentsWithSheets(db: Db) {
  return db
    .selectFrom("assignments as a")
    .leftJoin("scores as s", (j) =>
      j
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.judge_id", "=", "a.judge_id")
        .onRef("s.entry_id", "=", "a.entry_id"),
    );
}
