// Reading a competition's judges: the searchable list and one judge's page (expertise, conflicts,
// progress per round).
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import { NO_PASSWORD } from "../passwords.server";
import { assignmentsWithSheets } from "../queries/scores.server";

/** LIKE-pattern of a search term, its wildcards taken literally. */
const likeOf = (q: string) => `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;

/** The competition's judges (matching `q` on name, affiliation or e-mail), with their tracks and conflict counts. */
export async function listJudges(db: Db, competitionId: number, q?: string) {
  let query = db
    .selectFrom("judges as j")
    .innerJoin("users as u", "u.id", "j.user_id")
    .where("j.competition_id", "=", competitionId)
    .select([
      "j.id",
      "j.name",
      "j.title",
      "j.affiliation",
      "j.country",
      "u.email",
      "u.disabled_at",
      sql<number>`u.password_hash = ${NO_PASSWORD} OR u.password_hash LIKE '!%'`.as("invited"),
      (eb) =>
        eb
          .selectFrom("judge_expertise as x")
          .innerJoin("tracks as t", "t.id", "x.track_id")
          .whereRef("x.judge_id", "=", "j.id")
          .select(sql<string>`group_concat(t.code, ' ')`.as("c"))
          .as("tracks"),
      (eb) =>
        eb
          .selectFrom("judge_conflicts as c")
          .whereRef("c.judge_id", "=", "j.id")
          .where("c.status", "=", "confirmed")
          .select(sql<number>`count(*)`.as("n"))
          .as("conflicts"),
      (eb) =>
        eb
          .selectFrom("judge_conflicts as c")
          .whereRef("c.judge_id", "=", "j.id")
          .where("c.status", "=", "pending")
          .select(sql<number>`count(*)`.as("n"))
          .as("pending"),
    ])
    .orderBy("j.name");
  if (q) {
    const like = likeOf(q);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`j.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`j.affiliation LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`u.email LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  return query.execute();
}

function expertiseOf(db: Db, judgeId: number) {
  return db
    .selectFrom("judge_expertise as x")
    .innerJoin("tracks as t", "t.id", "x.track_id")
    .where("x.judge_id", "=", judgeId)
    .select(["t.code", "t.name_zh", "t.name_en"])
    .orderBy("t.sort_order")
    .execute();
}

function conflictsOfJudge(db: Db, judgeId: number) {
  return db
    .selectFrom("judge_conflicts as c")
    .leftJoin("entries as e", "e.id", "c.entry_id")
    .where("c.judge_id", "=", judgeId)
    .select([
      "c.id",
      "c.entry_id",
      "e.code",
      "e.organization as entryOrganization",
      "c.organization",
      "c.source",
      "c.status",
      "c.reason",
      "c.created_at",
    ])
    .orderBy("c.id", "desc")
    .execute();
}

/** Per round the judge has entries in: how many, and how many of their sheets are submitted. */
function progressOfJudge(db: Db, judgeId: number) {
  return assignmentsWithSheets(db)
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .where("a.judge_id", "=", judgeId)
    .groupBy("r.id")
    .orderBy("r.position")
    .select([
      "r.slug",
      "r.name_zh",
      "r.name_en",
      sql<number>`count(*)`.as("assigned"),
      sql<number>`sum(s.status = 'submitted')`.as("submitted"),
    ])
    .execute();
}

/** One judge of the competition with expertise, conflicts and progress; null when there is no such judge. */
export async function judgeDetail(db: Db, competitionId: number, judgeId: number) {
  const judge = await db
    .selectFrom("judges as j")
    .innerJoin("users as u", "u.id", "j.user_id")
    .where("j.competition_id", "=", competitionId)
    .where("j.id", "=", judgeId)
    .select([
      "j.id",
      "j.name",
      "j.title",
      "j.affiliation",
      "j.country",
      "j.user_id",
      "j.accepted_at",
      "u.email",
      "u.password_hash",
    ])
    .executeTakeFirst();
  if (!judge) return null;
  const [tracks, conflicts, rounds] = await Promise.all([
    expertiseOf(db, judgeId),
    conflictsOfJudge(db, judgeId),
    progressOfJudge(db, judgeId),
  ]);
  const invited = judge.password_hash.startsWith("!");
  const { password_hash: _hash, ...rest } = judge;
  return { judge: { ...rest, invited }, tracks, conflicts, rounds };
}
