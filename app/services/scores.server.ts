// The one write of a judge's score, shared by the web score sheet and the stage: the score row,
// its marks, its stored weighted total, and (once submitted) the audit row with the marks before and after, all in the
// caller's transaction.
import type { Db } from "../../db/client";
import { formatMilli } from "../domain/score-sheet";
import { recordAudit } from "./audit.server";
import { storeScoreTotals } from "./score-totals.server";

export type ScoreWrite = {
  actorUserId: number;
  roundId: number;
  judgeId: number;
  entryId: number;
  /** The score this judge already has for the entry, if any (it is updated in place). */
  existing: { id: number; revision: number; submitted_at: string | null } | undefined;
  status: "draft" | "submitted";
  revision: number;
  marks: ReadonlyMap<number, number>;
  comment: string | null;
  now: string;
  /** The phone's key for a stage submission (a repeat is recognised by it). */
  submissionKey?: string;
  /** What the audit row says; null for a draft. `before` is given for a revision. */
  audit: {
    action: "score.submitted" | "score.revised";
    before: { marks: ReadonlyMap<number, number>; comment: string | null } | null;
    reason: string | null;
    stage?: boolean;
  } | null;
};

const shown = (marks: ReadonlyMap<number, number>) =>
  Object.fromEntries([...marks].map(([id, m]) => [String(id), formatMilli(m)]));

/** Writes the score and returns its id. */
export async function writeScore(trx: Db, w: ScoreWrite): Promise<number> {
  const values = {
    status: w.status,
    comment: w.comment,
    revision: w.revision,
    submitted_at: w.status === "submitted" ? (w.existing?.submitted_at ?? w.now) : null,
    updated_at: w.now,
    ...(w.submissionKey ? { submission_key: w.submissionKey } : {}),
  };
  let scoreId: number;
  if (w.existing) {
    await trx.updateTable("scores").set(values).where("id", "=", w.existing.id).execute();
    await trx.deleteFrom("score_marks").where("score_id", "=", w.existing.id).execute();
    scoreId = w.existing.id;
  } else {
    const inserted = await trx
      .insertInto("scores")
      .values({ round_id: w.roundId, judge_id: w.judgeId, entry_id: w.entryId, ...values })
      .returning("id")
      .executeTakeFirstOrThrow();
    scoreId = inserted.id;
  }
  if (w.marks.size)
    await trx
      .insertInto("score_marks")
      .values([...w.marks].map(([criterion_id, mark_milli]) => ({ score_id: scoreId, criterion_id, mark_milli })))
      .execute();
  await storeScoreTotals(trx, w.roundId, { scoreIds: [scoreId] });
  if (w.audit) {
    const who = { scoreId, judgeId: w.judgeId, roundId: w.roundId };
    await recordAudit(trx, {
      at: w.now,
      actor_user_id: w.actorUserId,
      action: w.audit.action,
      subject_type: "entry",
      subject_id: w.entryId,
      before: w.audit.before
        ? JSON.stringify({ ...who, marks: shown(w.audit.before.marks), comment: w.audit.before.comment })
        : null,
      after: JSON.stringify({
        ...who,
        marks: shown(w.marks),
        comment: w.comment,
        revision: w.revision,
        ...(w.audit.stage ? { stage: true } : {}),
      }),
      reason: w.audit.reason,
    });
  }
  return scoreId;
}
