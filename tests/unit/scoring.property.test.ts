import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDec, parseDecimal, pow10 } from "../../app/domain/decimal";
import { aggregate, type AggregationRule } from "../../app/domain/scoring";

// Marks as a judge gives them: 0 to 10 in thousandths, written as decimal strings.
const markText = fc.integer({ min: 0, max: 10_000 }).map((milli) => {
  const text = (milli / 1000).toFixed(3); // exact: milli is an integer, toFixed only formats it
  return text.replace(/\.?0+$/, "") || "0";
});

const caseArb = fc
  .record({
    marks: fc.array(markText, { minLength: 1, maxLength: 15 }),
    dropHighest: fc.integer({ min: 0, max: 3 }),
    dropLowest: fc.integer({ min: 0, max: 3 }),
    combine: fc.constantFrom<AggregationRule["combine"]>("mean", "sum", "median"),
    decimals: fc.integer({ min: 0, max: 4 }),
    rounding: fc.constantFrom<AggregationRule["rounding"]>("half-up", "half-even", "truncate"),
  })
  .filter((c) => c.marks.length >= c.dropHighest + c.dropLowest + 1);

const ruleOf = (c: {
  dropHighest: number;
  dropLowest: number;
  combine: AggregationRule["combine"];
  decimals: number;
  rounding: AggregationRule["rounding"];
}): AggregationRule => ({
  dropHighest: c.dropHighest,
  dropLowest: c.dropLowest,
  combine: c.combine,
  decimals: c.decimals,
  rounding: c.rounding,
});

const sortKey = (texts: readonly string[]) =>
  texts
    .map((t) => parseDecimal(t))
    .sort(compareDec)
    .map((d) => `${d.units}e-${d.scale}`);
const milli = (text: string) => {
  const d = parseDecimal(text);
  return (d.units * 1000n) / pow10(d.scale);
};

describe("aggregate: properties over random panels", () => {
  it("does not depend on the order in which judges submitted", () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.tuple(
            fc.constant(c),
            fc.shuffledSubarray(c.marks, { minLength: c.marks.length, maxLength: c.marks.length }),
          ),
        ),
        ([c, shuffled]) => {
          expect(aggregate(shuffled, ruleOf(c))).toEqual(aggregate(c.marks, ruleOf(c)));
        },
      ),
    );
  });

  it("drops exactly dropHighest + dropLowest marks, and kept and dropped together are the marks given", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { kept, dropped } = aggregate(c.marks, ruleOf(c));
        expect(dropped).toHaveLength(c.dropHighest + c.dropLowest);
        expect(kept).toHaveLength(c.marks.length - c.dropHighest - c.dropLowest);
        expect(sortKey([...kept, ...dropped]).map(String)).toEqual(sortKey(c.marks).map(String));
        // Every dropped high mark is ≥ every kept mark, every dropped low mark ≤ every kept one.
        const keptMilli = kept.map(milli);
        const min = keptMilli.reduce((a, b) => (a < b ? a : b));
        const max = keptMilli.reduce((a, b) => (a > b ? a : b));
        const low = dropped.slice(0, c.dropLowest).map(milli);
        const high = dropped.slice(c.dropLowest).map(milli);
        expect(low.every((m) => m <= min)).toBe(true);
        expect(high.every((m) => m >= max)).toBe(true);
      }),
    );
  });

  it("puts a mean between the smallest and the largest kept mark", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // Truncating at 10 digits keeps the comparison exact: min ≤ mean means min ≤ truncated mean.
        const { result, kept } = aggregate(c.marks, {
          ...ruleOf(c),
          combine: "mean",
          decimals: 10,
          rounding: "truncate",
        });
        const value = parseDecimal(result);
        const values = kept.map((k) => parseDecimal(k)).sort(compareDec);
        expect(compareDec(values[0]!, value)).toBeLessThanOrEqual(0);
        expect(compareDec(value, values[values.length - 1]!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it("rounds half-even differently from half-up only on exact halves, and then by one unit in the last place", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const up = aggregate(c.marks, { ...ruleOf(c), rounding: "half-up" });
        const even = aggregate(c.marks, { ...ruleOf(c), rounding: "half-even" });
        const exact = aggregate(c.marks, { ...ruleOf(c), decimals: 10, rounding: "truncate" });
        if (up.result === even.result) return;
        // The value has a 5 right after the kept digits and nothing after it (marks are non-negative).
        const digits = exact.result.split(".")[1] ?? "";
        expect(digits.slice(c.decimals)).toMatch(/^50*$/);
        const u = parseDecimal(up.result);
        const e = parseDecimal(even.result);
        expect(u.units - e.units).toBe(1n);
      }),
    );
  });

  it("never lets truncation exceed half-up rounding", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const up = parseDecimal(aggregate(c.marks, { ...ruleOf(c), rounding: "half-up" }).result);
        const cut = parseDecimal(aggregate(c.marks, { ...ruleOf(c), rounding: "truncate" }).result);
        expect(compareDec(cut, up)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
