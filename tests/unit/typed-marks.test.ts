// What a judge or an organizer types as a number is read by one normaliser: written as people
// write it (trailing zeros, a decimal comma, spaces, full-width digits) it is accepted; anything
// else is a named problem at its field, never an exception that becomes a 500.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeDecimalInput, parseDecimal } from "../../app/domain/decimal";
import { criterionSchema, roundSettingsSchemaIn } from "../../app/domain/round-settings";
import { readMark, scoreSheetSchema, type SheetCriterion } from "../../app/domain/score-sheet";

const TEN: SheetCriterion = { id: 7, maxMilli: 10_000, stepMilli: 500 };

describe("a typed decimal", () => {
  it("is accepted as people write it, in its canonical form", () => {
    const cases: [string, string][] = [
      ["9.5000", "9.5"],
      ["9,5", "9.5"],
      [" 7 ", "7"],
      ["07.50", "7.5"],
      ["10.000", "10"],
      ["0", "0"],
      ["0.000", "0"],
      ["\u3000８．５\u3000", "8.5"], // full-width, as a Chinese input method types it
      ["９，５", "9.5"],
    ];
    for (const [typed, value] of cases)
      expect(normalizeDecimalInput(typed, 3), JSON.stringify(typed)).toEqual({ ok: true, value });
  });

  it("refuses what is not plain decimal notation, and says so rather than guessing", () => {
    for (const bad of [
      "",
      " ",
      "1e3",
      "0x1",
      "∞",
      "Infinity",
      "NaN",
      "٩",
      "۹.۵",
      "--1",
      "+1",
      ".5",
      "5.",
      "1.2.3",
      "1,2,3",
      "1,000.5",
      "7 5",
      "½",
      "①",
      "9.5abc",
      "9.5\u0000",
    ]) {
      expect(normalizeDecimalInput(bad, 3), JSON.stringify(bad)).toEqual({ ok: false, problem: "malformed" });
    }
    expect(normalizeDecimalInput("1".repeat(41), 3)).toEqual({ ok: false, problem: "malformed" });
  });

  it("tells digits beyond the allowed decimals from trailing zeros", () => {
    expect(normalizeDecimalInput("9.5001", 3)).toEqual({ ok: false, problem: "too_precise" });
    expect(normalizeDecimalInput("9.50010", 3)).toEqual({ ok: false, problem: "too_precise" });
    expect(normalizeDecimalInput("9.500000000", 3)).toEqual({ ok: true, value: "9.5" });
    expect(normalizeDecimalInput("1.5", 0)).toEqual({ ok: false, problem: "too_precise" });
  });

  it("refuses a negative value unless it is allowed", () => {
    expect(normalizeDecimalInput("-1", 3)).toEqual({ ok: false, problem: "negative" });
    expect(normalizeDecimalInput("-1.50", 3, { negative: true })).toEqual({ ok: true, value: "-1.5" });
    expect(normalizeDecimalInput("-0.0", 3)).toEqual({ ok: true, value: "0" });
  });

  it("never throws and always gives a value the exact arithmetic reads, whatever is typed", () => {
    const typed = fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^[ ]?-?[0-9]{1,6}([.,][0-9]{0,8})?[ ]?$/));
    fc.assert(
      fc.property(typed, fc.integer({ min: 0, max: 6 }), (text, scale) => {
        const read = normalizeDecimalInput(text, scale, { negative: true });
        if (read.ok) expect(parseDecimal(read.value).scale).toBeLessThanOrEqual(scale);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a judge's mark on the score sheet", () => {
  it("reads 9.5000 as 9.5 instead of failing", () => {
    expect(readMark("9.5000", TEN)).toEqual({ ok: true, milli: 9500 });
    expect(readMark("10.0000", TEN)).toEqual({ ok: true, milli: 10_000 });
    expect(readMark("07,50", TEN)).toEqual({ ok: true, milli: 7500 });
  });

  it("names the problem of a bad mark", () => {
    expect(readMark("1e3", TEN)).toEqual({ ok: false, problem: "score.markNotNumber" });
    expect(readMark("-1", TEN)).toEqual({ ok: false, problem: "score.markNotNumber" });
    expect(readMark("٩", TEN)).toEqual({ ok: false, problem: "score.markNotNumber" });
    expect(readMark("9.5001", TEN)).toEqual({ ok: false, problem: "score.markTooPrecise" });
    expect(readMark("10.5000", TEN)).toEqual({ ok: false, problem: "score.markAboveMax" });
    expect(readMark("9.2500", TEN)).toEqual({ ok: false, problem: "score.markOffStep" });
  });

  it("gives the sheet's schema a field error, not an exception, for any typed mark", () => {
    const schema = scoreSheetSchema([TEN]);
    expect(schema.safeParse({ intent: "submit", m7: "9.5000" })).toMatchObject({
      success: true,
      data: { marks: new Map([[7, 9500]]) },
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const parsed = schema.safeParse({ intent: "draft", m7: text });
        if (!parsed.success) expect(parsed.error.issues.map((i) => i.path[0])).toEqual(["m7"]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("an organizer's rubric and rule", () => {
  const criterion = (max: string, step: string, weight = "100") =>
    criterionSchema.safeParse({ nameZh: "技术", nameEn: "Technology", weight, max, step });

  it("reads a maximum, step and weight typed with trailing zeros or a decimal comma", () => {
    expect(criterion("10.0000", "0,5000", "100.000")).toMatchObject({
      success: true,
      data: { maxMilli: 10_000, stepMilli: 500, weightBp: 10_000 },
    });
  });

  it("refuses a malformed maximum at its field", () => {
    const bad = criterion("1e3", "1");
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ["max"], message: "rubric.maxInvalid" });
    expect(criterion("10", "0.0001").error!.issues[0]).toMatchObject({ path: ["step"], message: "rubric.stepInvalid" });
  });

  it("stores a multiplier in canonical form and refuses zero, negatives and exponents", () => {
    const settings = {
      nameZh: "决赛",
      nameEn: "Final",
      scope: "all",
      kind: "stage",
      judgesPerEntry: "9",
      advanceCount: "3",
      dropHighest: "1",
      dropLowest: "1",
    };
    const rule = (multiplier: string) =>
      roundSettingsSchemaIn("Asia/Shanghai").safeParse({
        ...settings,
        combine: "mean",
        decimals: "2",
        rounding: "half-up",
        normalization: "none",
        multiplier,
      });
    expect(rule("1,2000")).toMatchObject({ success: true, data: { multiplier: "1.2" } });
    expect(rule("")).toMatchObject({ success: true, data: { multiplier: null } });
    for (const bad of ["0", "0.000", "-1.2", "1e1", "1.0000001"])
      expect(rule(bad).error?.issues[0], bad).toMatchObject({
        path: ["multiplier"],
        message: "round.multiplierInvalid",
      });
  });
});
