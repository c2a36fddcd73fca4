// The automatic assignment of a round: every competing entry gets its k judges, by the rules of
// app/domain/assignment.ts. Scored pairs are never touched.
import type { Db } from "../../../db/client";
import { assignJudges, type ShortEntry } from "../../domain/assignment";
import { type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { confirmedConflicts } from "../queries/conflicts.server";
import { pairsIn } from "../queries/scores.server";
import { judgePool } from "../queries/assignment-table.server";
import { competingEntries, deleteUnscoredPairs, insertPairs, unlockedRound } from "./shared.server";

export type RunOptions = {
  seed: number;
  avoidSameCountry?: boolean;
  resetUnscored?: boolean;
  /** Only judges who accepted their invitation get new work (pairs already there stay). */
  acceptedOnly?: boolean;
  onProgress?: (done: number) => void;
};

export type AssignmentRun = Outcome<{
  added: number;
  removed: number;
  unassigned: (Omit<ShortEntry, "entryId"> & { entryId: number; code: string })[];
  load: { min: number; max: number };
  /** How many judges the run could give work to. */
  pool: number;
}>;

const spread = (loads: number[]) => ({
  min: loads.length ? Math.min(...loads) : 0,
  max: loads.length ? Math.max(...loads) : 0,
});

/**
 * Gives every competing entry of the round its k judges. Existing pairs stay; with
 * `resetUnscored`, pairs that have no score yet are dropped first and assigned afresh.
 */
export async function runAssignment(
  db: Db,
  actor: SessionUser | null,
  roundId: number,
  options: RunOptions,
): Promise<AssignmentRun> {
  return inTransaction(db, async (trx) => {
    const unlocked = await unlockedRound(trx, roundId);
    if (!unlocked.ok) return unlocked;
    const { round } = unlocked;
    const removed = options.resetUnscored ? await deleteUnscoredPairs(trx, roundId) : 0;
    const [entries, judges, conflicts, existing] = await Promise.all([
      competingEntries(trx, roundId),
      judgePool(trx, round.competition_id).then((pool) => pool.filter((j) => j.accepted || !options.acceptedOnly)),
      confirmedConflicts(trx, round.competition_id),
      pairsIn(trx, roundId),
    ]);
    const result = assignJudges({
      entries: entries.map((e) => ({
        id: String(e.id),
        trackId: String(e.track_id),
        organization: e.organization,
        country: e.country,
      })),
      judges,
      k: round.judges_per_entry,
      conflicts,
      avoidSameCountry: options.avoidSameCountry ?? round.avoid_same_country === 1,
      existing: existing.map((p) => ({ judgeId: String(p.judge_id), entryId: String(p.entry_id) })),
      seed: options.seed,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const rows = result.assignments.map((p) => ({
      round_id: roundId,
      judge_id: Number(p.judgeId),
      entry_id: Number(p.entryId),
    }));
    await insertPairs(trx, rows);
    await recordAudit(trx, {
      actor_user_id: actor?.id ?? null,
      action: "round.assigned",
      subject_type: "round",
      subject_id: roundId,
      after: JSON.stringify({
        added: rows.length,
        removed,
        short: result.unassigned.length,
        seed: options.seed,
        acceptedOnly: options.acceptedOnly ?? false,
        pool: judges.length,
      }),
    });
    const codeOf = new Map(entries.map((e) => [String(e.id), e.code]));
    return {
      ok: true as const,
      added: rows.length,
      removed,
      unassigned: result.unassigned.map((u) => ({
        ...u,
        entryId: Number(u.entryId),
        code: codeOf.get(u.entryId) ?? "",
      })),
      load: spread([...result.load.values()]),
      pool: judges.length,
    };
  });
}
