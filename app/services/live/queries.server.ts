// The live final's queries, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";
import type { LiveEntry } from "../../domain/live-final";
import { ENTRY_FACE } from "../queries/entries.server";

/** The round played live: the one whose kind says so (the last of them, should there be two). */
export function stageRoundOf(db: Db, competitionId: number) {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("competition_id", "=", competitionId)
    .where("kind", "=", "stage")
    .orderBy("position", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The round's entries still competing, in stage order (then by code). */
export async function finalistsOf(db: Db, roundId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select(["e.id"])
    .orderBy("re.stage_order")
    .orderBy("e.code")
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the round has a rubric (at least one criterion). */
export async function hasRubric(db: Db, roundId: number): Promise<boolean> {
  return Boolean(await db.selectFrom("criteria").select("id").where("round_id", "=", roundId).executeTakeFirst());
}

export type Panel = {
  judges: { judgeId: number; name: string; userId: number | null; seat: number }[];
  seats: Map<number, number>;
  perEntry: Map<number, number[]>;
};

/** Panel seats: the round's judges in id order, numbered from 1, the same for every entry. */
export async function panelOf(db: Db, roundId: number): Promise<Panel> {
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("judges as j", "j.id", "a.judge_id")
    .where("a.round_id", "=", roundId)
    .select(["a.judge_id", "a.entry_id", "j.name", "j.user_id"])
    .orderBy("a.judge_id")
    .execute();
  const judges = [
    ...new Map(rows.map((r) => [r.judge_id, { judgeId: r.judge_id, name: r.name, userId: r.user_id }])).values(),
  ];
  const seats = new Map(judges.map((j, i) => [j.judgeId, i + 1]));
  const perEntry = new Map<number, number[]>();
  for (const r of rows) perEntry.set(r.entry_id, [...(perEntry.get(r.entry_id) ?? []), r.judge_id]);
  return { judges: judges.map((j) => ({ ...j, seat: seats.get(j.judgeId)! })), seats, perEntry };
}

/** The track code of each of the round's entries, for per-track awards. */
export async function trackCodesOf(db: Db, roundId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .where("re.round_id", "=", roundId)
    .select(["e.id", "t.code"])
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Which of these entries no longer compete (withdrawn or disqualified). */
export async function withdrawnAmong(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("entries")
    .select("id")
    .where("id", "in", [...ids])
    .where("status", "!=", "submitted")
    .execute();
  return rows.map((e) => e.id);
}

/** The entries as the public screens show them, in the order of `ids`. */
export async function liveEntries(db: Db, ids: readonly number[]): Promise<LiveEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("entries as e")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .where("e.id", "in", [...ids])
    .select([
      ...ENTRY_FACE,
      "g.name_zh as groupZh",
      "g.name_en as groupEn",
      "t.name_zh as trackZh",
      "t.name_en as trackEn",
    ])
    .execute();
  const team = await db
    .selectFrom("team_members")
    .select(["entry_id", "name"])
    .where("entry_id", "in", [...ids])
    .orderBy("position")
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const title = { zh: r.title_zh ?? r.title_en ?? r.code, en: r.title_en ?? r.title_zh ?? r.code };
    const entry: LiveEntry = {
      id,
      code: r.code,
      title,
      organization: r.organization,
      country: r.country,
      team: team.filter((m) => m.entry_id === id).map((m) => m.name),
      group: { zh: r.groupZh, en: r.groupEn },
      track: { zh: r.trackZh, en: r.trackEn },
    };
    return [entry];
  });
}

/** The judges who have submitted a score for the entry in the round. */
export async function judgesSubmittedFor(db: Db, roundId: number, entryId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("scores")
    .select("judge_id")
    .where("round_id", "=", roundId)
    .where("entry_id", "=", entryId)
    .where("status", "=", "submitted")
    .execute();
  return rows.map((s) => s.judge_id);
}

/** The entries a judge has submitted a score for in the round. */
export async function entriesSubmittedBy(db: Db, roundId: number, judgeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("scores")
    .select("entry_id")
    .where("round_id", "=", roundId)
    .where("judge_id", "=", judgeId)
    .where("status", "=", "submitted")
    .execute();
  return rows.map((s) => s.entry_id);
}

/** The entry a judge's earlier score with this submission key was for, if the key was used. */
export async function entryOfSubmission(db: Db, judgeId: number, submissionKey: string) {
  const row = await db
    .selectFrom("scores")
    .select(["entry_id"])
    .where("judge_id", "=", judgeId)
    .where("submission_key", "=", submissionKey)
    .executeTakeFirst();
  return row?.entry_id;
}

/** Whether the judge is assigned the entry in the round. */
export async function isSeated(db: Db, roundId: number, judgeId: number, entryId: number): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom("assignments")
      .select("id")
      .where("round_id", "=", roundId)
      .where("judge_id", "=", judgeId)
      .where("entry_id", "=", entryId)
      .executeTakeFirst(),
  );
}

/** An entry's status (submitted, withdrawn, disqualified). */
export async function entryStatus(db: Db, entryId: number) {
  const row = await db.selectFrom("entries").select("status").where("id", "=", entryId).executeTakeFirstOrThrow();
  return row.status;
}

/** A judge's score of an entry in a round, as far as a new submission needs it. */
export function scoreOf(db: Db, roundId: number, judgeId: number, entryId: number) {
  return db
    .selectFrom("scores")
    .select(["id", "status", "revision", "submitted_at"])
    .where("round_id", "=", roundId)
    .where("judge_id", "=", judgeId)
    .where("entry_id", "=", entryId)
    .executeTakeFirst();
}

/** The audience vote's counted (not discounted) votes per finalist, most first. */
export async function voteTally(db: Db, roundId: number): Promise<{ entryId: number; votes: number }[]> {
  const rows = await db
    .selectFrom("live_votes")
    .select(["entry_id", (eb) => eb.fn.countAll<number>().as("votes")])
    .where("round_id", "=", roundId)
    .where("discounted_at", "is", null)
    .groupBy("entry_id")
    .orderBy("votes", "desc")
    .orderBy("entry_id")
    .execute();
  return rows.map((r) => ({ entryId: r.entry_id, votes: Number(r.votes) }));
}

/** The most-voted finalists (all of them on a tie) by counted votes; null before any vote counts. */
export async function audienceLeaders(db: Db, roundId: number) {
  const tally = await voteTally(db, roundId);
  const top = tally[0];
  if (!top || top.votes === 0) return null;
  return { entryIds: tally.filter((t) => t.votes === top.votes).map((t) => t.entryId), votes: top.votes };
}
