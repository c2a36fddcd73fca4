// Copying an earlier edition's structure into a new one: groups, tracks, rounds (as drafts, with
// their rule and rubric) and, when asked, the judge pool. Entries, scores, assignments, results and
// conflicts about entries never come along: they belong to the edition they happened in.
import type { Db } from "../../../db/client";
import type { TieBreakKey } from "../../domain/ranking";
import { tieBreaksSchema } from "../../domain/round-rules";
import { criteriaOf } from "../queries/criteria.server";
import { roundsOf } from "../queries/rounds.server";

export type CopyCounts = { groups: number; tracks: number; rounds: number; criteria: number; judges: number };

async function copyGroups(trx: Db, fromId: number, toId: number) {
  const groups = await trx.selectFrom("groups").selectAll().where("competition_id", "=", fromId).execute();
  for (const { id: _id, competition_id: _from, ...group } of groups)
    await trx
      .insertInto("groups")
      .values({ ...group, competition_id: toId })
      .execute();
  return groups.length;
}

/** Copies the tracks; returns the new track of each old one (matched by code). */
async function copyTracks(trx: Db, fromId: number, toId: number) {
  const tracks = await trx.selectFrom("tracks").selectAll().where("competition_id", "=", fromId).execute();
  const newTrack = new Map<number, number>();
  for (const { id, competition_id: _from, ...track } of tracks) {
    const row = await trx
      .insertInto("tracks")
      .values({ ...track, competition_id: toId })
      .returning("id")
      .executeTakeFirstOrThrow();
    newTrack.set(id, row.id);
  }
  return newTrack;
}

/** Copies one round as a draft with its criteria; tie-breaks that name a criterion name the copy. */
async function copyRound(trx: Db, round: Awaited<ReturnType<typeof roundsOf>>[number], toId: number) {
  const { id, competition_id: _from, created_at: _at, ...rule } = round;
  const copy = await trx
    .insertInto("rounds")
    .values({ ...rule, competition_id: toId, status: "draft", opens_at: null, closes_at: null, published_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  const newCriterion = new Map<string, string>();
  const criteria = await criteriaOf(trx, id);
  for (const { id: criterionId, round_id: _round, ...criterion } of criteria) {
    const row = await trx
      .insertInto("criteria")
      .values({ ...criterion, round_id: copy.id })
      .returning("id")
      .executeTakeFirstOrThrow();
    newCriterion.set(String(criterionId), String(row.id));
  }
  const tieBreaks = tieBreaksSchema.parse(JSON.parse(round.tie_breaks)).flatMap((key): TieBreakKey[] => {
    if (key.kind !== "criterion") return [key];
    const criterionId = newCriterion.get(key.criterionId);
    return criterionId ? [{ ...key, criterionId }] : [];
  });
  await trx
    .updateTable("rounds")
    .set({ tie_breaks: JSON.stringify(tieBreaks) })
    .where("id", "=", copy.id)
    .execute();
  return criteria.length;
}

/**
 * The judge pool: a judge row for the same account, details and acceptance kept, expertise on the
 * new edition's tracks, and the organizations they declared (conflicts about entries stay behind).
 */
async function copyJudges(trx: Db, fromId: number, toId: number, newTrack: Map<number, number>) {
  const judges = await trx.selectFrom("judges").selectAll().where("competition_id", "=", fromId).execute();
  for (const { id, competition_id: _from, created_at: _at, ...judge } of judges) {
    const row = await trx
      .insertInto("judges")
      .values({ ...judge, competition_id: toId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const expertise = await trx.selectFrom("judge_expertise").select("track_id").where("judge_id", "=", id).execute();
    const tracks = expertise.flatMap((e) => (newTrack.has(e.track_id) ? [newTrack.get(e.track_id)!] : []));
    if (tracks.length)
      await trx
        .insertInto("judge_expertise")
        .values(tracks.map((track_id) => ({ judge_id: row.id, track_id })))
        .execute();
    const organizations = await trx
      .selectFrom("judge_conflicts")
      .select(["organization", "source", "status", "reason"])
      .where("judge_id", "=", id)
      .where("entry_id", "is", null)
      .where("organization", "is not", null)
      .where("status", "=", "confirmed")
      .execute();
    if (organizations.length)
      await trx
        .insertInto("judge_conflicts")
        .values(organizations.map((c) => ({ ...c, judge_id: row.id, entry_id: null })))
        .execute();
  }
  return judges.length;
}

/** Copies the structure of edition `fromId` into `toId`, inside the caller's transaction. */
export async function copyStructure(trx: Db, fromId: number, toId: number, withJudges: boolean): Promise<CopyCounts> {
  const groups = await copyGroups(trx, fromId, toId);
  const newTrack = await copyTracks(trx, fromId, toId);
  let criteria = 0;
  const rounds = await roundsOf(trx, fromId);
  for (const round of rounds) criteria += await copyRound(trx, round, toId);
  const judges = withJudges ? await copyJudges(trx, fromId, toId, newTrack) : 0;
  return { groups, tracks: newTrack.size, rounds: rounds.length, criteria, judges };
}
