// The organizer's list of editions, each with how much it holds, and one edition's set-up (its
// groups and tracks, with how many entries use each).
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import { competitionBySlug } from "../queries/competitions.server";

const countOf = (table: "groups" | "tracks" | "rounds" | "entries") =>
  sql<number>`(select count(*) from ${sql.table(table)} where competition_id = c.id)`;

/** Every edition, newest first, with the number of its groups, tracks, rounds and entries. */
export function listEditions(db: Db) {
  return db
    .selectFrom("competitions as c")
    .select([
      "c.id",
      "c.slug",
      "c.name_zh",
      "c.name_en",
      "c.edition",
      "c.time_zone",
      "c.registration_opens_at",
      "c.registration_closes_at",
      countOf("groups").as("groups"),
      countOf("tracks").as("tracks"),
      countOf("rounds").as("rounds"),
      countOf("entries").as("entries"),
    ])
    .orderBy("c.edition", "desc")
    .orderBy("c.id", "desc")
    .execute();
}

/** An edition's groups in display order, their rule read, and how many entries (any status) use each. */
export async function groupsWithUse(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom("groups as g")
    .where("g.competition_id", "=", competitionId)
    .orderBy("g.sort_order")
    .select([
      "g.id",
      "g.code",
      "g.name_zh",
      "g.name_en",
      "g.region",
      "g.eligible_countries",
      "g.sort_order",
      sql<number>`(select count(*) from entries e where e.group_id = g.id)`.as("entries"),
    ])
    .execute();
  return rows.map(({ eligible_countries, ...g }) => ({ ...g, countries: JSON.parse(eligible_countries) as string[] }));
}

/** An edition's tracks in display order, with how many entries (any status) use each. */
export function tracksWithUse(db: Db, competitionId: number) {
  return db
    .selectFrom("tracks as t")
    .where("t.competition_id", "=", competitionId)
    .orderBy("t.sort_order")
    .select([
      "t.id",
      "t.code",
      "t.name_zh",
      "t.name_en",
      "t.sort_order",
      sql<number>`(select count(*) from entries e where e.track_id = t.id)`.as("entries"),
    ])
    .execute();
}

/** One edition's set-up page: the edition, its groups and its tracks; null when there is no such slug. */
export async function editionSetup(db: Db, slug: string) {
  const competition = await competitionBySlug(db, slug);
  if (!competition) return null;
  const [groups, tracks] = await Promise.all([groupsWithUse(db, competition.id), tracksWithUse(db, competition.id)]);
  return { competition, groups, tracks };
}
