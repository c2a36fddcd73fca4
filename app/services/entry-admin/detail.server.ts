// One entry as the organizer sees it: its data, team, rounds, earlier codes and history (each change
// field by field, from → to; score changes named and itemised).
import type { Db } from "../../../db/client";
import { entryChanges } from "../../domain/entry-history";
import { markChanges, readScoreSnapshot } from "../../domain/score-audit";
import { retiredCodesOf } from "../entry-codes.server";
import { groupsOf, tracksOf } from "../queries/groups.server";
import { entriesWithGroupAndTrack, roundsOfEntries, teamOf } from "../queries/entries.server";

/** Score submissions and revisions carry their marks: name the judge, round and criteria. */
async function withScoreDetails<T extends { action: string; before: string | null; after: string | null }>(
  db: Db,
  history: T[],
) {
  const details = history.map((h) =>
    h.action.startsWith("score.") ? { before: readScoreSnapshot(h.before), after: readScoreSnapshot(h.after) } : null,
  );
  const roundIds = [...new Set(details.flatMap((d) => (d?.after ? [d.after.roundId] : [])))];
  const judgeIds = [...new Set(details.flatMap((d) => (d?.after ? [d.after.judgeId] : [])))];
  const [criteria, rounds, judges] = roundIds.length
    ? await Promise.all([
        db
          .selectFrom("criteria")
          .select(["id", "round_id", "name_zh", "name_en", "position"])
          .where("round_id", "in", roundIds)
          .orderBy("position")
          .execute(),
        db.selectFrom("rounds").select(["id", "name_zh", "name_en"]).where("id", "in", roundIds).execute(),
        db
          .selectFrom("judges as j")
          .innerJoin("users as u", "u.id", "j.user_id")
          .select(["j.id", "u.display_name"])
          .where("j.id", "in", judgeIds)
          .execute(),
      ])
    : [[], [], []];
  return history.map((h, i) => {
    const d = details[i];
    if (!d?.after) return { ...h, score: null };
    const after = d.after;
    const own = criteria.filter((c) => c.round_id === after.roundId);
    const round = rounds.find((r) => r.id === after.roundId);
    return {
      ...h,
      score: {
        judge: judges.find((j) => j.id === after.judgeId)?.display_name ?? "—",
        round: round ? { name_zh: round.name_zh, name_en: round.name_en } : null,
        revision: after.revision ?? null,
        comment: { before: d.before?.comment ?? null, after: after.comment },
        marks: markChanges(
          d.before,
          after,
          own.map((c) => c.id),
        ).map((m) => {
          const c = own.find((x) => x.id === m.criterionId);
          return { ...m, name_zh: c?.name_zh ?? "", name_en: c?.name_en ?? String(m.criterionId) };
        }),
      },
    };
  });
}

/** An entry of this competition with everything the organizer's page shows, or undefined. */
export async function detail(db: Db, competitionId: number, entryId: number) {
  const entry = await entriesWithGroupAndTrack(db)
    .leftJoin("users as u", "u.id", "e.entrant_user_id")
    .where("e.id", "=", entryId)
    .where("e.competition_id", "=", competitionId)
    .selectAll("e")
    .select(["g.code as groupCode", "t.code as trackCode", "u.email as entrantEmail"])
    .executeTakeFirst();
  if (!entry) return undefined;
  const [team, history, rounds, formerCodes, groups, tracks] = await Promise.all([
    teamOf(db, entryId),
    db
      .selectFrom("audit_log as a")
      .leftJoin("users as u", "u.id", "a.actor_user_id")
      .where("a.subject_type", "=", "entry")
      .where("a.subject_id", "=", entryId)
      .orderBy("a.id", "desc")
      .select(["a.id", "a.at", "a.action", "a.before", "a.after", "a.reason", "u.display_name as actor"])
      .execute(),
    roundsOfEntries(db)
      .where("re.entry_id", "=", entryId)
      .select(["r.slug", "r.name_zh", "r.name_en", "r.status", "re.state", "re.feedback", "res.rank", "res.result"])
      .execute(),
    retiredCodesOf(db, entryId),
    groupsOf(db, competitionId),
    tracksOf(db, competitionId),
  ]);
  const scored = await withScoreDetails(db, history);
  return {
    entry,
    team,
    rounds,
    formerCodes,
    // What the history names by code (or, in earlier rows, by id): this edition's groups and tracks.
    placements: {
      groups: groups.map((g) => ({ id: g.id, code: g.code, nameZh: g.name_zh, nameEn: g.name_en })),
      tracks: tracks.map((t) => ({ id: t.id, code: t.code, nameZh: t.name_zh, nameEn: t.name_en })),
    },
    history: scored.map(({ before, after, ...h }) => ({
      ...h,
      changes: h.action.startsWith("entry.") ? entryChanges(before, after) : [],
    })),
  };
}
