// Queries about competitions and their groups and tracks, one function each, the database (or the
// caller's transaction) first.
import { sql } from "kysely";
import type { Db } from "../../../db/client";

/** The newest edition (by year, then the one created last): organizers' default when they chose none. */
export function latestCompetition(db: Db) {
  return db.selectFrom("competitions").selectAll().orderBy("edition", "desc").orderBy("id", "desc").executeTakeFirst();
}

/**
 * The edition the public home shows: the newest one whose registration has opened by `nowIso`, so an
 * edition being prepared does not replace the current one before it opens; else the newest.
 */
export async function featuredCompetition(db: Db, nowIso: string) {
  const opened = await db
    .selectFrom("competitions")
    .selectAll()
    .where("registration_opens_at", "<=", nowIso)
    .orderBy("edition", "desc")
    .orderBy("registration_opens_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return opened ?? latestCompetition(db);
}

/** The newest edition whose registration window is open at `nowIso`, if any. */
export function openCompetition(db: Db, nowIso: string) {
  return db
    .selectFrom("competitions")
    .selectAll()
    .where("registration_opens_at", "<=", nowIso)
    .where("registration_closes_at", ">", nowIso)
    .orderBy("edition", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/**
 * The edition a judge works on: the newest one in which they are a judge and whose registration has
 * opened by `nowIso`, else the newest one in which they are a judge. A judge pool copied into an
 * edition still being prepared does not take a judge away from the edition under way.
 */
export function newestCompetitionJudgedBy(db: Db, userId: number, nowIso: string) {
  return db
    .selectFrom("competitions as c")
    .innerJoin("judges as j", "j.competition_id", "c.id")
    .where("j.user_id", "=", userId)
    .selectAll("c")
    .orderBy(sql`c.registration_opens_at <= ${nowIso}`, "desc")
    .orderBy("c.edition", "desc")
    .orderBy("c.id", "desc")
    .executeTakeFirst();
}

/** Every edition, newest first: what the public pages list as the other editions. */
export function allCompetitions(db: Db) {
  return db
    .selectFrom("competitions")
    .select(["id", "slug", "name_zh", "name_en", "edition"])
    .orderBy("edition", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** A competition by its id. */
export function competitionById(db: Db, id: number) {
  return db.selectFrom("competitions").selectAll().where("id", "=", id).executeTakeFirst();
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
