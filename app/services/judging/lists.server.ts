// The judge's lists: the rounds they have entries in, and their entries in one round, each with
// the state of their own sheet.
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import { filterCounts, inFilter, nextToScore, type SheetFilter } from "../../domain/sheet-filter";
import type { SessionUser } from "../auth.server";
import { isPlayedLive } from "../queries/live-state.server";
import { judgeOfUser } from "../queries/judges.server";
import { roundBySlug } from "../queries/rounds.server";
import { assignmentsWithSheets } from "../queries/scores.server";
import { ENTRY_FACE } from "../queries/entries.server";

/** The rounds in which this judge has entries, with their progress (n of m submitted). */
export async function judgeOverview(db: Db, user: SessionUser, competitionId: number) {
  const judge = await judgeOfUser(db, user.id, competitionId);
  if (!judge) return null;
  const rounds = await assignmentsWithSheets(db)
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .where("a.judge_id", "=", judge.id)
    .where("r.status", "!=", "draft")
    .groupBy("r.id")
    .orderBy("r.position")
    .select([
      "r.slug",
      "r.name_zh",
      "r.name_en",
      "r.status",
      "r.closes_at",
      sql<number>`count(*)`.as("assigned"),
      sql<number>`coalesce(sum(s.status = 'submitted'), 0)`.as("submitted"),
      sql<number>`coalesce(sum(s.status = 'draft'), 0)`.as("drafts"),
    ])
    .execute();
  return { judge, rounds };
}

/** A judge's entries in a round, in stage order, with their own sheet's state: the order the sheet walks too. */
export function itemsOf(db: Db, roundId: number, judgeId: number) {
  return assignmentsWithSheets(db)
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .leftJoin("round_entries as re", (j) =>
      j.onRef("re.round_id", "=", "a.round_id").onRef("re.entry_id", "=", "a.entry_id"),
    )
    .where("a.round_id", "=", roundId)
    .where("a.judge_id", "=", judgeId)
    .select([
      ...ENTRY_FACE,
      "e.status as entryStatus",
      "g.code as groupCode",
      "g.name_zh as groupZh",
      "g.name_en as groupEn",
      "t.code as trackCode",
      "t.name_zh as trackZh",
      "t.name_en as trackEn",
      "s.status",
      "s.updated_at",
      "re.stage_order",
    ])
    .orderBy("re.stage_order")
    .orderBy("e.code")
    .execute();
}

/**
 * This judge's entries in a round that the filter lets through, with the state of their own sheet
 * for each and how many each filter holds; null for a round they do not see.
 */
export async function judgeRoundList(
  db: Db,
  user: SessionUser,
  competitionId: number,
  roundSlug: string,
  filter: SheetFilter = "all",
) {
  const [judge, round] = await Promise.all([
    judgeOfUser(db, user.id, competitionId),
    roundBySlug(db, competitionId, roundSlug),
  ]);
  if (!judge || !round || round.status === "draft") return null;
  const all = await itemsOf(db, round.id, judge.id);
  const counts = filterCounts(all.map((i) => i.status));
  const onStage = await isPlayedLive(db, round.id);
  return {
    judge,
    round: {
      slug: round.slug,
      nameZh: round.name_zh,
      nameEn: round.name_en,
      status: round.status,
      closesAt: round.closes_at,
      onStage,
    },
    filter,
    counts,
    items: all.filter((i) => inFilter(i.status, filter)),
    submitted: counts.submitted,
    assigned: counts.all,
  };
}

/** The entries of the judge's list in its order, as "submit and next" reads them. */
export async function sheetOrder(db: Db, roundId: number, judgeId: number) {
  const items = await itemsOf(db, roundId, judgeId);
  // Only an entry still competing can be scored: a withdrawn one would refuse the judge's marks.
  return items.map((i) => ({ id: i.id, code: i.code, state: i.status, scorable: i.entryStatus === "submitted" }));
}

/**
 * The next entry this judge still has to submit in the round after `entryId` (wrapping round to
 * any skipped earlier), or `next: null` when every scorable entry of theirs is submitted. The same
 * answer for a round or judge that does not exist, so nothing is learned by asking.
 */
export async function nextUnscored(
  db: Db,
  user: SessionUser,
  competitionId: number,
  roundSlug: string,
  entryId: number,
) {
  const [judge, round] = await Promise.all([
    judgeOfUser(db, user.id, competitionId),
    roundBySlug(db, competitionId, roundSlug),
  ]);
  if (!judge || !round || round.status === "draft") return { next: null, code: null };
  const order = await sheetOrder(db, round.id, judge.id);
  const next = nextToScore(order, entryId);
  return {
    next: next ? { id: next.id, code: next.code } : null,
    // The code of the entry just left, so the next page can say whose score went in.
    code: order.find((o) => o.id === entryId)?.code ?? null,
  };
}
