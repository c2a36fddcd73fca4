// The panel of a round played live: one set of judges seated on every entry, and the choice of
// judges the organizer picks it from.
import type { Db } from "../../../db/client";
import { conflictReason, indexConflicts } from "../../domain/assignment";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { isPlayedLive } from "../queries/live-state.server";
import { confirmedConflicts } from "../queries/conflicts.server";
import { pairsIn } from "../queries/scores.server";
import { competingEntries, deleteUnscoredPairs, insertPairs, unlockedRound, type Pair } from "./shared.server";

export type SeatedPanel = Outcome<{
  added: number;
  removed: number;
  skipped: { code: string; judge: string; reason: string }[];
}>;

type PanelJudge = { id: number; name: string; affiliation: string; country: string };

/** The pairs to add for every entry × judge, and the pairs a conflict rules out (listed for the organizer). */
async function panelPairs(
  trx: Db,
  round: { id: number; competition_id: number; avoid_same_country: number },
  judges: PanelJudge[],
) {
  const [entries, conflicts, existing] = await Promise.all([
    competingEntries(trx, round.id),
    confirmedConflicts(
      trx,
      round.competition_id,
      judges.map((j) => j.id),
    ),
    pairsIn(trx, round.id),
  ]);
  const index = indexConflicts(conflicts);
  const seated = new Set(existing.map((a) => `${a.judge_id}:${a.entry_id}`));
  const rows: Pair[] = [];
  const skipped: { code: string; judge: string; reason: string }[] = [];
  for (const e of entries) {
    for (const j of judges) {
      const reason = conflictReason(
        { id: String(j.id), trackIds: [], affiliation: j.affiliation, country: j.country },
        { id: String(e.id), trackId: String(e.track_id), organization: e.organization, country: e.country },
        index,
        round.avoid_same_country === 1,
      );
      if (reason) skipped.push({ code: e.code, judge: j.name, reason });
      else if (!seated.has(`${j.id}:${e.id}`)) rows.push({ round_id: round.id, judge_id: j.id, entry_id: e.id });
    }
  }
  return { rows, skipped };
}

/**
 * Seats one panel on every entry of the round (a live final: the same judges score every
 * pitch). A judge with a conflict skips that entry and it is listed. Scored pairs stay; pairs
 * of judges who leave the panel without a score go. Locked once the round is played live.
 */
export async function seatPanel(
  db: Db,
  actor: SessionUser,
  roundId: number,
  judgeIds: readonly number[],
): Promise<SeatedPanel> {
  return inTransaction(db, async (trx) => {
    const unlocked = await unlockedRound(trx, roundId);
    if (!unlocked.ok) return unlocked;
    const { round } = unlocked;
    if (await isPlayedLive(trx, roundId)) return refuse.conflict("assign.panelLocked");
    const judges = await trx
      .selectFrom("judges")
      .select(["id", "name", "affiliation", "country"])
      .where("competition_id", "=", round.competition_id)
      .where("id", "in", judgeIds.length ? [...judgeIds] : [0])
      .execute();
    if (judges.length === 0 || judges.length !== new Set(judgeIds).size)
      return refuse.invalid("assign.chooseJudges", "judge");
    const removed = await deleteUnscoredPairs(
      trx,
      roundId,
      judges.map((j) => j.id),
    );
    const { rows, skipped } = await panelPairs(trx, round, judges);
    await insertPairs(trx, rows);
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.panel_seated",
      subject_type: "round",
      subject_id: roundId,
      after: JSON.stringify({ judges: judges.map((j) => j.id), added: rows.length, removed, skipped: skipped.length }),
    });
    return { ok: true as const, added: rows.length, removed, skipped };
  });
}

/** The judges of the competition, with those seated in this round marked (for choosing a panel). */
export async function panelChoices(db: Db, competitionId: number, roundId: number) {
  const [judges, seated] = await Promise.all([
    db
      .selectFrom("judges")
      .select(["id", "name", "affiliation", "country"])
      .where("competition_id", "=", competitionId)
      .orderBy("name")
      .execute(),
    db.selectFrom("assignments").select("judge_id").distinct().where("round_id", "=", roundId).execute(),
  ]);
  const on = new Set(seated.map((s) => s.judge_id));
  return judges.map((j) => ({ ...j, seated: on.has(j.id) }));
}
