// Judges' conflicts of interest as the organizer handles them: recorded by hand, suggested by the
// detection, and confirmed (taking the entry off the judge's open lists) or dismissed with a reason.
import type { Db } from "../../../db/client";
import { detectConflicts } from "../../domain/conflict-detection";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { entryIdsKnownBy } from "../entry-codes.server";
import { conflictById, conflictPairsOf, pendingConflictsOf } from "../queries/conflicts.server";
import { judgeIn } from "../queries/judges.server";
import { auditJudge, type JudgeDeps } from "./shared.server";
import { assignmentsWithSheets } from "../queries/scores.server";

export type ConflictInput = { entryCode?: string; organization?: string; reason: string | null };

/** The entry a typed code names in the competition, or the refusal at the field to blame. */
async function conflictTarget(
  trx: Db,
  competitionId: number,
  input: ConflictInput,
): Promise<Outcome<{ entryId: number | null }>> {
  if (!input.entryCode) {
    if (!input.organization) return refuse.invalid("conflicts.entryOrOrganization", "organization");
    return { ok: true, entryId: null };
  }
  const entry = await trx
    .selectFrom("entries")
    .select("id")
    // A code the entry gave up when it was moved still finds it.
    .where("id", "in", entryIdsKnownBy(trx, input.entryCode))
    .where("competition_id", "=", competitionId)
    .executeTakeFirst();
  if (!entry) return refuse.invalid("conflicts.entryUnknown", "entryCode");
  return { ok: true, entryId: entry.id };
}

/** An organizer records a conflict by hand: with a named entry (by code) or an organization. */
export async function addConflict(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  judgeId: number,
  input: ConflictInput,
): Promise<Outcome> {
  return inTransaction(deps.db, async (trx) => {
    if (!(await judgeIn(trx, competitionId, judgeId))) return refuse.notFound("judges.notFound");
    const target = await conflictTarget(trx, competitionId, input);
    if (!target.ok) return target;
    const { entryId } = target;
    const row = await trx
      .insertInto("judge_conflicts")
      .values({
        judge_id: judgeId,
        entry_id: entryId,
        organization: entryId ? null : input.organization!,
        source: "organizer",
        status: "confirmed",
        reason: input.reason,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await auditJudge(
      trx,
      actor,
      { action: "conflict.added", subject: "judge", id: judgeId },
      { conflictId: row.id, entryId, organization: input.organization ?? null },
      { reason: input.reason },
    );
    return { ok: true };
  });
}

/** The judges and competing entries (with their teams) the detection compares. */
async function detectionInput(trx: Db, competitionId: number) {
  const judges = await trx
    .selectFrom("judges as j")
    .innerJoin("users as u", "u.id", "j.user_id")
    .where("j.competition_id", "=", competitionId)
    .select(["j.id", "j.name", "j.affiliation", "u.email"])
    .execute();
  const entries = await trx
    .selectFrom("entries")
    .select(["id", "organization"])
    .where("competition_id", "=", competitionId)
    .where("status", "=", "submitted")
    .execute();
  const members = await trx
    .selectFrom("team_members as m")
    .innerJoin("entries as e", "e.id", "m.entry_id")
    .where("e.competition_id", "=", competitionId)
    .select(["m.entry_id", "m.name", "m.email"])
    .execute();
  const teams = new Map<number, { name: string; email: string | null }[]>();
  for (const m of members) teams.set(m.entry_id, [...(teams.get(m.entry_id) ?? []), { name: m.name, email: m.email }]);
  return { judges, entries: entries.map((e) => ({ ...e, team: teams.get(e.id) ?? [] })) };
}

/**
 * Runs the detection over every judge and competing entry and stores new suggestions as
 * pending. Pairs already decided (confirmed or dismissed) are not suggested again.
 */
export async function suggestConflicts(deps: JudgeDeps, actor: SessionUser, competitionId: number): Promise<number> {
  return inTransaction(deps.db, async (trx) => {
    const { judges, entries } = await detectionInput(trx, competitionId);
    const found = detectConflicts(judges, entries, await conflictPairsOf(trx, competitionId));
    for (let i = 0; i < found.length; i += 200) {
      await trx
        .insertInto("judge_conflicts")
        .values(
          found.slice(i, i + 200).map((f) => ({
            judge_id: f.judgeId,
            entry_id: f.entryId,
            source: "detected" as const,
            status: "pending" as const,
            reason: `${f.reason}: ${f.detail}`,
            confidence: f.confidence,
            evidence: JSON.stringify(f.evidence),
          })),
        )
        .execute();
    }
    await auditJudge(
      trx,
      actor,
      { action: "conflict.detected", subject: "competition", id: competitionId },
      {
        suggested: found.length,
        high: found.filter((f) => f.confidence >= 80).length,
        medium: found.filter((f) => f.confidence >= 50 && f.confidence < 80).length,
      },
    );
    return found.length;
  });
}

export function pendingConflicts(deps: JudgeDeps, competitionId: number, limit = 200) {
  return pendingConflictsOf(deps.db, competitionId, limit);
}

/**
 * A confirmed conflict takes the entry off the judge's lists where nothing was submitted yet, in
 * rounds still being judged: a closed or published round's pairs and drafts are its record.
 * Returns how many pairs went.
 */
export async function unassignConflicted(trx: Db, judgeId: number, entryId: number): Promise<number> {
  const open = await assignmentsWithSheets(trx)
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .where("r.status", "in", ["draft", "open"])
    .where("a.judge_id", "=", judgeId)
    .where("a.entry_id", "=", entryId)
    .where((eb) => eb.or([eb("s.status", "is", null), eb("s.status", "=", "draft")]))
    .select(["a.round_id"])
    .execute();
  for (const a of open) {
    for (const table of ["scores", "assignments"] as const)
      await trx
        .deleteFrom(table)
        .where("round_id", "=", a.round_id)
        .where("judge_id", "=", judgeId)
        .where("entry_id", "=", entryId)
        .execute();
  }
  return open.length;
}

/** Confirms a suggested conflict (it then binds the assignment) or dismisses it with a reason. */
export async function decideConflict(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  conflictId: number,
  decision: "confirmed" | "dismissed",
  reason: string | null,
): Promise<Outcome<{ unassigned: number }>> {
  if (decision === "dismissed" && !reason) return refuse.invalid("conflicts.dismissNeedsReason", "reason");
  return inTransaction(deps.db, async (trx) => {
    const conflict = await conflictById(trx, competitionId, conflictId);
    if (!conflict) return refuse.notFound("conflicts.notFound");
    const keptReason = decision === "dismissed" ? reason : (reason ?? conflict.reason);
    await trx
      .updateTable("judge_conflicts")
      .set({ status: decision, reason: keptReason })
      .where("id", "=", conflictId)
      .execute();
    const unassigned =
      decision === "confirmed" && conflict.entry_id
        ? await unassignConflicted(trx, conflict.judge_id, conflict.entry_id)
        : 0;
    await auditJudge(
      trx,
      actor,
      { action: `conflict.${decision}`, subject: "judge", id: conflict.judge_id },
      { conflictId, entryId: conflict.entry_id, unassigned },
      { reason, before: { status: conflict.status } },
    );
    return { ok: true, unassigned };
  });
}
