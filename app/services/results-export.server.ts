// A round's results as a spreadsheet: one row per entry and judge, with every judge's marks.
import type { Db } from "../../db/client";
import { formatMilli } from "../domain/score-sheet";
import { criteriaOf } from "./queries/criteria.server";
import { existingRound } from "./queries/rounds.server";
import { unitLabels, type UnitLabel } from "./results-view.server";

/** The ranking joined with each submitted score and its judge, in unit, rank, code and judge order. */
function rankingWithScores(db: Db, roundId: number) {
  return db
    .selectFrom("results as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("round_entries as re", (j) =>
      j.onRef("re.round_id", "=", "r.round_id").onRef("re.entry_id", "=", "r.entry_id"),
    )
    .leftJoin("scores as s", (j) =>
      j.onRef("s.round_id", "=", "r.round_id").onRef("s.entry_id", "=", "r.entry_id").on("s.status", "=", "submitted"),
    )
    .leftJoin("judges as j", "j.id", "s.judge_id")
    .where("r.round_id", "=", roundId)
    .select([
      "r.unit",
      "r.rank",
      "e.code",
      "e.title_en",
      "e.title_zh",
      "e.organization",
      "e.country",
      "r.result",
      "r.raw_result",
      "r.judges_counted",
      "r.decided_by",
      "re.state",
      "s.id as scoreId",
      "j.name as judge",
      "s.comment",
    ])
    .orderBy("r.unit")
    .orderBy((eb) => eb.fn.coalesce("r.rank", eb.val(1_000_000)))
    .orderBy("e.code")
    .orderBy("j.name")
    .execute();
}

type ExportRow = Awaited<ReturnType<typeof rankingWithScores>>[number];

/** Every mark of the given scores, keyed "scoreId:criterionId", read in chunks SQLite accepts. */
async function marksOf(db: Db, scoreIds: number[]) {
  const marks = new Map<string, number>();
  for (let i = 0; i < scoreIds.length; i += 500) {
    const chunk = await db
      .selectFrom("score_marks")
      .select(["score_id", "criterion_id", "mark_milli"])
      .where("score_id", "in", scoreIds.slice(i, i + 500))
      .execute();
    for (const m of chunk) marks.set(`${m.score_id}:${m.criterion_id}`, m.mark_milli);
  }
  return marks;
}

const FIXED_HEADERS = [
  "unit",
  "rank",
  "code",
  "title",
  "organization",
  "country",
  "result",
  "raw_result",
  "judges_counted",
  "decided_by",
  "state",
  "judge",
];

function exportCells(
  r: ExportRow,
  labels: Map<string, UnitLabel>,
  criteria: { id: number }[],
  marks: Map<string, number>,
): string[] {
  return [
    labels.get(r.unit)?.code ?? r.unit,
    r.rank === null ? "" : String(r.rank),
    r.code,
    r.title_en ?? r.title_zh ?? "",
    r.organization,
    r.country,
    r.result ?? "",
    r.raw_result ?? "",
    String(r.judges_counted),
    r.decided_by ?? "",
    r.state,
    r.judge ?? "",
    ...criteria.map((c) => {
      const m = r.scoreId ? marks.get(`${r.scoreId}:${c.id}`) : undefined;
      return m === undefined ? "" : formatMilli(m);
    }),
    r.comment ?? "",
  ];
}

/** One row per entry and judge: the ranking with every judge's marks, criterion by criterion. */
export async function exportRows(db: Db, roundId: number) {
  const round = await existingRound(db, roundId);
  const labels = await unitLabels(db, round.competition_id);
  const criteria = await criteriaOf(db, roundId);
  const rows = await rankingWithScores(db, roundId);
  const marks = await marksOf(
    db,
    rows.flatMap((r) => (r.scoreId ? [r.scoreId] : [])),
  );
  return {
    headers: [...FIXED_HEADERS, ...criteria.map((c) => c.name_en), "comment"],
    rows: rows.map((r) => exportCells(r, labels, criteria, marks)),
  };
}
