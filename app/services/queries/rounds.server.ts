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

/** A round by id that must exist (the caller was handed its id by a page that just read it). */
export function existingRound(db: Db, roundId: number) {
  return db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
}

/** The round played right after this one in its competition, if any. */
export function roundAfter(db: Db, round: { competition_id: number; position: number }) {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("competition_id", "=", round.competition_id)
    .where("position", "=", round.position + 1)
    .executeTakeFirst();
}
