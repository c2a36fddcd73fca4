// Queries about a competition's groups and tracks, one function each, the database (or transaction) first.
import type { Db } from "../../../db/client";

/** A competition's groups in display order, with their eligible countries read from JSON. */
export async function groupsOf(db: Db, competitionId: number) {
  const groups = await db
    .selectFrom("groups")
    .where("competition_id", "=", competitionId)
    .orderBy("sort_order")
    .select(["id", "code", "name_zh", "name_en", "region", "eligible_countries"])
    .execute();
  return groups.map((g) => ({ ...g, eligibleCountries: JSON.parse(g.eligible_countries) as string[] }));
}

/** A competition's tracks in display order. */
export function tracksOf(db: Db, competitionId: number) {
  return db
    .selectFrom("tracks")
    .where("competition_id", "=", competitionId)
    .orderBy("sort_order")
    .select(["id", "code", "name_zh", "name_en"])
    .execute();
}
