// One entry's panel in a round: who sits on it, who could take a seat, and swapping one judge for
// another.
import type { Db } from "../../../db/client";
import { conflictReason, indexConflicts } from "../../domain/assignment";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { confirmedConflicts } from "../queries/conflicts.server";
import { loadsIn } from "../queries/scores.server";
import { roundById } from "../queries/rounds.server";
import { unlockedRound } from "./shared.server";
import { assignmentsWithSheets } from "../queries/scores.server";
import { ENTRY_FACE } from "../queries/entries.server";
import { entryIdsKnownBy } from "../entry-codes.server";

/** The round's entry of this code (as typed, or one it gave up when it was moved), if it is in the round. */
function entryInRound(db: Db, competitionId: number, roundId: number, entryCode: string) {
  return db
    .selectFrom("entries as e")
    .innerJoin("round_entries as re", "re.entry_id", "e.id")
    .where("re.round_id", "=", roundId)
    .where("e.id", "in", entryIdsKnownBy(db, entryCode))
    .where("e.competition_id", "=", competitionId)
    .select([...ENTRY_FACE, "e.track_id"])
    .executeTakeFirst();
}

type PanelEntry = NonNullable<Awaited<ReturnType<typeof entryInRound>>>;

/** The judges seated on an entry's panel, with the state of each one's sheet. */
function seatedOn(db: Db, roundId: number, entryId: number) {
  return assignmentsWithSheets(db)
    .innerJoin("judges as j", "j.id", "a.judge_id")
    .where("a.round_id", "=", roundId)
    .where("a.entry_id", "=", entryId)
    .select(["j.id", "j.name", "j.affiliation", "j.country", "s.status"])
    .orderBy("j.name")
    .execute();
}

/** Judges not on the panel and free of conflict with the entry: experts first, then the least loaded. */
async function candidatesFor(db: Db, competitionId: number, roundId: number, entry: PanelEntry, onPanel: Set<number>) {
  const [round, judges, expertise, conflicts, loads] = await Promise.all([
    roundById(db, roundId),
    db
      .selectFrom("judges")
      .select(["id", "name", "affiliation", "country"])
      .where("competition_id", "=", competitionId)
      .execute(),
    db.selectFrom("judge_expertise").select(["judge_id"]).where("track_id", "=", entry.track_id).execute(),
    confirmedConflicts(db, competitionId),
    loadsIn(db, roundId),
  ]);
  const index = indexConflicts(conflicts);
  const experts = new Set(expertise.map((x) => x.judge_id));
  const load = new Map(loads.map((l) => [l.judge_id, l.n]));
  const target = {
    id: String(entry.id),
    trackId: String(entry.track_id),
    organization: entry.organization,
    country: entry.country,
  };
  const free = (j: (typeof judges)[number]) =>
    conflictReason(
      { id: String(j.id), trackIds: [], affiliation: j.affiliation, country: j.country },
      target,
      index,
      round?.avoid_same_country === 1,
    ) === null;
  return judges
    .filter((j) => !onPanel.has(j.id) && free(j))
    .map((j) => ({ ...j, load: load.get(j.id) ?? 0, expert: experts.has(j.id) }))
    .sort((a, b) => Number(b.expert) - Number(a.expert) || a.load - b.load || a.name.localeCompare(b.name))
    .slice(0, 40);
}

/**
 * One entry's panel in a round and the judges who could take a seat on it: not on it yet, no
 * conflict (declared, confirmed, affiliation, or country when the round avoids it), fewest
 * assignments first, experts in the entry's track before others.
 */
export async function panelIn(db: Db, competitionId: number, roundId: number, entryCode: string) {
  const entry = await entryInRound(db, competitionId, roundId, entryCode);
  if (!entry) return null;
  const seated = await seatedOn(db, roundId, entry.id);
  const candidates = await candidatesFor(db, competitionId, roundId, entry, new Set(seated.map((s) => s.id)));
  return { entry, seated, candidates };
}

export type Swap = { entryCode: string; fromJudgeId: number; toJudgeId: number; reason: string | null };

/** Replaces one judge on an entry's panel. Refused when the round is published or the leaving judge has submitted. */
export async function swapJudge(
  db: Db,
  actor: SessionUser,
  competitionId: number,
  roundId: number,
  swap: Swap,
): Promise<Outcome> {
  // Read in the transaction that writes: a score submitted, or the round published, a moment
  // ago is seen before anyone's seat changes.
  return inTransaction(db, async (trx) => {
    const unlocked = await unlockedRound(trx, roundId);
    if (!unlocked.ok) return unlocked;
    const panel = await panelIn(trx, competitionId, roundId, swap.entryCode);
    if (!panel) return refuse.notFound("common.notInRound");
    const leaving = panel.seated.find((s) => s.id === swap.fromJudgeId);
    if (!leaving) return refuse.conflict("assign.notOnPanel");
    if (leaving.status === "submitted") return refuse.conflict("assign.alreadyScored");
    if (!panel.candidates.some((c) => c.id === swap.toJudgeId)) return refuse.invalid("assign.notEligible", "to");
    const entryId = panel.entry.id;
    await trx
      .deleteFrom("scores")
      .where("round_id", "=", roundId)
      .where("judge_id", "=", swap.fromJudgeId)
      .where("entry_id", "=", entryId)
      .where("status", "=", "draft")
      .execute();
    await trx
      .deleteFrom("assignments")
      .where("round_id", "=", roundId)
      .where("judge_id", "=", swap.fromJudgeId)
      .where("entry_id", "=", entryId)
      .execute();
    await trx
      .insertInto("assignments")
      .values({ round_id: roundId, judge_id: swap.toJudgeId, entry_id: entryId })
      .execute();
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "assignment.swapped",
      subject_type: "entry",
      subject_id: entryId,
      before: JSON.stringify({ roundId, judgeId: swap.fromJudgeId }),
      after: JSON.stringify({ roundId, judgeId: swap.toJudgeId }),
      reason: swap.reason,
    });
    return { ok: true };
  });
}
