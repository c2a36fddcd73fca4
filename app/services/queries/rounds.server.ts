// Queries about rounds, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";

/** A competition's round by its slug. */
export function roundBySlug(db: Db, competitionId: number, slug: string) {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("competition_id", "=", competitionId)
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** A round by id. */
export function roundById(db: Db, roundId: number) {
  return db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirst();
}

/** A competition's rounds in the order they are played. */
export function roundsOf(db: Db, competitionId: number) {
  return db.selectFrom("rounds").selectAll().where("competition_id", "=", competitionId).orderBy("position").execute();
}
