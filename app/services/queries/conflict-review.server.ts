// Queries of the suggested-conflicts review: a filtered, paged list, its counts, and the rows a
// bulk decision changes. One function each, the database (or the caller's transaction) first.
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import { CONFIDENCE_BANDS, type ConfidenceBand } from "../../domain/conflict-detection";

export type ReviewStatus = "pending" | "confirmed" | "dismissed";
export type ReviewFilter = { status: ReviewStatus; band?: ConfidenceBand | undefined; judgeId?: number | undefined };

/** The competition's detected conflicts (with an entry) matching the filter, not yet selected. */
function matching(db: Db, competitionId: number, filter: ReviewFilter) {
  let query = db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .innerJoin("entries as e", "e.id", "c.entry_id")
    .where("j.competition_id", "=", competitionId)
    .where("c.source", "=", "detected")
    .where("c.status", "=", filter.status);
  if (filter.band) {
    const { min, max } = CONFIDENCE_BANDS[filter.band];
    query = query.where("c.confidence", ">=", min).where("c.confidence", "<=", max);
  }
  if (filter.judgeId) query = query.where("c.judge_id", "=", filter.judgeId);
  return query;
}

/** One page of the filtered conflicts, the most confident first. */
export function reviewPage(
  db: Db,
  competitionId: number,
  filter: ReviewFilter,
  page: { limit: number; offset: number },
) {
  return matching(db, competitionId, filter)
    .select([
      "c.id",
      "c.status",
      "c.confidence",
      "c.evidence",
      "c.reason",
      "j.id as judgeId",
      "j.name as judgeName",
      "j.affiliation",
      "e.id as entryId",
      "e.code",
      "e.organization",
      "e.title_zh",
      "e.title_en",
    ])
    .orderBy(sql`coalesce(c.confidence, -1)`, "desc")
    .orderBy("c.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many conflicts match the filter, and of how many judges. */
export async function reviewCount(db: Db, competitionId: number, filter: ReviewFilter) {
  const row = await matching(db, competitionId, filter)
    .select([sql<number>`count(*)`.as("conflicts"), sql<number>`count(DISTINCT c.judge_id)`.as("judges")])
    .executeTakeFirstOrThrow();
  return { conflicts: Number(row.conflicts), judges: Number(row.judges) };
}

/** Per status and confidence band, how many detected conflicts the competition has. */
export async function reviewTallies(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .where("j.competition_id", "=", competitionId)
    .where("c.source", "=", "detected")
    .where("c.entry_id", "is not", null)
    .select([
      "c.status",
      sql<string>`CASE WHEN c.confidence >= 80 THEN 'high' WHEN c.confidence >= 50 THEN 'medium' ELSE 'low' END`.as(
        "band",
      ),
      sql<number>`count(*)`.as("n"),
    ])
    .groupBy(["c.status", "band"])
    .execute();
  return rows.map((r) => ({ status: r.status, band: r.band as ConfidenceBand, n: Number(r.n) }));
}

/** The judges who have detected conflicts in this status, with how many, by name. */
export function judgesWithConflicts(db: Db, competitionId: number, status: ReviewStatus) {
  return db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .where("j.competition_id", "=", competitionId)
    .where("c.source", "=", "detected")
    .where("c.entry_id", "is not", null)
    .where("c.status", "=", status)
    .select(["j.id", "j.name", sql<number>`count(*)`.as("n")])
    .groupBy(["j.id", "j.name"])
    .orderBy("j.name")
    .execute();
}

/** The rows a bulk decision would change: the filter's, or only the checked ids among them. */
export function bulkTargets(db: Db, competitionId: number, filter: ReviewFilter, ids: readonly number[] | null) {
  let query = matching(db, competitionId, filter);
  if (ids) query = query.where("c.id", "in", ids.length ? [...ids] : [0]);
  return query.select(["c.id", "c.judge_id", "c.entry_id", "c.status"]).orderBy("c.id").execute();
}
