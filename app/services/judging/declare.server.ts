// A judge declaring a conflict with an entry on their list.
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { isPlayedLive } from "../queries/live-state.server";
import { refuse, type Outcome } from "../../domain/refusal";
import { scoreOf } from "../queries/scores.server";
import { assignedSheet, type JudgingDeps } from "./shared.server";

/**
 * The judge names a conflict with an entry on their list: it leaves the list at once (with any
 * draft), binds future assignments, and shows as a gap for the organizer to fill. Only while
 * the round is open: once closed or published its pairs and drafts are the record and stay, and
 * a panel seated on stage is locked. A submitted score is never deleted here either: it counts
 * and is audited, so the judge is sent to the organizers and nothing changes.
 */
export async function declareConflict(
  deps: JudgingDeps,
  user: SessionUser,
  competitionId: number,
  roundSlug: string,
  entryId: number,
  reason: string,
): Promise<Outcome> {
  return inTransaction(deps.db, async (trx) => {
    const found = await assignedSheet(trx, user, competitionId, roundSlug, entryId);
    if (!found.ok) return found;
    const { judge, round } = found;
    // A draft round is not shown to judges: answered as for an entry that is not theirs.
    if (round.status === "draft") return refuse.notFound("score.notAssigned");
    // Read in this transaction, so a round closed a moment ago is seen before anything is deleted.
    if (round.status !== "open") return refuse.conflict("score.conflictRoundClosed");
    if (await isPlayedLive(trx, round.id)) return refuse.conflict("score.conflictOnStage");
    const score = await scoreOf(trx, round.id, judge.id, entryId);
    if (score?.status === "submitted") return refuse.conflict("score.conflictAfterSubmit");
    if (score) await trx.deleteFrom("scores").where("id", "=", score.id).execute();
    await trx.deleteFrom("assignments").where("id", "=", found.assignmentId).execute();
    await trx
      .insertInto("judge_conflicts")
      .values({ judge_id: judge.id, entry_id: entryId, source: "declared", status: "confirmed", reason })
      .execute();
    await recordAudit(trx, {
      actor_user_id: user.id,
      action: "conflict.declared",
      subject_type: "entry",
      subject_id: entryId,
      after: JSON.stringify({ judgeId: judge.id, roundId: round.id }),
      reason,
    });
    return { ok: true };
  });
}
