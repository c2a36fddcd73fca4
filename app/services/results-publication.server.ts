// Publishing a closed round (its ranking frozen and public, its advancing entries carried into the
// next round) and taking a publication back while nothing downstream depends on it. Each guard is
// checked in the transaction that writes, from the same plan the organizer's preview showed.
import type { Db } from "../../db/client";
import type { Round } from "../../db/schema";
import { publishRefusal, unpublishRefusal, type PublishConfirmation, type PublishPlan } from "../domain/round-guards";
import { refuse, type Outcome } from "../domain/refusal";
import { recordAudit } from "./audit.server";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { cancelOutcomes, enqueueOutcomes } from "./messages/round-outcomes.server";
import { existingRound } from "./queries/rounds.server";
import type { AdvancementDeps } from "./results-advancement.server";
import { recompute } from "./results.server";
import {
  addedByPublication,
  lastPublication,
  nextRoundFacts,
  roundOrganizerOnly,
  publishPlanOf,
  type NextRoundPlace,
} from "./round-guards.server";

export type Published = { advancing: number; changed: number; carried: number; removed: number; emailed: number };
/** Publishing also tells each entrant their outcome: its links start with the public origin. */
export type PublicationDeps = AdvancementDeps & { publicOrigin: () => string };

/** Sets each rule-decided entry's state as the plan says; returns how many changed. */
async function writeDecisions(trx: Db, roundId: number, plan: PublishPlan, before: Map<number, string>) {
  let changed = 0;
  for (const state of ["advanced", "eliminated"] as const) {
    const ids = plan.decisions
      .filter((d) => d.state === state && before.get(d.entryId) !== state)
      .map((d) => d.entryId);
    changed += ids.length;
    for (let i = 0; i < ids.length; i += 500)
      await trx
        .updateTable("round_entries")
        .set({ state })
        .where("round_id", "=", roundId)
        .where("entry_id", "in", ids.slice(i, i + 500))
        .execute();
  }
  return changed;
}

/**
 * Makes the next round's line-up the plan's: advancing entries added, the others' places removed
 * (kept whole, to be put back if the publication is taken back). A round that has left draft is
 * not touched. The plan has already refused removing an entry judges work on there.
 */
async function refillNextRound(trx: Db, plan: PublishPlan) {
  const next = plan.next;
  if (!next || next.mode === "keep") return { added: [] as number[], removed: [] as NextRoundPlace[] };
  const removedIds = next.removed.map((e) => e.entryId);
  const removed: NextRoundPlace[] = [];
  for (let i = 0; i < removedIds.length; i += 500) {
    const chunk = removedIds.slice(i, i + 500);
    const query = trx.selectFrom("round_entries").where("round_id", "=", next.id).where("entry_id", "in", chunk);
    removed.push(
      ...(await query
        .select(["entry_id", "state", "stage_order", "feedback", "state_source", "state_reason"])
        .execute()),
    );
    await trx.deleteFrom("round_entries").where("round_id", "=", next.id).where("entry_id", "in", chunk).execute();
  }
  const added = next.added.map((e) => e.entryId);
  for (let i = 0; i < added.length; i += 500)
    await trx
      .insertInto("round_entries")
      .values(added.slice(i, i + 500).map((entry_id) => ({ round_id: next.id, entry_id })))
      .execute();
  return { added, removed };
}

/** The numbers a publication's audit row keeps: what was counted, decided and carried. */
function publicationRecord(plan: PublishPlan, carried: Awaited<ReturnType<typeof refillNextRound>>, changed: number) {
  return {
    advancing: plan.advancing.length,
    changed,
    carried: carried.added.length,
    entries: plan.entries,
    noScore: plan.noScore,
    shortOfJudges: plan.shortOfJudges,
    tooFewToRank: plan.tooFewToRank,
    drafts: plan.pending.drafts,
    missing: plan.pending.missing,
    overrides: plan.overrides.length,
    nextRoundId: plan.next?.id ?? null,
    nextRoundMode: plan.next?.mode ?? null,
    nextRoundBefore: plan.next?.before ?? null,
    nextRoundAfter: plan.next?.after ?? null,
    addedToNext: carried.added,
    removedFromNext: carried.removed,
  };
}

/**
 * Publishes a closed round: final recompute, advancement by the rule (overrides kept), the round
 * frozen, and the next round's line-up made the advancing entries while it is still a draft.
 * Refused, before anything is written, when the confirmations the plan asks for are missing (the
 * number of waiting scores typed and a reason; the next round's change) or when it would remove
 * an entry judges are assigned to or have scored in the next round.
 */
export async function publish(
  deps: PublicationDeps,
  actor: SessionUser,
  roundId: number,
  confirmation: PublishConfirmation,
): Promise<Outcome<Published>> {
  const forbidden = roundOrganizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const round = await existingRound(trx, roundId);
    if (round.status !== "closed") return refuse.conflict("results.closeFirst");
    const plan = await publishPlanOf(trx, round);
    const refusal = publishRefusal(plan, confirmation);
    if (refusal) return refusal;
    const now = deps.clock();
    const before = await trx
      .selectFrom("round_entries")
      .select(["entry_id", "state"])
      .where("round_id", "=", roundId)
      .execute();
    await recompute(trx, roundId, now);
    const changed = await writeDecisions(trx, roundId, plan, new Map(before.map((b) => [b.entry_id, b.state])));
    await trx
      .updateTable("rounds")
      .set({ status: "published", published_at: now.toISOString() })
      .where("id", "=", roundId)
      .execute();
    const carried = await refillNextRound(trx, plan);
    // Each entrant's outcome, in this transaction: a refused or failed publication e-mails nobody.
    const emailed = await enqueueOutcomes(trx, round, now.toISOString(), deps.publicOrigin());
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.published",
      subject_type: "round",
      subject_id: roundId,
      before: JSON.stringify({ status: "closed" }),
      after: JSON.stringify({ ...publicationRecord(plan, carried, changed), emailed }),
      reason: confirmation.reason?.trim() || null,
    });
    return {
      ok: true,
      advancing: plan.advancing.length,
      changed,
      carried: carried.added.length,
      removed: carried.removed.length,
      emailed,
    };
  });
}

/** Takes the publication's entries out of the next round and puts back the places it removed. */
async function restoreNextRound(trx: Db, round: Round, nextRoundId: number) {
  const added = await addedByPublication(trx, round, nextRoundId);
  for (let i = 0; i < added.length; i += 500)
    await trx
      .deleteFrom("round_entries")
      .where("round_id", "=", nextRoundId)
      .where("entry_id", "in", added.slice(i, i + 500))
      .execute();
  const removed = (await lastPublication(trx, round.id))?.removedFromNext ?? [];
  for (let i = 0; i < removed.length; i += 500)
    await trx
      .insertInto("round_entries")
      .values(removed.slice(i, i + 500).map((p) => ({ ...p, round_id: nextRoundId })))
      .onConflict((c) => c.doNothing())
      .execute();
  return { takenBack: added.length, putBack: removed.length };
}

/**
 * Takes a publication back (published → closed), with a reason, while the next round is still a
 * draft nobody is assigned to or has scored: the entries it carried leave the next round, the
 * places it removed come back, and the rule's decisions return to "in" (organizers' decisions and
 * their reasons stay). Public pages, the API and entrants stop seeing the results at once: they
 * show published rounds only.
 */
export async function unpublish(
  deps: AdvancementDeps,
  actor: SessionUser,
  roundId: number,
  reason: string | null,
): Promise<Outcome<{ takenBack: number; putBack: number; reset: number; cancelled: number }>> {
  const forbidden = roundOrganizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const round = await existingRound(trx, roundId);
    if (round.status !== "published") return refuse.conflict("guards.unpublish.notPublished");
    const next = await nextRoundFacts(trx, round);
    const refusal = unpublishRefusal({ next }, reason);
    if (refusal) return refusal;
    const restored = next ? await restoreNextRound(trx, round, next.id) : { takenBack: 0, putBack: 0 };
    const reset = await trx
      .updateTable("round_entries")
      .set({ state: "in" })
      .where("round_id", "=", roundId)
      .where("state_source", "=", "rule")
      .where("state", "!=", "in")
      .executeTakeFirst();
    // Outcome messages of this publication that have not gone are cancelled; those sent cannot be taken back.
    const cancelled = await cancelOutcomes(trx, round);
    await trx.updateTable("rounds").set({ status: "closed", published_at: null }).where("id", "=", roundId).execute();
    const outcome = { ...restored, reset: Number(reset.numUpdatedRows), cancelled };
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.unpublished",
      subject_type: "round",
      subject_id: roundId,
      before: JSON.stringify({ status: "published", publishedAt: round.published_at }),
      after: JSON.stringify({ status: "closed", nextRoundId: next?.id ?? null, ...outcome }),
      reason: reason!.trim(),
    });
    return { ok: true, ...outcome };
  });
}
