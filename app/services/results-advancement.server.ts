// Who advances from a round: the rule applied and an organizer's override with its reason.
// Publishing and unpublishing (which use the same rule) live in results-publication.server.ts.
import type { Db } from "../../db/client";
import { chooseAdvancing } from "../domain/advancement";
import { refuse, type Outcome } from "../domain/refusal";
import { recordAudit } from "./audit.server";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { existingRound } from "./queries/rounds.server";

export type AdvancementDeps = { db: Db; clock: () => Date };
type Changed = { advancing: number; changed: number };
/** What an organizer decides for one entry: in, out, or back to what the rule says. */
export type Decision = "advanced" | "eliminated" | "rule";

const statusOf = (trx: Db, roundId: number) => existingRound(trx, roundId).then((r) => r.status);

/** The entries the rule advances in every unit of the round, by the stored ranks. */
async function advancingByRule(trx: Db, roundId: number) {
  const round = await existingRound(trx, roundId);
  const rows = await trx
    .selectFrom("results as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .where("r.round_id", "=", roundId)
    .select(["r.entry_id as entryId", "r.unit", "r.rank", "e.organization"])
    .execute();
  const byUnit = new Map<string, typeof rows>();
  for (const r of rows) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  const advancing = new Set<number>();
  for (const unit of byUnit.values())
    for (const id of chooseAdvancing(unit, round.advance_count, round.advance_per_organization)) advancing.add(id);
  return advancing;
}

/** Marks every unit's advancing entries by the rule, leaving organizer overrides as they are. */
async function markByRule(trx: Db, roundId: number): Promise<Changed> {
  const advancing = await advancingByRule(trx, roundId);
  const ruled = await trx
    .selectFrom("round_entries")
    .select(["entry_id", "state"])
    .where("round_id", "=", roundId)
    .where("state_source", "=", "rule")
    .execute();
  let changed = 0;
  for (const r of ruled) {
    const state = advancing.has(r.entry_id) ? "advanced" : "eliminated";
    if (state === r.state) continue;
    await trx
      .updateTable("round_entries")
      .set({ state })
      .where("round_id", "=", roundId)
      .where("entry_id", "=", r.entry_id)
      .execute();
    changed++;
  }
  return { advancing: advancing.size, changed };
}

/** Applies the rule to a round that is not yet published. */
export async function applyRule(deps: AdvancementDeps, actor: SessionUser, roundId: number): Promise<Outcome<Changed>> {
  return inTransaction(deps.db, async (trx) => {
    if ((await statusOf(trx, roundId)) === "published") return refuse.conflict("results.publishedLocked");
    const outcome = await markByRule(trx, roundId);
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.advancement",
      subject_type: "round",
      subject_id: roundId,
      after: JSON.stringify(outcome),
    });
    return { ok: true, ...outcome };
  });
}

/** An organizer's decision on one entry, with a reason; "rule" hands it back to the rule. */
export async function override(
  deps: AdvancementDeps,
  actor: SessionUser,
  roundId: number,
  entryId: number,
  decision: Decision,
  reason: string,
): Promise<Outcome> {
  return inTransaction(deps.db, async (trx) => {
    if ((await statusOf(trx, roundId)) === "published") return refuse.conflict("results.publishedLocked");
    const entry = trx.updateTable("round_entries").where("round_id", "=", roundId).where("entry_id", "=", entryId);
    const before = await trx
      .selectFrom("round_entries")
      .select(["state", "state_source", "state_reason"])
      .where("round_id", "=", roundId)
      .where("entry_id", "=", entryId)
      .executeTakeFirst();
    if (!before) return refuse.notFound("common.notInRound");
    if (decision === "rule") {
      await entry.set({ state_source: "rule", state_reason: null }).execute();
      await markByRule(trx, roundId);
    } else {
      await entry.set({ state: decision, state_source: "organizer", state_reason: reason }).execute();
    }
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "entry.advancement",
      subject_type: "entry",
      subject_id: entryId,
      before: JSON.stringify(before),
      after: JSON.stringify({ roundId, decision }),
      reason,
    });
    return { ok: true };
  });
}
