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

/** A judge of a competition by id, if it is one of that competition's. */
export function judgeIn(db: Db, competitionId: number, judgeId: number) {
  return db
    .selectFrom("judges")
    .selectAll()
    .where("id", "=", judgeId)
    .where("competition_id", "=", competitionId)
    .executeTakeFirst();
}

/** The e-mail addresses of a competition's judges. */
export async function judgeEmailsOf(db: Db, competitionId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("judges as j")
    .innerJoin("users as u", "u.id", "j.user_id")
    .where("j.competition_id", "=", competitionId)
    .select("u.email")
    .execute();
  return new Set(rows.map((r) => r.email));
}
