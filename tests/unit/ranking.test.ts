import { describe, expect, it } from "vitest";
import { normalizeMarks, rankEntries, type RankingEntry, type TieBreakKey } from "../../app/domain/ranking";
import type { AggregationRule } from "../../app/domain/scoring";

const mean2: AggregationRule = { dropHighest: 0, dropLowest: 0, combine: "mean", decimals: 2, rounding: "half-up" };
const dropBoth: AggregationRule = { ...mean2, dropHighest: 1, dropLowest: 1 };

const entry = (id: string, marks: string[], extra: Partial<RankingEntry> = {}): RankingEntry => ({
  id,
  marks: marks.map((mark, i) => ({ judgeId: `j${i + 1}`, mark })),
  ...extra,
});

const ranks = (rows: { id: string; rank: number | null }[]) => rows.map((r) => [r.id, r.rank]);

describe("rankEntries", () => {
  it("shares a rank between equal results and skips the next (1, 2, 2, 4)", () => {
    const rows = rankEntries({
      entries: [entry("a", ["9", "9"]), entry("b", ["8", "8"]), entry("c", ["7", "9"]), entry("d", ["6", "6"])],
      rule: mean2,
    });
    expect(ranks(rows)).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
    expect(rows.map((r) => r.result)).toEqual(["9.00", "8.00", "8.00", "6.00"]);
  });

  it("breaks a tie with the first key that separates the entries, and says which", () => {
    // b and c both keep 8, 8, 8 after dropping; untrimmed means differ: b (5+8+8+8+10)/5 = 7.8, c (7+8+8+8+9)/5 = 8.
    const b = entry("b", ["5", "8", "8", "8", "10"]);
    const c = entry("c", ["7", "8", "8", "8", "9"]);
    const rows = rankEntries({ entries: [b, c], rule: dropBoth, tieBreaks: [{ kind: "untrimmed-mean" }] });
    expect(ranks(rows)).toEqual([
      ["c", 1],
      ["b", 2],
    ]);
    expect(rows[1]!.decidedBy).toBe("untrimmed-mean");
    expect(rows[0]!.decidedBy).toBeNull();
  });

  it("applies tie-break keys in their stated order", () => {
    // Same kept marks and same untrimmed mean; the median separates them only if asked for first.
    const x = entry("x", ["6", "8", "8", "8", "10"], { previousRank: 1 }); // median 8, untrimmed 8
    const y = entry("y", ["7", "7", "8", "9", "9"], { previousRank: 5 }); // kept 7 8 9 → 8; median 8; untrimmed 8
    const keys: TieBreakKey[] = [{ kind: "untrimmed-mean" }, { kind: "median" }, { kind: "previous-round" }];
    const rows = rankEntries({ entries: [y, x], rule: dropBoth, tieBreaks: keys });
    expect(ranks(rows)).toEqual([
      ["x", 1],
      ["y", 2],
    ]);
    expect(rows[1]!.decidedBy).toBe("previous-round");

    const byCriterion = rankEntries({
      entries: [
        entry("p", ["8", "8"], { criteria: { "3": "14.5" } }),
        entry("q", ["8", "8"], { criteria: { "3": "15" } }),
      ],
      rule: mean2,
      tieBreaks: [{ kind: "criterion", criterionId: "3" }],
    });
    expect(ranks(byCriterion)).toEqual([
      ["q", 1],
      ["p", 2],
    ]);
    expect(byCriterion[1]!.decidedBy).toBe("criterion:3");
  });

  it("shares the rank when every tie-break key is still equal", () => {
    const rows = rankEntries({
      entries: [entry("a", ["8", "9"]), entry("b", ["9", "8"])],
      rule: mean2,
      tieBreaks: [{ kind: "untrimmed-mean" }, { kind: "median" }],
    });
    expect(ranks(rows)).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
    expect(rows[1]!.decidedBy).toBeNull();
  });

  it("lists entries with too few marks last, unranked", () => {
    const rows = rankEntries({ entries: [entry("late", ["9", "9"]), entry("done", ["7", "7", "7"])], rule: dropBoth });
    expect(rows.map((r) => [r.id, r.rank, r.result, r.judgesCounted])).toEqual([
      ["done", 1, "7.00", 3],
      ["late", null, null, 2],
    ]);
  });

  it("gives the same ranking whatever order the entries arrive in", () => {
    const entries = [entry("a", ["8", "9"]), entry("b", ["9", "9"]), entry("c", ["8", "9"]), entry("d", ["5", "9"])];
    const forward = rankEntries({ entries, rule: mean2 });
    const backward = rankEntries({ entries: [...entries].reverse(), rule: mean2 });
    expect(backward).toEqual(forward);
  });

  it("moves a harsh judge's entries up against a lenient judge's when normalized", () => {
    // Two judges see different entries: the harsh one marks around 5, the lenient one around 9.
    const harsh = ["h1", "h2", "h3"].map((id, i) => ({ id, marks: [{ judgeId: "harsh", mark: ["4", "5", "6"][i]! }] }));
    const lenient = ["l1", "l2", "l3"].map((id, i) => ({
      id,
      marks: [{ judgeId: "lenient", mark: ["8", "9", "10"][i]! }],
    }));
    const entries = [...harsh, ...lenient];
    const raw = rankEntries({ entries, rule: mean2, normalization: "none" });
    expect(raw.findIndex((r) => r.id === "h3")).toBeGreaterThan(raw.findIndex((r) => r.id === "l1"));

    const normalized = rankEntries({ entries, rule: mean2, normalization: "zscore" });
    // Each judge's best entry now shares the top: their marks are on the same scale.
    const rankOf = (id: string) => normalized.find((r) => r.id === id)!.rank!;
    expect(rankOf("h3")).toBe(rankOf("l3"));
    expect(rankOf("h3")).toBeLessThan(rankOf("l1"));
    // The raw result stays visible next to the normalized one.
    const h3 = normalized.find((r) => r.id === "h3")!;
    expect(h3.raw).toBe("6.00");
    expect(h3.result).not.toBe(h3.raw);
  });

  it("normalizes each judge to the overall mean and spread", () => {
    // Overall marks 4,5,6,8,9,10: mean 7, population spread sqrt(28/6) ≈ 2.160246899.
    // Harsh judge: mean 5, spread sqrt(2/3) ≈ 0.816496581; mark 6 → 7 + (1 / 0.816496581) × 2.160246899 ≈ 9.645751311.
    const out = normalizeMarks([
      { id: "h4", marks: [{ judgeId: "harsh", mark: "4" }] },
      { id: "h5", marks: [{ judgeId: "harsh", mark: "5" }] },
      { id: "h6", marks: [{ judgeId: "harsh", mark: "6" }] },
      { id: "l8", marks: [{ judgeId: "lenient", mark: "8" }] },
      { id: "l9", marks: [{ judgeId: "lenient", mark: "9" }] },
      { id: "l10", marks: [{ judgeId: "lenient", mark: "10" }] },
    ]);
    const h6 = out.find((e) => e.id === "h6")!.marks[0]!;
    expect(h6.mark.startsWith("9.6457513")).toBe(true);
    expect(h6.raw).toBe("6");
    expect(out.find((e) => e.id === "h5")!.marks[0]!.mark).toBe("7");
    expect(out.find((e) => e.id === "l9")!.marks[0]!.mark).toBe("7");
  });

  it("only shifts a judge with a single mark, having no spread to scale", () => {
    const out = normalizeMarks([
      { id: "a", marks: [{ judgeId: "solo", mark: "5" }] },
      { id: "b", marks: [{ judgeId: "other", mark: "7" }] },
      { id: "c", marks: [{ judgeId: "other", mark: "9" }] },
    ]);
    // Overall mean 7: the solo judge's 5 moves to 7.
    expect(out[0]!.marks[0]!.mark).toBe("7");
  });
});
