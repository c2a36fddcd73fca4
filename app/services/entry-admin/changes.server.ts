// The organizer's changes to an entry, each audited with its reason: status, feedback, group and track.
import type { Db } from "../../../db/client";
import type { AuditAction } from "../../domain/audit-actions";
import { checkEligibility } from "../../domain/eligibility";
import type { EntrySnapshot } from "../../domain/entry-history";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { codeForMove } from "../entry-codes.server";
import { entriesWithGroupAndTrack, entryOf } from "../queries/entries.server";

export type EntryAdminDeps = { db: Db; clock: () => Date };

const noSuchEntry = () => refuse.notFound("admin.notFound");

async function audit(
  actor: SessionUser,
  trx: Db,
  entryId: number,
  action: AuditAction,
  before: unknown,
  after: unknown,
  reason: string,
) {
  await recordAudit(trx, {
    actor_user_id: actor.id,
    action,
    subject_type: "entry",
    subject_id: entryId,
    before: JSON.stringify(before),
    after: JSON.stringify(after),
    reason,
  });
}

/** Withdraw, disqualify or reinstate, with the reason in the audit log; the status it already has is a conflict. */
export function setStatus(
  { db, clock }: EntryAdminDeps,
  actor: SessionUser,
  competitionId: number,
  entryId: number,
  status: "withdrawn" | "disqualified" | "submitted",
  reason: string,
): Promise<Outcome> {
  return inTransaction(db, async (trx): Promise<Outcome> => {
    const current = await entryOf(trx, competitionId, entryId);
    if (!current) return noSuchEntry();
    if (current.status === status) return refuse.conflict("admin.sameStatus");
    const now = clock().toISOString();
    await trx
      .updateTable("entries")
      .set({
        status,
        status_reason: status === "submitted" ? null : reason,
        submitted_at: current.submitted_at ?? (status === "submitted" ? now : null),
        updated_at: now,
      })
      .where("id", "=", entryId)
      .execute();
    const action = `entry.${status === "submitted" ? "reinstated" : status}` as const;
    await audit(actor, trx, entryId, action, { status: current.status }, { status }, reason);
    return { ok: true };
  });
}

/** The organizers' note to the entrant for one round (shown to them once the round is published). */
export function setFeedback(
  { db }: EntryAdminDeps,
  actor: SessionUser,
  competitionId: number,
  entryId: number,
  roundSlug: string,
  feedback: string | null,
): Promise<Outcome> {
  return inTransaction(db, async (trx): Promise<Outcome> => {
    const row = await trx
      .selectFrom("round_entries as re")
      .innerJoin("rounds as r", "r.id", "re.round_id")
      .innerJoin("entries as e", "e.id", "re.entry_id")
      .where("re.entry_id", "=", entryId)
      .where("r.slug", "=", roundSlug)
      .where("e.competition_id", "=", competitionId)
      .select(["re.round_id", "re.feedback"])
      .executeTakeFirst();
    if (!row) return noSuchEntry();
    await trx
      .updateTable("round_entries")
      .set({ feedback })
      .where("round_id", "=", row.round_id)
      .where("entry_id", "=", entryId)
      .execute();
    const before = { round: roundSlug, feedback: row.feedback };
    await audit(actor, trx, entryId, "entry.feedback", before, { round: roundSlug, feedback }, "feedback");
    return { ok: true };
  });
}

/** The group and track an entry would move to, if both exist and its country may enter the group. */
async function moveTarget(trx: Db, competitionId: number, country: string, groupCode: string, trackCode: string) {
  const group = await trx
    .selectFrom("groups")
    .selectAll()
    .where("competition_id", "=", competitionId)
    .where("code", "=", groupCode)
    .executeTakeFirst();
  const track = await trx
    .selectFrom("tracks")
    .selectAll()
    .where("competition_id", "=", competitionId)
    .where("code", "=", trackCode)
    .executeTakeFirst();
  if (!group) return refuse.invalid("validation.required", "group");
  if (!track) return refuse.invalid("validation.required", "track");
  const eligibility = checkEligibility(
    { code: group.code, region: group.region, eligibleCountries: JSON.parse(group.eligible_countries) as string[] },
    country,
  );
  if (!eligibility.ok) return refuse.invalid(eligibility.reason, "group");
  return { ok: true as const, group, track };
}

/** A competition's entry by id, with its group's and track's codes. */
function placedEntryOf(trx: Db, competitionId: number, entryId: number) {
  return entriesWithGroupAndTrack(trx)
    .where("e.id", "=", entryId)
    .where("e.competition_id", "=", competitionId)
    .selectAll("e")
    .select(["g.code as groupCode", "t.code as trackCode"])
    .executeTakeFirst();
}

/**
 * Moves an entry to another group or track; eligibility is checked again and the code follows.
 * The old code is retired in the same transaction: never handed out again, and it still finds the entry.
 */
export function move(
  { db, clock }: EntryAdminDeps,
  actor: SessionUser,
  competitionId: number,
  entryId: number,
  groupCode: string,
  trackCode: string,
  reason: string,
): Promise<Outcome<{ code: string }>> {
  return inTransaction(db, async (trx): Promise<Outcome<{ code: string }>> => {
    const current = await placedEntryOf(trx, competitionId, entryId);
    if (!current) return noSuchEntry();
    const target = await moveTarget(trx, competitionId, current.country, groupCode, trackCode);
    if (!target.ok) return target;
    const { group, track } = target;
    if (group.id === current.group_id && track.id === current.track_id) return refuse.conflict("admin.sameStatus");
    const now = clock().toISOString();
    const code = await codeForMove(trx, current, group.code, track.code, now);
    await trx
      .updateTable("entries")
      .set({ group_id: group.id, track_id: track.id, code, updated_at: now })
      .where("id", "=", entryId)
      .execute();
    // Field by field, only what changed: the code always does, the group or the track (or both).
    const before: EntrySnapshot = { code: current.code };
    const after: EntrySnapshot = { code };
    if (group.id !== current.group_id) [before.group, after.group] = [current.groupCode, group.code];
    if (track.id !== current.track_id) [before.track, after.track] = [current.trackCode, track.code];
    await audit(actor, trx, entryId, "entry.moved", before, after, reason);
    return { ok: true, code };
  });
}
