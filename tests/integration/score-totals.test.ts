// The weighted total stored with each score (migration 0013) against the domain's own weightedMark
// over the marks, after every way a score is written, and the results it gives against the old way
// (summing every criterion mark in SQLite) and against a from-scratch rewrite of the results.
import { describe, expect, it } from "vitest";
import { fromScaledInt } from "../../app/domain/decimal";
import { weightedMark } from "../../app/domain/scoring";
import { markField } from "../../app/domain/score-sheet";
import { createResultsService, rankRound, type RoundInputs } from "../../app/services/results.server";
import { servicesForThisFile } from "../support/services";

const demo = servicesForThisFile();
const { all, one } = demo;
const roundId = (slug: string) => one<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", slug).id;

/** Every score whose stored total is not what weightedMark makes of its marks (null when a criterion is unmarked). */
function wrongTotals() {
  const rows = all<{ id: number; stored: string | null; criteria: number; marks: string | null }>(
    `SELECT s.id, s.weighted_total stored, (SELECT count(*) FROM criteria WHERE round_id = s.round_id) criteria,
            (SELECT json_group_array(json_array(m.mark_milli, c.weight_bp)) FROM score_marks m
               JOIN criteria c ON c.id = m.criterion_id WHERE m.score_id = s.id) marks
       FROM scores s`,
  );
  expect(rows.length).toBeGreaterThan(15_000);
  return rows.flatMap((r) => {
    const marks = JSON.parse(r.marks ?? "[]") as [number, number][];
    const expected =
      marks.length === r.criteria && marks.length > 0
        ? weightedMark(marks.map(([m, w]) => ({ mark: fromScaledInt(m, 3), weightPercent: fromScaledInt(w, 2) })))
        : null;
    return r.stored === expected ? [] : [{ id: r.id, stored: r.stored, expected }];
  });
}

/** A round's ranking inputs the way they were loaded before 0013: every mark joined and summed in SQLite. */
async function inputsFromMarks(id: number): Promise<RoundInputs> {
  const inputs = await createResultsService(demo.db.db).loadInputs(id);
  const criteria = one<{ n: number }>("SELECT count(*) n FROM criteria WHERE round_id = ?", id).n;
  const sheets = all<{ entry_id: number; judge_id: number; w: number }>(
    `SELECT s.entry_id, s.judge_id, sum(m.mark_milli * c.weight_bp) w FROM scores s
       JOIN score_marks m ON m.score_id = s.id JOIN criteria c ON c.id = m.criterion_id
      WHERE s.round_id = ? AND s.status = 'submitted' GROUP BY s.id HAVING count(*) = ? ORDER BY s.id`,
    id,
    criteria,
  );
  const byEntry = new Map<string, { judgeId: string; mark: string }[]>();
  for (const s of sheets)
    byEntry.set(String(s.entry_id), [
      ...(byEntry.get(String(s.entry_id)) ?? []),
      { judgeId: String(s.judge_id), mark: fromScaledInt(s.w, 7) },
    ]);
  const units = new Map(
    [...inputs.units].map(([unit, entries]) => [unit, entries.map((e) => ({ ...e, marks: byEntry.get(e.id) ?? [] }))]),
  );
  return { ...inputs, units };
}

const resultsOf = (id: number) =>
  all(
    `SELECT entry_id, unit, rank, result, raw_result, judges_counted, kept, dropped, decided_by
       FROM results WHERE round_id = ? ORDER BY entry_id`,
    id,
  );

describe("the weighted total stored with each score", () => {
  it("is the domain's weighted mark of every seeded score, and null for a draft that misses a criterion", () => {
    expect(wrongTotals()).toEqual([]);
    const drafts = one<{ n: number }>(
      "SELECT count(*) n FROM scores WHERE status = 'draft' AND weighted_total IS NULL",
    ).n;
    expect(drafts).toBeGreaterThan(0);
  });

  it("ranks the demo's rounds exactly as summing every mark did before", async () => {
    for (const slug of ["regional", "domain"]) {
      const id = roundId(slug);
      const before = rankRound(await inputsFromMarks(id));
      const now = rankRound(await createResultsService(demo.db.db).loadInputs(id));
      expect([...now].sort()).toEqual([...before].sort());
      expect(before.size).toBeGreaterThan(1);
    }
  });

  it("follows a judge's submission and revision on the web sheet", async () => {
    const domain = roundId("domain");
    const judgeId = one<{ judge_id: number }>(
      `SELECT a.judge_id FROM assignments a WHERE a.round_id = ? AND NOT EXISTS
         (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id)
       LIMIT 1`,
      domain,
    ).judge_id;
    const entryId = one<{ entry_id: number }>(
      `SELECT a.entry_id FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE a.round_id = ? AND a.judge_id = ?
         AND e.status = 'submitted' AND NOT EXISTS
         (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id)
       LIMIT 1`,
      domain,
      judgeId,
    ).entry_id;
    const competitionId = one<{ competition_id: number }>(
      "SELECT competition_id FROM rounds WHERE id = ?",
      domain,
    ).competition_id;
    const criteria = all<{ id: number }>("SELECT id FROM criteria WHERE round_id = ? ORDER BY position", domain);
    const sheet = (marks: string[]) => Object.fromEntries(criteria.map((c, i) => [markField(c.id), marks[i] ?? "5"]));
    const judge = demo.judgeUser(judgeId);
    const stored = () =>
      one<{ weighted_total: string | null }>(
        "SELECT weighted_total FROM scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
        domain,
        judgeId,
        entryId,
      ).weighted_total;

    const draft = await demo.services.judging.save(judge, competitionId, "domain", entryId, {
      intent: "draft",
      [markField(criteria[0]!.id)]: "7",
    });
    expect(draft).toMatchObject({ ok: true, status: "draft" });
    expect(stored()).toBeNull();
    const submitted = await demo.services.judging.save(judge, competitionId, "domain", entryId, {
      intent: "submit",
      ...sheet(["8.5", "7", "9.5", "6", "10"]),
    });
    expect(submitted).toMatchObject({ ok: true, status: "submitted" });
    const first = stored();
    expect(first).not.toBeNull();
    const revised = await demo.services.judging.save(judge, competitionId, "domain", entryId, {
      intent: "revise",
      reason: "Misread the pilot data.",
      ...sheet(["3", "7", "9.5", "6", "10"]),
    });
    expect(revised).toMatchObject({ ok: true, status: "submitted", revision: 1 });
    expect(stored()).not.toBe(first);
    expect(wrongTotals()).toEqual([]);
  });

  it("is derived again by the next recompute after a mark is changed by hand, and the results follow", async () => {
    const regional = roundId("regional");
    const score = one<{ id: number; entry_id: number }>(
      "SELECT id, entry_id FROM scores WHERE round_id = ? AND status = 'submitted' ORDER BY id LIMIT 1",
      regional,
    );
    demo.db.sqlite.prepare("UPDATE score_marks SET mark_milli = 0 WHERE score_id = ?").run(score.id);
    expect(one<{ t: string | null }>("SELECT weighted_total t FROM scores WHERE id = ?", score.id).t).toBeNull();
    const unit = one<{ unit: string }>(
      "SELECT unit FROM results WHERE round_id = ? AND entry_id = ?",
      regional,
      score.entry_id,
    ).unit;
    await createResultsService(demo.db.db).recomputeUnit(regional, unit);
    expect(one<{ t: string | null }>("SELECT weighted_total t FROM scores WHERE id = ?", score.id).t).toBe("0");
    expect(wrongTotals()).toEqual([]);
    const expected = rankRound(await inputsFromMarks(regional)).get(unit)!;
    const stored = all<{ entry_id: number; rank: number | null; result: string | null }>(
      "SELECT entry_id, rank, result FROM results WHERE round_id = ? AND unit = ?",
      regional,
      unit,
    );
    const byId = new Map(stored.map((r) => [String(r.entry_id), r]));
    for (const row of expected) expect(byId.get(row.id)).toMatchObject({ rank: row.rank, result: row.result });
  });
});

describe("storing only the result rows that changed", () => {
  it("leaves exactly the rows a rewrite from scratch gives, after a changed score and its group's recompute", async () => {
    const results = createResultsService(demo.db.db);
    const regional = roundId("regional");
    const target = one<{ id: number; entry_id: number; unit: string }>(
      `SELECT s.id, s.entry_id, r.unit FROM scores s JOIN results r ON r.round_id = s.round_id AND r.entry_id = s.entry_id
        WHERE s.round_id = ? AND s.status = 'submitted' AND r.rank > 50 ORDER BY r.rank, s.id LIMIT 1`,
      regional,
    );
    demo.db.sqlite.prepare("UPDATE score_marks SET mark_milli = 10000 WHERE score_id = ?").run(target.id);
    const stamp = new Date("2026-12-03T12:00:00.000Z");
    await results.recomputeUnit(regional, target.unit, stamp);
    const incremental = resultsOf(regional);
    const written = one<{ n: number }>(
      "SELECT count(*) n FROM results WHERE round_id = ? AND computed_at = ?",
      regional,
      stamp.toISOString(),
    ).n;
    // The entry climbed: it and the entries it passed changed, the rest of its group did not.
    expect(written).toBeGreaterThan(1);
    expect(written).toBeLessThan(
      one<{ n: number }>("SELECT count(*) n FROM results WHERE round_id = ? AND unit = ?", regional, target.unit).n,
    );
    demo.db.sqlite.prepare("DELETE FROM results WHERE round_id = ?").run(regional);
    await results.recompute(regional);
    expect(resultsOf(regional)).toEqual(incremental);
    // Nothing changed since: a second recompute writes nothing.
    const again = new Date("2026-12-03T13:00:00.000Z");
    await results.recompute(regional, again);
    expect(one<{ n: number }>("SELECT count(*) n FROM results WHERE computed_at = ?", again.toISOString()).n).toBe(0);
  });
});
