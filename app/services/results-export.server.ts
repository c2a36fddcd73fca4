// A round's results for the spreadsheet: one row per entry (rank, result, state) and one per
// submitted judge's mark (each criterion, comment, time, revision), with the names the columns
// show. The columns themselves are app/domain/results-export-columns.ts.
import type { Db } from "../../db/client";
import { refuse, type Outcome } from "../domain/refusal";
import type { MarkExportRow, ResultExportRow, ResultsExport } from "../domain/results-export-columns";
import type { SessionUser } from "./auth/deps.server";
import { criteriaOf } from "./queries/criteria.server";
import { existingRound } from "./queries/rounds.server";
import { unitLabels } from "./results-view.server";

/** The ranking with each entry, its group, track and state in the round, in unit, rank and code order. */
function ranking(db: Db, roundId: number) {
  return db
    .selectFrom("results as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .innerJoin("round_entries as re", (j) =>
      j.onRef("re.round_id", "=", "r.round_id").onRef("re.entry_id", "=", "r.entry_id"),
    )
    .where("r.round_id", "=", roundId)
    .select([
      "e.id as entryId",
      "r.unit",
      "r.rank",
      "e.code",
      "e.title_zh as titleZh",
      "e.title_en as titleEn",
      "g.code as groupCode",
      "g.name_zh as groupNameZh",
      "g.name_en as groupNameEn",
      "t.code as trackCode",
      "t.name_zh as trackNameZh",
      "t.name_en as trackNameEn",
      "e.organization",
      "e.country",
      "r.result",
      "r.raw_result as rawResult",
      "r.judges_counted as judgesCounted",
      "r.kept",
      "r.dropped",
      "r.decided_by as decidedBy",
      "re.state",
      "re.state_source as stateSource",
      "re.state_reason as stateReason",
    ])
    .orderBy("r.unit")
    .orderBy((eb) => eb.fn.coalesce("r.rank", eb.val(1_000_000)))
    .orderBy("e.code")
    .execute();
}

/** Every submitted score of the round with its entry and judge, in entry code and judge order. */
function submittedScores(db: Db, roundId: number) {
  return db
    .selectFrom("scores as s")
    .innerJoin("entries as e", "e.id", "s.entry_id")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .innerJoin("judges as j", "j.id", "s.judge_id")
    .where("s.round_id", "=", roundId)
    .where("s.status", "=", "submitted")
    .select([
      "s.id as scoreId",
      "e.id as entryId",
      "e.code",
      "e.title_zh as titleZh",
      "e.title_en as titleEn",
      "g.code as groupCode",
      "t.code as trackCode",
      "j.name as judge",
      "j.affiliation as judgeAffiliation",
      "s.comment",
      "s.submitted_at as submittedAt",
      "s.revision",
    ])
    .orderBy("e.code")
    .orderBy("j.name")
    .orderBy("s.id")
    .execute();
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every mark of these scores, by score id and criterion id (thousandths), read 500 scores at a
 * time with a pause between reads: a round has some 80,000 marks, and SQLite reads block the server.
 */
async function marksOf(db: Db, scoreIds: readonly number[]) {
  const marks = new Map<number, Map<number, number>>();
  for (let i = 0; i < scoreIds.length; i += 500) {
    const rows = await db
      .selectFrom("score_marks")
      .select(["score_id", "criterion_id", "mark_milli"])
      .where("score_id", "in", scoreIds.slice(i, i + 500))
      .execute();
    for (const m of rows) {
      const ofScore = marks.get(m.score_id) ?? new Map<number, number>();
      ofScore.set(m.criterion_id, m.mark_milli);
      marks.set(m.score_id, ofScore);
    }
    await pause();
  }
  return marks;
}

// kept and dropped are stored as JSON arrays of decimal strings.
function decimals(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** A round's results and marks as the export shows them; organizers only. */
export async function exportRows(db: Db, actor: SessionUser, roundId: number): Promise<Outcome<ResultsExport>> {
  if (!actor.roles.includes("organizer")) return refuse.forbidden("errors.forbidden");
  const round = await existingRound(db, roundId);
  const competition = await db
    .selectFrom("competitions")
    .select(["name_zh", "name_en", "time_zone"])
    .where("id", "=", round.competition_id)
    .executeTakeFirstOrThrow();
  const [labels, criteria] = await Promise.all([unitLabels(db, round.competition_id), criteriaOf(db, roundId)]);
  // One read after the other, with pauses: each is short, and others are served in between.
  const ranked = await ranking(db, roundId);
  await pause();
  const scores = await submittedScores(db, roundId);
  await pause();
  const marks = await marksOf(
    db,
    scores.map((s) => s.scoreId),
  );
  const entries = ranked.map((r): ResultExportRow => ({
    ...r,
    unit: labels.get(r.unit) ?? { code: r.unit, nameZh: r.unit, nameEn: r.unit },
    group: { code: r.groupCode, nameZh: r.groupNameZh, nameEn: r.groupNameEn },
    track: { code: r.trackCode, nameZh: r.trackNameZh, nameEn: r.trackNameEn },
    kept: decimals(r.kept),
    dropped: decimals(r.dropped),
  }));
  const markRows = scores.map((s): MarkExportRow => ({ ...s, marks: marks.get(s.scoreId) ?? new Map() }));
  return {
    ok: true,
    competition: { nameZh: competition.name_zh, nameEn: competition.name_en, timeZone: competition.time_zone },
    round: {
      slug: round.slug,
      nameZh: round.name_zh,
      nameEn: round.name_en,
      status: round.status,
      publishedAt: round.published_at,
      decimals: round.decimals,
      combine: round.combine,
      dropHighest: round.drop_highest,
      dropLowest: round.drop_lowest,
      normalization: round.normalization,
    },
    criteria: criteria.map((c) => ({
      id: c.id,
      nameZh: c.name_zh,
      nameEn: c.name_en,
      weightBp: c.weight_bp,
      maxMilli: c.max_milli,
      stepMilli: c.step_milli,
    })),
    entries,
    marks: markRows,
  };
}
