// Queries about judges, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";

/** The judge a signed-in user is in one competition, if any. */
export function judgeOfUser(db: Db, userId: number, competitionId: number) {
  return db
    .selectFrom("judges")
    .select(["id", "name", "affiliation"])
    .where("user_id", "=", userId)
    .where("competition_id", "=", competitionId)
    .executeTakeFirst();
}
