// One assigned entry's material and the judge's own score sheet, as the sheet page shows them.
import type { Db } from "../../../db/client";
import { formatMilli, markField } from "../../domain/score-sheet";
import type { SessionUser } from "../auth.server";
import { marksOf, scoreOf } from "../queries/scores.server";
import { sheetOrder } from "./lists.server";
import { assignedSheet, rubricOf } from "./shared.server";

/** What the judge reads about the entry: its texts, group, track, place and links. */
function entryMaterial(db: Db, entryId: number) {
  return db
    .selectFrom("entries as e")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .where("e.id", "=", entryId)
    .select([
      "e.id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.summary_zh",
      "e.summary_en",
      "e.organization",
      "e.country",
      "e.city",
      "e.website",
      "e.video_url as videoUrl",
      "e.status",
      "g.name_zh as groupZh",
      "g.name_en as groupEn",
      "t.name_zh as trackZh",
      "t.name_en as trackEn",
    ])
    .executeTakeFirstOrThrow();
}

/**
 * The entry's current pitch deck, if it has one: read inline from `/entries/<code>/deck`, which
 * streams it to the entry's assigned judges only (a replaced deck keeps its row with replaced_at).
 */
async function currentDeck(db: Db, entryId: number, code: string) {
  const deck = await db
    .selectFrom("entry_decks")
    .select(["file_name as fileName", "bytes", "uploaded_at as uploadedAt"])
    .where("entry_id", "=", entryId)
    .where("replaced_at", "is", null)
    .executeTakeFirst();
  return deck ? { ...deck, url: `/entries/${encodeURIComponent(code)}/deck` } : null;
}

/** Where the entry sits in the judge's list of the round (the list's order): n of m, and the entries before and after. */
async function positionIn(db: Db, roundId: number, judgeId: number, entryId: number) {
  const order = await sheetOrder(db, roundId, judgeId);
  const index = order.findIndex((o) => o.id === entryId);
  return {
    index: index + 1,
    of: order.length,
    previous: order[index - 1]?.id ?? null,
    next: order[index + 1]?.id ?? null,
    // Entries of this round the judge has not submitted yet, this one included while it is not.
    left: order.filter((o) => o.state !== "submitted" && o.scorable).length,
  };
}

/**
 * One assigned entry's material and this judge's own sheet. Null when the entry is not
 * assigned to this judge: the caller answers 404, so nobody learns whether it exists.
 */
export async function judgeSheet(db: Db, user: SessionUser, competitionId: number, roundSlug: string, entryId: number) {
  const found = await assignedSheet(db, user, competitionId, roundSlug, entryId);
  if (!found.ok || found.round.status === "draft") return null;
  const { judge, round } = found;
  const [entry, team, criteria, score, position] = await Promise.all([
    entryMaterial(db, entryId),
    db
      .selectFrom("team_members")
      .select(["name", "role"])
      .where("entry_id", "=", entryId)
      .orderBy("position")
      .execute(),
    rubricOf(db, round.id),
    scoreOf(db, round.id, judge.id, entryId),
    positionIn(db, round.id, judge.id, entryId),
  ]);
  const [marks, deck] = await Promise.all([
    score ? marksOf(db, score.id) : new Map<number, number>(),
    currentDeck(db, entryId, entry.code),
  ]);
  const values: Record<string, string> = {};
  for (const c of criteria) values[markField(c.id)] = marks.has(c.id) ? formatMilli(marks.get(c.id)!) : "";
  return {
    round: { id: round.id, slug: round.slug, nameZh: round.name_zh, nameEn: round.name_en, status: round.status },
    entry,
    deck,
    team,
    criteria,
    score: score
      ? {
          status: score.status,
          comment: score.comment,
          revision: score.revision,
          submittedAt: score.submitted_at,
          updatedAt: score.updated_at,
        }
      : null,
    values,
    position,
  };
}
