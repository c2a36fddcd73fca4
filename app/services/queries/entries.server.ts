// Queries about entries, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";

/** What every list shows of an entry (as `e`): its id, code, titles, organization and country. */
export const ENTRY_FACE = ["e.id", "e.code", "e.title_zh", "e.title_en", "e.organization", "e.country"] as const;

/**
 * Entries with their group (`g`) and track (`t`) joined, as `e`: the base every entry list and
 * page narrows (`where`) and picks its columns from (`select`).
 */
export function entriesWithGroupAndTrack(db: Db) {
  return db
    .selectFrom("entries as e")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id");
}

/** The entry if this user is its entrant: someone else's entry is indistinguishable from none. */
export function entryOwnedBy(db: Db, userId: number, entryId: number) {
  return db
    .selectFrom("entries")
    .selectAll()
    .where("id", "=", entryId)
    .where("entrant_user_id", "=", userId)
    .executeTakeFirst();
}

/** A competition's entry by id. */
export function entryOf(db: Db, competitionId: number, entryId: number) {
  return db
    .selectFrom("entries")
    .selectAll()
    .where("id", "=", entryId)
    .where("competition_id", "=", competitionId)
    .executeTakeFirst();
}

/** An entry's team in order, e-mail addresses included (callers showing it publicly drop them). */
export function teamOf(db: Db, entryId: number) {
  return db
    .selectFrom("team_members")
    .select(["name", "role", "email"])
    .where("entry_id", "=", entryId)
    .orderBy("position")
    .execute();
}

/**
 * The rounds entries are in (`re`, `r`) with their results where computed (`res`), in playing
 * order: callers narrow by entry and by round status and pick columns.
 */
export function roundsOfEntries(db: Db) {
  return db
    .selectFrom("round_entries as re")
    .innerJoin("rounds as r", "r.id", "re.round_id")
    .leftJoin("results as res", (join) =>
      join.onRef("res.round_id", "=", "re.round_id").onRef("res.entry_id", "=", "re.entry_id"),
    )
    .orderBy("r.position");
}
