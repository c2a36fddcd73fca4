import { describe, expect, it } from "vitest";
import { aggregate } from "../../app/domain/scoring";
import { normalizeMarks } from "../../app/domain/ranking";
import { createResultsService, roundRule } from "../../app/services/results.server";
import { servicesForThisFile } from "../support/services";

const demo = servicesForThisFile();
const { one } = demo;
const snapshot = (roundId: number) =>
  demo.db.sqlite
    .prepare(
      "SELECT entry_id, unit, rank, result, kept, dropped, decided_by FROM results WHERE round_id = ? ORDER BY entry_id",
    )
    .all(roundId);

describe("results of a round", () => {
  it("recomputes one group after a changed score exactly as a full recompute would", async () => {
    const results = createResultsService(demo.db.db);
    const { id: roundId } = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'regional'");
    // Lift every mark of the Europe group's 100th-ranked entry to the maximum: it must climb.
    const target = one<{ entry_id: number; unit: string; rank: number }>(
      `SELECT r.entry_id, r.unit, r.rank FROM results r JOIN entries e ON e.id = r.entry_id JOIN groups g ON g.id = e.group_id
       WHERE r.round_id = ? AND g.code = 'EU' AND r.rank >= 100 ORDER BY r.rank LIMIT 1`,
      roundId,
    );
    demo.db.sqlite
      .prepare(
        "UPDATE score_marks SET mark_milli = 10000 WHERE score_id IN (SELECT id FROM scores WHERE round_id = ? AND entry_id = ?)",
      )
      .run(roundId, target.entry_id);
    const otherUnitsBefore = snapshot(roundId).filter((r) => (r as { unit: string }).unit !== target.unit);

    await results.recomputeUnit(roundId, target.unit);
    const afterUnit = snapshot(roundId);
    const moved = one<{ rank: number; result: string }>(
      "SELECT rank, result FROM results WHERE round_id = ? AND entry_id = ?",
      roundId,
      target.entry_id,
    );
    expect(moved).toEqual({ rank: 1, result: "10.00" });
    expect(afterUnit.filter((r) => (r as { unit: string }).unit !== target.unit)).toEqual(otherUnitsBefore);

    await results.recompute(roundId);
    expect(snapshot(roundId)).toEqual(afterUnit);
  });

  it("normalizes a z-score round over the whole round, not per ranking unit", async () => {
    const results = createResultsService(demo.db.db);
    const { id: roundId } = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'");
    const inputs = await results.loadInputs(roundId);
    const rule = roundRule(inputs.round);
    const all = [...inputs.units.values()].flat();
    const roundWide = new Map(normalizeMarks(all).map((e) => [e.id, e]));
    const stored = new Map(
      (
        demo.db.sqlite
          .prepare("SELECT entry_id, result, raw_result FROM results WHERE round_id = ? AND rank IS NOT NULL")
          .all(roundId) as { entry_id: number; result: string; raw_result: string }[]
      ).map((r) => [String(r.entry_id), r]),
    );
    expect(stored.size).toBeGreaterThan(100);
    let differsFromRaw = 0;
    for (const [id, row] of stored) {
      const marks = roundWide.get(id)!.marks;
      expect(row.result).toBe(
        aggregate(
          marks.map((m) => m.mark),
          rule,
        ).result,
      );
      expect(row.raw_result).toBe(
        aggregate(
          marks.map((m) => m.raw!),
          rule,
        ).result,
      );
      if (row.result !== row.raw_result) differsFromRaw++;
    }
    expect(differsFromRaw).toBeGreaterThan(0);
  });

  it("leaves a withdrawn entry out of the ranking", async () => {
    const results = createResultsService(demo.db.db);
    const { id: roundId } = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'regional'");
    const entry = one<{ entry_id: number }>(
      "SELECT entry_id FROM results WHERE round_id = ? AND rank = 3 LIMIT 1",
      roundId,
    );
    demo.db.sqlite
      .prepare("UPDATE entries SET status = 'withdrawn', status_reason = 'team request' WHERE id = ?")
      .run(entry.entry_id);
    await results.recompute(roundId);
    expect(
      one<{ n: number }>("SELECT count(*) n FROM results WHERE round_id = ? AND entry_id = ?", roundId, entry.entry_id)
        .n,
    ).toBe(0);
  });

  it("shows the public nothing of a round that is not published", async () => {
    const services = demo.services;
    const competition = (await services.competitions.bySlug("zgc2026"))!;
    const domain = await services.results.publicResults(competition.id, "domain", { page: 1 });
    expect(domain).toMatchObject({ published: false });
    expect(domain && "rows" in domain).toBe(false);
    // The domain round has computed results for organizers, yet an entry's public page lists only published rounds.
    const advanced = one<{ code: string }>(
      `SELECT e.code FROM round_entries re JOIN rounds r ON r.id = re.round_id AND r.slug = 'domain'
       JOIN entries e ON e.id = re.entry_id JOIN results x ON x.round_id = r.id AND x.entry_id = e.id AND x.rank IS NOT NULL LIMIT 1`,
    );
    const page = await services.entries.publicByCode(advanced.code);
    expect(page!.rounds.map((r) => r.slug)).toEqual(["regional"]);
  });

  it("pages a group's ranking 50 at a time and ignores a country that is not in it", async () => {
    const services = demo.services;
    const competition = (await services.competitions.bySlug("zgc2026"))!;
    const first = await services.results.publicResults(competition.id, "regional", { group: "EU", page: 1 });
    const last = await services.results.publicResults(competition.id, "regional", { group: "EU", page: 999 });
    if (!first?.published || !last?.published) throw new Error("regional round should be published");
    expect(first.rows).toHaveLength(50);
    expect(last.filters.page).toBe(first.pageCount);
    expect(first.total).toBe(first.rows.length * (first.pageCount - 1) + last.rows.length);
    const ignored = await services.results.publicResults(competition.id, "regional", {
      group: "EU",
      country: "ZZ",
      page: 1,
    });
    expect(ignored?.published && ignored.filters.country).toBeUndefined();
  });
});
