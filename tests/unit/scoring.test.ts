import { describe, expect, it } from "vitest";
import { aggregate, ScoringError, weightedMark, type AggregationRule } from "../../app/domain/scoring";

const rule = (overrides: Partial<AggregationRule> = {}): AggregationRule => ({
  dropHighest: 0,
  dropLowest: 0,
  combine: "mean",
  decimals: 2,
  rounding: "half-up",
  ...overrides,
});

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScoringError) return error.code;
    throw error;
  }
  throw new Error("expected a ScoringError");
};

describe("aggregate: combining the marks", () => {
  it("takes the mean of the kept marks", () => {
    // (8 + 9 + 7.5) / 3 = 24.5 / 3 = 8.1666… → 8.17
    expect(aggregate(["8", "9", "7.5"], rule()).result).toBe("8.17");
  });

  it("adds the marks up for a sum rule", () => {
    // 8.25 + 9.5 + 7 = 24.75
    expect(aggregate(["8.25", "9.5", "7"], rule({ combine: "sum" })).result).toBe("24.75");
  });

  it("takes the middle mark for an odd count and the mean of the two middle ones for an even count", () => {
    // sorted 6, 7, 9 → 7
    expect(aggregate(["9", "6", "7"], rule({ combine: "median" })).result).toBe("7.00");
    // sorted 6, 7, 8.5, 9 → (7 + 8.5) / 2 = 7.75
    expect(aggregate(["9", "6", "8.5", "7"], rule({ combine: "median" })).result).toBe("7.75");
    // sorted 7, 8 → 7.5, at 0 decimals half-even → 8 (7 is odd… 7.5 → 8), half-up → 8, truncate → 7
    expect(aggregate(["8", "7"], rule({ combine: "median", decimals: 0, rounding: "half-even" })).result).toBe("8");
    expect(aggregate(["8", "7"], rule({ combine: "median", decimals: 0, rounding: "truncate" })).result).toBe("7");
  });

  it("applies the final's rule: drop the highest and the lowest of 9 judges, mean of the other 7", () => {
    const marks = ["8.6", "9.1", "7.9", "8.8", "9.4", "8.2", "6.5", "8.8", "9.0"];
    // sorted: 6.5 7.9 8.2 8.6 8.8 8.8 9.0 9.1 9.4; drop 6.5 and 9.4; kept sum = 60.4; 60.4 / 7 = 8.628571… → 8.63
    const out = aggregate(marks, rule({ dropHighest: 1, dropLowest: 1 }));
    expect(out).toEqual({
      result: "8.63",
      kept: ["7.9", "8.2", "8.6", "8.8", "8.8", "9", "9.1"],
      dropped: ["6.5", "9.4"],
    });
  });

  it("drops only one of two equal highest marks", () => {
    // sorted 7, 8, 9, 9.5, 9.5; drop one 9.5 and the 7; kept 8 + 9 + 9.5 = 26.5; / 3 = 8.8333… → 8.83
    const out = aggregate(["9.5", "7", "9.5", "8", "9"], rule({ dropHighest: 1, dropLowest: 1 }));
    expect(out.kept).toEqual(["8", "9", "9.5"]);
    expect(out.dropped).toEqual(["7", "9.5"]);
    expect(out.result).toBe("8.83");
  });

  it("drops only one of two equal lowest marks", () => {
    const out = aggregate(["6", "6", "8", "9"], rule({ dropLowest: 1 }));
    expect(out.kept).toEqual(["6", "8", "9"]);
    expect(out.dropped).toEqual(["6"]);
    // (6 + 8 + 9) / 3 = 7.6666… → 7.67
    expect(out.result).toBe("7.67");
  });

  it("gives the common mark when every judge agrees", () => {
    expect(aggregate(["7.5", "7.5", "7.5", "7.5", "7.5"], rule({ dropHighest: 1, dropLowest: 1 })).result).toBe("7.50");
  });

  it("multiplies by the degree of difficulty before rounding once", () => {
    // mean(8.1, 8.2) = 8.15; × 3.2 = 26.08 exactly
    expect(aggregate(["8.1", "8.2"], rule({ multiplier: "3.2" })).result).toBe("26.08");
    // mean(7, 8, 8) = 7.6666…; × 1.5 = 11.5 exactly: rounding the mean first (7.67 × 1.5 = 11.505) would be wrong
    expect(aggregate(["7", "8", "8"], rule({ multiplier: "1.5" })).result).toBe("11.50");
  });

  it("publishes exactly the stated number of decimals", () => {
    expect(aggregate(["8", "9"], rule({ decimals: 0 })).result).toBe("9"); // 8.5 half-up → 9
    expect(aggregate(["8", "9", "9"], rule({ decimals: 3 })).result).toBe("8.667"); // 8.6666…
    expect(aggregate(["10", "10"], rule({ decimals: 2 })).result).toBe("10.00");
  });
});

describe("aggregate: rounding once, at the end, by the round's mode", () => {
  // mean(8.12, 8.13) = 8.125: an exact half at 2 decimals.
  const half = ["8.12", "8.13"];
  it("rounds an exact half up in half-up mode", () => {
    expect(aggregate(half, rule({ rounding: "half-up" })).result).toBe("8.13");
  });
  it("rounds an exact half to the even digit in half-even mode", () => {
    expect(aggregate(half, rule({ rounding: "half-even" })).result).toBe("8.12");
    // 8.135 → 8.14 (3 is odd, so up to 4)
    expect(aggregate(["8.13", "8.14"], rule({ rounding: "half-even" })).result).toBe("8.14");
  });
  it("cuts the digits off in truncate mode", () => {
    expect(aggregate(half, rule({ rounding: "truncate" })).result).toBe("8.12");
    // 8.1666… truncated
    expect(aggregate(["8", "9", "7.5"], rule({ rounding: "truncate" })).result).toBe("8.16");
  });
  it("rounds anything past the half up in every rounding-to-nearest mode", () => {
    // 8.1666…: half-up and half-even both 8.17
    expect(aggregate(["8", "9", "7.5"], rule({ rounding: "half-even" })).result).toBe("8.17");
  });
  it("rounds negative values away from zero on halves and toward zero when truncating", () => {
    // mean(-1, -2) = -1.5
    expect(aggregate(["-1", "-2"], rule({ decimals: 0, rounding: "half-up" })).result).toBe("-2");
    expect(aggregate(["-1", "-2"], rule({ decimals: 0, rounding: "half-even" })).result).toBe("-2");
    expect(aggregate(["-1", "-2"], rule({ decimals: 0, rounding: "truncate" })).result).toBe("-1");
    // mean(-2, -3) = -2.5 → half-even -2
    expect(aggregate(["-2", "-3"], rule({ decimals: 0, rounding: "half-even" })).result).toBe("-2");
  });
});

describe("aggregate: bad input is refused with a typed error, never NaN", () => {
  it("refuses fewer marks than the drops need", () => {
    expect(codeOf(() => aggregate(["8", "9"], rule({ dropHighest: 1, dropLowest: 1 })))).toBe("not_enough_marks");
    expect(codeOf(() => aggregate([], rule()))).toBe("not_enough_marks");
  });
  it("refuses a malformed mark", () => {
    for (const bad of ["", "1e3", "abc", " 1", "NaN", "+1", "1,5", "Infinity", "8."]) {
      expect(
        codeOf(() => aggregate(["8", bad, "9"], rule())),
        bad,
      ).toBe("invalid_mark");
    }
  });
  it("refuses a negative, fractional or missing count in the rule", () => {
    expect(codeOf(() => aggregate(["8", "9"], rule({ dropHighest: -1 })))).toBe("invalid_rule");
    expect(codeOf(() => aggregate(["8", "9"], rule({ dropLowest: 0.5 })))).toBe("invalid_rule");
    expect(codeOf(() => aggregate(["8", "9"], rule({ decimals: 11 })))).toBe("invalid_rule");
    expect(codeOf(() => aggregate(["8", "9"], rule({ decimals: -1 })))).toBe("invalid_rule");
  });
  it("refuses an unknown combine or rounding, and a malformed or negative multiplier", () => {
    expect(codeOf(() => aggregate(["8"], rule({ combine: "max" as never })))).toBe("invalid_rule");
    expect(codeOf(() => aggregate(["8"], rule({ rounding: "ceil" as never })))).toBe("invalid_rule");
    expect(codeOf(() => aggregate(["8"], rule({ multiplier: "x3" })))).toBe("invalid_rule");
    expect(codeOf(() => aggregate(["8"], rule({ multiplier: "-1" })))).toBe("invalid_rule");
  });
});

describe("weightedMark: a judge's mark from the criterion marks", () => {
  it("weights the criteria exactly, without rounding", () => {
    // 8×30% + 7.5×25% + 9×20% + 6×15% + 10×10% = 2.4 + 1.875 + 1.8 + 0.9 + 1 = 7.975
    expect(
      weightedMark([
        { mark: "8", weightPercent: "30" },
        { mark: "7.5", weightPercent: "25" },
        { mark: "9", weightPercent: "20" },
        { mark: "6", weightPercent: "15" },
        { mark: "10", weightPercent: "10" },
      ]),
    ).toBe("7.975");
  });
  it("accepts decimal weights", () => {
    // 9×12.5% + 7×87.5% = 1.125 + 6.125 = 7.25
    expect(
      weightedMark([
        { mark: "9", weightPercent: "12.5" },
        { mark: "7", weightPercent: "87.5" },
      ]),
    ).toBe("7.25");
  });
  it("refuses weights that do not add up to exactly 100", () => {
    expect(
      codeOf(() =>
        weightedMark([
          { mark: "9", weightPercent: "50" },
          { mark: "7", weightPercent: "49.9" },
        ]),
      ),
    ).toBe("invalid_weights");
    expect(codeOf(() => weightedMark([{ mark: "9", weightPercent: "abc" }]))).toBe("invalid_weights");
    expect(codeOf(() => weightedMark([]))).toBe("invalid_weights");
  });
});
