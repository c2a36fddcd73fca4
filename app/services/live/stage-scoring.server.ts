// A judge's stage score: checked against the stage (the entry on it, scoring open, the judge on its
// panel, valid marks), written with the web sheet's writeScore, counted on the hall's screen, and
// scoring closed (and revealed, when asked) by itself once the whole panel has submitted.
import type { Db } from "../../../db/client";
import { markField, scoreSheetSchema } from "../../domain/score-sheet";
import { refuseLive, type LiveRefusal } from "../../domain/live-refusals";
import type { SubmitMessage, UpdateEvent } from "../../live/protocol";
import type { SessionUser } from "../auth.server";
import { criteriaOf } from "../queries/criteria.server";
import { judgeOfUser } from "../queries/judges.server";
import { writeScore } from "../scores.server";
import { publishWritten, runCommand, withLive } from "./commands.server";
import type { LiveContext } from "./context.server";
import { factsFor } from "./facts.server";
import { entryOfSubmission, entryStatus, isSeated, scoreOf } from "./queries.server";
import { persist, type Live } from "./store.server";

export type SubmitOutcome = { ok: true; duplicate: boolean; updates: UpdateEvent[] } | LiveRefusal;
type Written = { live: Live; updates: UpdateEvent[] };
type Checked = {
  judgeId: number;
  existing: Awaited<ReturnType<typeof scoreOf>>;
  /** A correction of a submitted score while scoring is reopened for this judge: its reason. */
  revision: string | null;
};

/**
 * Who may submit what, now: a repeat of a submission (same key, same entry) is answered as a
 * duplicate; otherwise the judge must be seated for the entry on stage, which still competes,
 * while scoring is open, and must not have submitted it already.
 */
async function checkSubmission(
  trx: Db,
  live: Live,
  user: SessionUser,
  message: SubmitMessage,
): Promise<Checked | { duplicate: true } | LiveRefusal> {
  const judge = await judgeOfUser(trx, user.id, live.competitionId);
  if (!judge) return refuseLive("notOnPanel");
  const repeatOf = await entryOfSubmission(trx, judge.id, message.submissionId);
  if (repeatOf !== undefined)
    return repeatOf === message.entryId ? { duplicate: true } : refuseLive("submissionKeyReused");
  if (!(await isSeated(trx, live.roundId, judge.id, message.entryId))) return refuseLive("notOnPanel");
  if (live.control.current !== message.entryId) return refuseLive("wrongEntry");
  if ((await entryStatus(trx, message.entryId)) !== "submitted") return refuseLive("entryWithdrawn");
  if (live.control.phase !== "scoring") return refuseLive("scoringClosed");
  const existing = await scoreOf(trx, live.roundId, judge.id, message.entryId);
  const reopened = live.control.reopened;
  if (existing?.status !== "submitted")
    // A reopen is for corrections only: a first mark then would count and close it before the revisions.
    return reopened ? refuseLive("scoringClosed") : { judgeId: judge.id, existing, revision: null };
  // A submitted mark changes only in a correction the organizer reopened for this judge, once, with a reason.
  if (!reopened?.judgeIds.includes(judge.id) || reopened.revised.includes(judge.id))
    return refuseLive("alreadySubmitted");
  const reason = message.reason?.trim();
  if (!reason) return refuseLive("revisionReasonRequired", { field: "reason" });
  return { judgeId: judge.id, existing, revision: reason };
}

/** The judge's marks (criterion id → milli) and comment as they stand, the "before" of a revision. */
async function marksBefore(trx: Db, scoreId: number) {
  const [rows, score] = await Promise.all([
    trx.selectFrom("score_marks").select(["criterion_id", "mark_milli"]).where("score_id", "=", scoreId).execute(),
    trx.selectFrom("scores").select("comment").where("id", "=", scoreId).executeTakeFirstOrThrow(),
  ]);
  return { marks: new Map(rows.map((r) => [r.criterion_id, r.mark_milli])), comment: score.comment };
}

/** A revision is noted on the control state; when every reopened judge has revised, scoring closes again. */
async function afterRevision(ctx: LiveContext, trx: Db, live: Live, judgeId: number): Promise<Written> {
  const reopened = live.control.reopened!;
  const revised = [...reopened.revised, judgeId];
  const control = { ...live.control, version: live.control.version + 1, reopened: { ...reopened, revised } };
  const noted = await persist(trx, ctx.clock().toISOString(), live, control, []);
  if (!reopened.judgeIds.every((id) => revised.includes(id))) return { live: noted.next, updates: noted.updates };
  // The reopen's reason stands for the close: a panel first closed short would otherwise stay open.
  const closed = await runCommand(ctx, trx, null, noted.next, { type: "close", reason: reopened.reason });
  if (closed.refused || !closed.live.control.autoReveal) return { live: closed.live, updates: closed.updates };
  const revealed = await runCommand(ctx, trx, null, closed.live, { type: "reveal" });
  return { live: revealed.live, updates: [...closed.updates, ...revealed.updates] };
}

/** The marks through the web sheet's schema; every problem at its criterion (by id). */
async function parseMarks(trx: Db, roundId: number, message: SubmitMessage) {
  const criteria = await criteriaOf(trx, roundId);
  const raw: Record<string, string> = { intent: "submit", comment: message.comment ?? "" };
  for (const c of criteria) raw[markField(c.id)] = message.marks[String(c.id)] ?? "";
  const parsed = scoreSheetSchema(
    criteria.map((c) => ({ id: c.id, maxMilli: c.max_milli, stepMilli: c.step_milli })),
  ).safeParse(raw);
  if (parsed.success) return { ok: true as const, sheet: parsed.data };
  const criterion = (path: readonly PropertyKey[]) => String(path[0] ?? "").replace(/^m/, "");
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fields[criterion(issue.path)] ??= []).push(issue.message);
  return refuseLive("invalidMarks", { field: criterion(parsed.error.issues[0]?.path ?? []), fields });
}

/** The hall's counter moves; when the whole panel has submitted, scoring closes (and reveals, if set to). */
async function countAndMaybeClose(ctx: LiveContext, trx: Db, live: Live, entryId: number): Promise<Written> {
  const { facts } = await factsFor(ctx, trx, live);
  const progress = await persist(trx, ctx.clock().toISOString(), live, live.control, [
    { type: "progress", entryId, submitted: facts.submitted, of: facts.panel },
  ]);
  if (facts.submitted < facts.panel) return { live: progress.next, updates: progress.updates };
  const closed = await runCommand(ctx, trx, null, progress.next, { type: "close" });
  if (closed.refused || !closed.live.control.autoReveal)
    return { live: closed.live, updates: [...progress.updates, ...closed.updates] };
  const revealed = await runCommand(ctx, trx, null, closed.live, { type: "reveal" });
  return { live: revealed.live, updates: [...progress.updates, ...closed.updates, ...revealed.updates] };
}

async function submitInTransaction(
  ctx: LiveContext,
  trx: Db,
  live: Live,
  user: SessionUser,
  message: SubmitMessage,
): Promise<Written | { duplicate: true } | LiveRefusal> {
  const checked = await checkSubmission(trx, live, user, message);
  if (!("judgeId" in checked)) return checked;
  const marks = await parseMarks(trx, live.roundId, message);
  if (!marks.ok) return marks;
  const revising = checked.revision !== null && checked.existing !== undefined;
  const before = revising ? await marksBefore(trx, checked.existing!.id) : null;
  await writeScore(trx, {
    actorUserId: user.id,
    roundId: live.roundId,
    judgeId: checked.judgeId,
    entryId: message.entryId,
    existing: checked.existing,
    status: "submitted",
    revision: (checked.existing?.revision ?? 0) + (revising ? 1 : 0),
    marks: marks.sheet.marks,
    comment: marks.sheet.comment,
    now: ctx.clock().toISOString(),
    submissionKey: message.submissionId,
    audit: revising
      ? { action: "score.revised", before, reason: checked.revision, stage: true }
      : { action: "score.submitted", before: null, reason: null, stage: true },
  });
  return revising
    ? afterRevision(ctx, trx, live, checked.judgeId)
    : countAndMaybeClose(ctx, trx, live, message.entryId);
}

/**
 * A judge's stage score. A repeat of a submission (same key) is recognised and answered as
 * accepted without counting it again; otherwise it must be for the entry on stage while
 * scoring is open, by a judge on its panel, with valid marks. When the last panel judge has
 * submitted, scoring closes by itself.
 */
export async function submit(ctx: LiveContext, user: SessionUser, message: SubmitMessage): Promise<SubmitOutcome> {
  const outcome = await withLive(
    ctx,
    message.competition,
    (live, trx) => submitInTransaction(ctx, trx, live, user, message),
    async (written) => {
      if ("live" in written) await publishWritten(ctx, written);
    },
  );
  if ("duplicate" in outcome) return { ok: true as const, duplicate: true, updates: [] };
  if ("ok" in outcome) return outcome;
  return { ok: true as const, duplicate: false, updates: outcome.updates };
}
