// The judge's sheet as marks go in: the running weighted total, the marks a criterion offers as
// buttons, a stepper's press, and which entries the list's filters and "submit and next" pick.
import { describe, expect, it } from "vitest";
import { fromScaledInt } from "../../app/domain/decimal";
import { markField, weightedTotal } from "../../app/domain/score-sheet";
import { filterCounts, inFilter, nextToScore, readSheetFilter } from "../../app/domain/sheet-filter";
import { markChoices, runningTotal, stepMark } from "../../app/domain/sheet-total";

// Weights that do not divide evenly: 33.33% + 33.33% + 33.34%, marks out of 10 in halves and out of 5 in tenths.
const criteria = [
  { id: 1, weightBp: 3333, maxMilli: 10_000, stepMilli: 500 },
  { id: 2, weightBp: 3333, maxMilli: 10_000, stepMilli: 500 },
  { id: 3, weightBp: 3334, maxMilli: 5_000, stepMilli: 100 },
];
const values = (m1?: string, m2?: string, m3?: string) => ({
  [markField(1)]: m1,
  [markField(2)]: m2,
  [markField(3)]: m3,
});

describe("the running weighted total", () => {
  it("adds each typed mark times its weight exactly, with no binary rounding", () => {
    // 8.5 × 33.33% + 7 × 33.33% + 4.9 × 33.34% = 2.833050 + 2.33310 + 1.633660 = 6.79981
    expect(runningTotal(values("8.5", "7", "4.9"), criteria)).toEqual({
      total: "6.79981",
      max: "8.333",
      marked: 3,
      of: 3,
      complete: true,
    });
    // 0.1 + 0.2 style sums stay exact: three marks of 0.1 at a third each.
    const thirds = [
      { id: 1, weightBp: 3333, maxMilli: 1000, stepMilli: 100 },
      { id: 2, weightBp: 3333, maxMilli: 1000, stepMilli: 100 },
      { id: 3, weightBp: 3334, maxMilli: 1000, stepMilli: 100 },
    ];
    expect(runningTotal(values("0.1", "0.1", "0.1"), thirds).total).toBe("0.1");
  });

  it("gives the same digits the server counts for a complete sheet (Σ mark_milli × weight_bp at 10^-7)", () => {
    const marks = new Map([
      [1, 8500],
      [2, 7000],
      [3, 4900],
    ]);
    expect(runningTotal(values("8.5", "7", "4.9"), criteria).total).toBe(
      fromScaledInt(weightedTotal(marks, criteria)!, 7),
    );
  });

  it("moves as marks are entered, reads a decimal comma, and leaves out marks the server would refuse", () => {
    expect(runningTotal(values(), criteria)).toMatchObject({ total: "0", marked: 0, complete: false });
    expect(runningTotal(values("9"), criteria)).toMatchObject({ total: "2.9997", marked: 1 });
    expect(runningTotal(values("9", "6,5"), criteria)).toMatchObject({ total: "5.16615", marked: 2 });
    // Above the maximum, off the step, or not a number: not counted, not marked.
    expect(runningTotal(values("11", "7.3", "abc"), criteria)).toMatchObject({ total: "0", marked: 0 });
    expect(runningTotal(values(" 10 ", "", "5"), criteria)).toMatchObject({ total: "5", marked: 2 });
  });
});

describe("the marks a phone offers", () => {
  it("gives one button per allowed mark up to 21 of them, and a stepper beyond", () => {
    const halves = markChoices({ id: 1, maxMilli: 10_000, stepMilli: 500 })!;
    expect(halves).toHaveLength(21);
    expect(halves[0]).toBe(0);
    expect(halves[17]).toBe(8500);
    expect(halves.at(-1)).toBe(10_000);
    expect(markChoices({ id: 1, maxMilli: 5_000, stepMilli: 1000 })).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(markChoices({ id: 1, maxMilli: 100_000, stepMilli: 1000 })).toBeNull();
  });

  it("steps one step up or down within 0 and the maximum, from an empty or unreadable mark as from 0", () => {
    const c = { id: 1, maxMilli: 100_000, stepMilli: 1000 };
    expect(stepMark("", c, 1)).toBe(1000);
    expect(stepMark("", c, -1)).toBe(0);
    expect(stepMark("57", c, 1)).toBe(58_000);
    expect(stepMark("57", c, -1)).toBe(56_000);
    expect(stepMark("100", c, 1)).toBe(100_000);
    expect(stepMark("xyz", c, 1)).toBe(1000);
  });
});

describe("what the judge's list shows and where 'submit and next' goes", () => {
  const list = [
    { id: 10, state: "submitted" as const, scorable: true },
    { id: 11, state: null, scorable: true },
    { id: 12, state: "draft" as const, scorable: true },
    { id: 13, state: null, scorable: false }, // withdrawn: cannot be scored
    { id: 14, state: "submitted" as const, scorable: true },
  ];

  it("counts what is to do (drafts included), drafts, submitted and all", () => {
    expect(filterCounts(list.map((e) => e.state))).toEqual({ todo: 3, draft: 1, submitted: 2, all: 5 });
    expect(list.filter((e) => inFilter(e.state, "todo")).map((e) => e.id)).toEqual([11, 12, 13]);
    expect(readSheetFilter("draft")).toBe("draft");
    expect(readSheetFilter("nonsense")).toBe("all");
    expect(readSheetFilter(null)).toBe("all");
  });

  it("goes to the next entry not submitted, in list order, wrapping round, skipping what cannot be scored", () => {
    expect(nextToScore(list, 11)?.id).toBe(12);
    expect(nextToScore(list, 12)?.id).toBe(11); // 13 cannot be scored, 14 is submitted: back to the start
    expect(nextToScore(list, 14)?.id).toBe(11);
    const done = list.map((e) => ({ ...e, state: e.scorable ? ("submitted" as const) : null }));
    expect(nextToScore(done, 11)).toBeNull();
  });
});
