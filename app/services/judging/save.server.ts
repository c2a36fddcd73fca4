// Saving a judge's sheet: a draft, a submission, or an audited revision of a submitted score.
import type { Db } from "../../../db/client";
import { refuse, refuseParse, type Outcome } from "../../domain/refusal";
import { scoreSheetSchema, type ScoreSheet } from "../../domain/score-sheet";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { isPlayedLive } from "../queries/live-state.server";
import { marksOf, scoreOf } from "../queries/scores.server";
import { writeScore } from "../scores.server";
import { assignedSheet, rubricOf, type JudgingDeps } from "./shared.server";

export type SaveOutcome = Outcome<{ status: "draft" | "submitted"; revision: number }>;

type Target = { user: SessionUser; competitionId: number; roundSlug: string; entryId: number };

/** The round, judge and rubric of a sheet that may be saved now, or why it may not. */
async function savableSheet(trx: Db, t: Target) {
  const found = await assignedSheet(trx, t.user, t.competitionId, t.roundSlug, t.entryId);
  if (!found.ok) return found;
  if (found.round.status !== "open") return refuse.conflict("score.roundNotOpen");
  // A round played live is scored on stage, entry by entry, from the judge's live page.
  if (await isPlayedLive(trx, found.round.id)) return refuse.conflict("score.scoredOnStage");
  const entry = await trx
    .selectFrom("entries")
    .select(["status"])
    .where("id", "=", t.entryId)
    .executeTakeFirstOrThrow();
  if (entry.status !== "submitted") return refuse.conflict("score.entryNotCompeting");
  const criteria = await rubricOf(trx, found.round.id);
  if (criteria.length === 0) return refuse.conflict("score.noRubric");
  return { ok: true as const, judgeId: found.judge.id, roundId: found.round.id, criteria };
}

/**
 * Saves a draft, submits, or revises a submitted sheet (with a reason). Refused, changing
 * nothing, when the round is not open, the entry is not this judge's, or the sheet is invalid.
 */
export async function saveSheet(
  deps: JudgingDeps,
  user: SessionUser,
  competitionId: number,
  roundSlug: string,
  entryId: number,
  raw: Record<string, unknown>,
): Promise<SaveOutcome> {
  return inTransaction(deps.db, async (trx) => {
    const savable = await savableSheet(trx, { user, competitionId, roundSlug, entryId });
    if (!savable.ok) return savable;
    const { judgeId, roundId, criteria } = savable;
    const parsed = scoreSheetSchema(criteria).safeParse(raw);
    if (!parsed.success) return refuseParse(parsed.error, "score.fixErrors");
    const sheet: ScoreSheet = parsed.data;
    const existing = await scoreOf(trx, roundId, judgeId, entryId);
    const wasSubmitted = existing?.status === "submitted";
    if (wasSubmitted && sheet.intent !== "revise") return refuse.conflict("score.alreadySubmitted");
    if (!wasSubmitted && sheet.intent === "revise") sheet.intent = "submit";
    const status = sheet.intent === "draft" ? "draft" : "submitted";
    const beforeMarks = existing ? await marksOf(trx, existing.id) : new Map<number, number>();
    const revising = sheet.intent === "revise";
    const revision = (existing?.revision ?? 0) + (existing && revising ? 1 : 0);
    await writeScore(trx, {
      actorUserId: user.id,
      roundId,
      judgeId,
      entryId,
      existing,
      status,
      revision,
      marks: sheet.marks,
      comment: sheet.comment,
      now: deps.clock().toISOString(),
      audit:
        status === "submitted"
          ? {
              action: revising ? "score.revised" : "score.submitted",
              before: revising ? { marks: beforeMarks, comment: existing?.comment ?? null } : null,
              reason: sheet.reason,
            }
          : null,
    });
    return { ok: true, status, revision };
  });
}
