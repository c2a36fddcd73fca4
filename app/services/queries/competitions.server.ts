// Queries about competitions and their groups and tracks, one function each, the database (or the
// caller's transaction) first.
import type { Db } from "../../../db/client";

/** The edition shown at `/` and to organizers: the newest one. */
export function latestCompetition(db: Db) {
  return db.selectFrom("competitions").selectAll().orderBy("edition", "desc").orderBy("id", "desc").executeTakeFirst();
}

/** A competition by its slug. */
export function competitionBySlug(db: Db, slug: string) {
  return db.selectFrom("competitions").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** A competition's groups in their display order. */
export function groupsOf(db: Db, competitionId: number) {
  return db
    .selectFrom("groups")
    .select(["id", "code", "name_zh", "name_en"])
    .where("competition_id", "=", competitionId)
    .orderBy("sort_order")
    .execute();
}

/** A competition's tracks in their display order. */
export function tracksOf(db: Db, competitionId: number) {
  return db
    .selectFrom("tracks")
    .select(["id", "code", "name_zh", "name_en"])
    .where("competition_id", "=", competitionId)
    .orderBy("sort_order")
    .execute();
}
