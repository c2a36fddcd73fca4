// What the judge's use cases share: the judge, round and assignment a request names, checked in
// the caller's transaction, and the round's rubric as the score sheet reads it.
import type { Db } from "../../../db/client";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth.server";
import { criteriaOf } from "../queries/criteria.server";
import { judgeOfUser } from "../queries/judges.server";
import { roundBySlug } from "../queries/rounds.server";
import { assignmentOf } from "../queries/scores.server";

export type JudgingDeps = { db: Db; clock: () => Date };

type Judge = NonNullable<Awaited<ReturnType<typeof judgeOfUser>>>;
type Round = NonNullable<Awaited<ReturnType<typeof roundBySlug>>>;

/**
 * The signed-in judge, the round and their assignment of the entry. Anything missing (no such
 * judge, round or assignment, or a draft round judges do not see) is answered alike, as "not
 * yours", so nobody learns what exists.
 */
export async function assignedSheet(
  trx: Db,
  user: SessionUser,
  competitionId: number,
  roundSlug: string,
  entryId: number,
): Promise<Outcome<{ judge: Judge; round: Round; assignmentId: number }>> {
  const judge = await judgeOfUser(trx, user.id, competitionId);
  const round = await roundBySlug(trx, competitionId, roundSlug);
  if (!judge || !round) return refuse.notFound("score.notAssigned");
  const assignment = await assignmentOf(trx, round.id, judge.id, entryId);
  if (!assignment) return refuse.notFound("score.notAssigned");
  return { ok: true, judge, round, assignmentId: assignment.id };
}

/** A round's criteria as the score sheet uses them, in rubric order. */
export async function rubricOf(db: Db, roundId: number) {
  const rows = await criteriaOf(db, roundId);
  return rows.map((c) => ({
    id: c.id,
    nameZh: c.name_zh,
    nameEn: c.name_en,
    descriptionZh: c.description_zh,
    descriptionEn: c.description_en,
    weightBp: c.weight_bp,
    maxMilli: c.max_milli,
    stepMilli: c.step_milli,
  }));
}
