// Queries about judges' conflicts of interest, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";
import type { Conflict } from "../../domain/assignment";

/** Confirmed conflicts of a competition's judges (or of some of them), as the assignment rules read them. */
export async function confirmedConflicts(
  db: Db,
  competitionId: number,
  judgeIds?: readonly number[],
): Promise<Conflict[]> {
  let query = db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .where("j.competition_id", "=", competitionId)
    .where("c.status", "=", "confirmed");
  if (judgeIds) query = query.where("c.judge_id", "in", judgeIds.length ? [...judgeIds] : [0]);
  const rows = await query.select(["c.judge_id", "c.entry_id", "c.organization"]).execute();
  return rows.map((c) => ({
    judgeId: String(c.judge_id),
    ...(c.entry_id ? { entryId: String(c.entry_id) } : {}),
    ...(c.organization ? { organization: c.organization } : {}),
  }));
}

/** The judge–entry pairs of a competition already decided or suggested, as "judgeId:entryId" (never suggested again). */
export async function conflictPairsOf(db: Db, competitionId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .where("j.competition_id", "=", competitionId)
    .where("c.entry_id", "is not", null)
    .select(["c.judge_id", "c.entry_id"])
    .execute();
  return new Set(rows.map((d) => `${d.judge_id}:${d.entry_id}`));
}

/** One conflict of a competition's judge, by id. */
export function conflictById(db: Db, competitionId: number, conflictId: number) {
  return db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .where("c.id", "=", conflictId)
    .where("j.competition_id", "=", competitionId)
    .select(["c.id", "c.status", "c.judge_id", "c.entry_id", "c.reason"])
    .executeTakeFirst();
}

/** The suggested conflicts still waiting for the organizer's decision, oldest first. */
export function pendingConflictsOf(db: Db, competitionId: number, limit: number) {
  return db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .innerJoin("entries as e", "e.id", "c.entry_id")
    .where("j.competition_id", "=", competitionId)
    .where("c.status", "=", "pending")
    .select([
      "c.id",
      "c.reason",
      "c.source",
      "j.id as judgeId",
      "j.name as judgeName",
      "j.affiliation",
      "e.id as entryId",
      "e.code",
      "e.organization",
      "e.title_zh",
      "e.title_en",
    ])
    .orderBy("c.id")
    .limit(limit)
    .execute();
}
