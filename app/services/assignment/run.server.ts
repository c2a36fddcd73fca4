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

/** The competition's judges (or those who accepted their invitation) with the tracks they are experts in. */
export async function judgesWithTracks(trx: Db, competitionId: number, acceptedOnly = false) {
  let pool = trx.selectFrom("judges").select(["id", "affiliation", "country"]).where("competition_id", "=", competitionId);
  if (acceptedOnly) pool = pool.where("accepted_at", "is not", null);
  const [judges, expertise] = await Promise.all([
    pool.execute(),
    trx
      .selectFrom("judge_expertise as x")
      .innerJoin("judges as j", "j.id", "x.judge_id")
      .where("j.competition_id", "=", competitionId)
      .select(["x.judge_id", "x.track_id"])
      .execute(),
  ]);
  const tracksOf = new Map<number, string[]>();
  for (const x of expertise) tracksOf.set(x.judge_id, [...(tracksOf.get(x.judge_id) ?? []), String(x.track_id)]);
  return judges.map((j) => ({
    id: String(j.id),
    trackIds: tracksOf.get(j.id) ?? [],
    affiliation: j.affiliation,
    country: j.country,
  }));
}

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
      judgesWithTracks(trx, round.competition_id, options.acceptedOnly ?? false),
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
      unassigned: result.unassigned.map((u) => ({ ...u, entryId: Number(u.entryId), code: codeOf.get(u.entryId) ?? "" })),
      load: spread([...result.load.values()]),
      pool: judges.length,
    };
  });
}
