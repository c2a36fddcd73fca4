// Queries of a round's judge–entry table: every pair with its state (assigned, draft, scored) and
// every confirmed conflict with one of the round's entries, per judge totals, and the round's
// entries with how many judges each has. One function each, the database first.
import { sql } from "kysely";
import type { Db } from "../../../db/client";

import type { PairFilter, PairStatus } from "../../domain/assignment-table-filter";

/** The round's pairs and its entries' confirmed conflicts as one list (a subquery to filter and page). */
function pairsAndConflicts(db: Db, roundId: number) {
  const pairs = db
    .selectFrom("assignments as a")
    .leftJoin("scores as s", (j) =>
      j
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.judge_id", "=", "a.judge_id")
        .onRef("s.entry_id", "=", "a.entry_id"),
    )
    .where("a.round_id", "=", roundId)
    .select([
      "a.judge_id as judgeId",
      "a.entry_id as entryId",
      sql<PairStatus>`CASE s.status WHEN 'submitted' THEN 'scored' WHEN 'draft' THEN 'draft' ELSE 'assigned' END`.as(
        "status",
      ),
      "s.submitted_at as submittedAt",
    ]);
  // A confirmed conflict with an entry of the round, where the judge holds no pair of it.
  const conflicts = db
    .selectFrom("judge_conflicts as c")
    .innerJoin("round_entries as re", "re.entry_id", "c.entry_id")
    .where("re.round_id", "=", roundId)
    .where("c.status", "=", "confirmed")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("assignments as x")
            .select("x.id")
            .where("x.round_id", "=", roundId)
            .whereRef("x.judge_id", "=", "c.judge_id")
            .whereRef("x.entry_id", "=", "c.entry_id"),
        ),
      ),
    )
    .select([
      "c.judge_id as judgeId",
      sql<number>`c.entry_id`.as("entryId"),
      sql<PairStatus>`'conflict'`.as("status"),
      sql<string | null>`NULL`.as("submittedAt"),
    ]);
  return pairs.unionAll(conflicts);
}

function filtered(db: Db, roundId: number, filter: PairFilter) {
  let query = db
    .selectFrom(pairsAndConflicts(db, roundId).as("p"))
    .innerJoin("judges as j", "j.id", "p.judgeId")
    .innerJoin("users as u", "u.id", "j.user_id")
    .innerJoin("entries as e", "e.id", "p.entryId");
  if (filter.judgeId) query = query.where("p.judgeId", "=", filter.judgeId);
  if (filter.status) query = query.where("p.status", "=", filter.status);
  if (filter.code) query = query.where("e.code", "like", `%${filter.code.replace(/[%_\\]/g, "")}%`);
  return query;
}

/** The filtered list, by judge then entry code; without `page`, all of it (the export). */
export function pairRows(db: Db, roundId: number, filter: PairFilter, page?: { limit: number; offset: number }) {
  const query = filtered(db, roundId, filter)
    .select([
      "p.judgeId",
      "j.name as judgeName",
      "u.email as judgeEmail",
      "j.affiliation",
      "p.entryId",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.organization",
      "p.status",
      "p.submittedAt",
    ])
    .orderBy("j.name")
    .orderBy("j.id")
    .orderBy("e.code");
  return page ? query.limit(page.limit).offset(page.offset).execute() : query.execute();
}

/** How many rows the filtered list has. */
export async function pairCount(db: Db, roundId: number, filter: PairFilter): Promise<number> {
  const row = await filtered(db, roundId, filter)
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every judge of the competition with their pairs in the round by state, and conflicts with its entries. */
export async function judgeTotals(db: Db, competitionId: number, roundId: number) {
  const [judges, counts] = await Promise.all([
    db
      .selectFrom("judges as j")
      .innerJoin("users as u", "u.id", "j.user_id")
      .where("j.competition_id", "=", competitionId)
      .select(["j.id", "j.name", "j.affiliation", "j.accepted_at", "u.email"])
      .orderBy("j.name")
      .orderBy("j.id")
      .execute(),
    db
      .selectFrom(pairsAndConflicts(db, roundId).as("p"))
      .select(["p.judgeId", "p.status", sql<number>`count(*)`.as("n")])
      .groupBy(["p.judgeId", "p.status"])
      .execute(),
  ]);
  const of = new Map<number, Record<string, number>>();
  for (const c of counts) of.set(c.judgeId, { ...of.get(c.judgeId), [c.status]: Number(c.n) });
  return judges.map((j) => {
    const n = of.get(j.id) ?? {};
    return {
      ...j,
      assigned: (n["assigned"] ?? 0) + (n["draft"] ?? 0) + (n["scored"] ?? 0),
      draft: n["draft"] ?? 0,
      scored: n["scored"] ?? 0,
      conflicts: n["conflict"] ?? 0,
    };
  });
}

/** The round's competing entries with their titles and how many judges each has. */
export function entriesWithJudgeCounts(db: Db, roundId: number) {
  return db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select([
      "e.id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.track_id",
      "e.organization",
      "e.country",
      (eb) =>
        eb
          .selectFrom("assignments as a")
          .whereRef("a.entry_id", "=", "e.id")
          .where("a.round_id", "=", roundId)
          .select(sql<number>`count(*)`.as("n"))
          .as("assigned"),
    ])
    .orderBy("e.code")
    .execute();
}

/** The judges of the competition with their expertise and whether they accepted their invitation. */
export async function judgePool(db: Db, competitionId: number) {
  const [judges, expertise] = await Promise.all([
    db
      .selectFrom("judges")
      .select(["id", "affiliation", "country", "accepted_at"])
      .where("competition_id", "=", competitionId)
      .execute(),
    db
      .selectFrom("judge_expertise as x")
      .innerJoin("judges as j", "j.id", "x.judge_id")
      .where("j.competition_id", "=", competitionId)
      .select(["x.judge_id", "x.track_id"])
      .execute(),
  ]);
  const tracksOf = new Map<number, string[]>();
  for (const x of expertise) tracksOf.set(x.judge_id, [...(tracksOf.get(x.judge_id) ?? []), String(x.track_id)]);
  return judges.map((j) => ({
    id: String(j.id),
    trackIds: tracksOf.get(j.id) ?? [],
    affiliation: j.affiliation,
    country: j.country,
    accepted: j.accepted_at !== null,
  }));
}

/** The round's pairs as "judgeId:entryId". */
export async function pairKeys(db: Db, roundId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("assignments")
    .select(["judge_id", "entry_id"])
    .where("round_id", "=", roundId)
    .execute();
  return new Set(rows.map((r) => `${r.judge_id}:${r.entry_id}`));
}
