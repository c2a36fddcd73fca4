import { describe, expect, it } from "vitest";
import { chooseAdvancing, compareRankings } from "../../app/domain/advancement";
import { detectConflicts, organizationKey } from "../../app/domain/conflict-detection";
import { shortDecimal } from "../../app/domain/decimal";
import { histogram, judgeDeviations, type PanelMark } from "../../app/domain/judge-stats";
import { canMove, roundSettingsSchemaIn, rubricSchema } from "../../app/domain/round-settings";
import { markChanges, readScoreSnapshot } from "../../app/domain/score-audit";
import { formatMilli, readMark, scoreSheetSchema, weightedTotal } from "../../app/domain/score-sheet";

const criteria = [
  { id: 1, maxMilli: 10_000, stepMilli: 500 },
  { id: 2, maxMilli: 5_000, stepMilli: 1_000 },
];
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("a judge's score sheet", () => {
  it("reads 7, 7.5 and a comma decimal 7,5 as thousandths", () => {
    expect(readMark("7", criteria[0]!)).toEqual({ ok: true, milli: 7000 });
    expect(readMark(" 7.5 ", criteria[0]!)).toEqual({ ok: true, milli: 7500 });
    expect(readMark("7,5", criteria[0]!)).toEqual({ ok: true, milli: 7500 });
    expect(formatMilli(7500)).toBe("7.5");
    expect(formatMilli(10_000)).toBe("10");
    expect(formatMilli(250)).toBe("0.25");
  });

  it("refuses a mark above the maximum, off the step, negative, or not a number, each with its own message", () => {
    expect(readMark("10.5", criteria[0]!)).toEqual({ ok: false, problem: "score.markAboveMax" });
    expect(readMark("7.25", criteria[0]!)).toEqual({ ok: false, problem: "score.markOffStep" });
    expect(readMark("-1", criteria[0]!)).toEqual({ ok: false, problem: "score.markNotNumber" });
    expect(readMark("seven", criteria[0]!)).toEqual({ ok: false, problem: "score.markNotNumber" });
    expect(readMark("7.0001", criteria[0]!)).toEqual({ ok: false, problem: "score.markTooPrecise" });
  });

  it("lets a draft leave marks empty but needs every mark to submit, naming the missing field", () => {
    const schema = scoreSheetSchema(criteria);
    const draft = schema.safeParse({ intent: "draft", m1: "8", m2: "" });
    expect(draft.success).toBe(true);
    expect([...draft.data!.marks]).toEqual([[1, 8000]]);
    const submit = schema.safeParse({ intent: "submit", m1: "8", m2: "" });
    expect(issues(submit)).toEqual({ m2: "score.markRequired" });
  });

  it("needs a reason to revise a submitted sheet", () => {
    const schema = scoreSheetSchema(criteria);
    expect(issues(schema.safeParse({ intent: "revise", m1: "8", m2: "3", reason: "  " }))).toEqual({
      reason: "score.reasonRequired",
    });
    const ok = schema.safeParse({ intent: "revise", m1: "8", m2: "3", reason: "Misread the pitch deck" });
    expect(ok.data?.reason).toBe("Misread the pitch deck");
  });

  it("reports every bad mark at its own field at once", () => {
    const schema = scoreSheetSchema(criteria);
    expect(issues(schema.safeParse({ intent: "submit", m1: "11", m2: "2.5" }))).toEqual({
      m1: "score.markAboveMax",
      m2: "score.markOffStep",
    });
  });

  it("weights a complete sheet exactly and gives no total for an incomplete one", () => {
    const weights = [
      { id: 1, weightBp: 6000 },
      { id: 2, weightBp: 4000 },
    ];
    expect(
      weightedTotal(
        new Map([
          [1, 7500],
          [2, 3000],
        ]),
        weights,
      ),
    ).toBe(7500 * 6000 + 3000 * 4000);
    expect(weightedTotal(new Map([[1, 7500]]), weights)).toBeNull();
  });
});

describe("a round's rule as the organizer sets it", () => {
  const base = {
    nameZh: "复赛",
    nameEn: "Domain round",
    scope: "track",
    kind: "online",
    judgesPerEntry: "5",
    advanceCount: "10",
    advancePerOrganization: "",
    dropHighest: "1",
    dropLowest: "1",
    combine: "mean",
    multiplier: "",
    decimals: "2",
    rounding: "half-up",
    normalization: "none",
    tieBreak1: "median",
    tieBreak2: "",
    tieBreak3: "",
    opensAt: "2026-09-01T08:00",
    closesAt: "2026-09-30T23:59",
  };

  it("reads dates as the edition's wall clock: Beijing's, or another edition's zone", () => {
    const parsed = roundSettingsSchemaIn("Asia/Shanghai").parse(base);
    expect(parsed.opensAt).toBe("2026-09-01T00:00:00.000Z");
    // An edition run from Berlin types its dates in Berlin time (summer time in September: UTC+2).
    expect(roundSettingsSchemaIn("Europe/Berlin").parse(base).opensAt).toBe("2026-09-01T06:00:00.000Z");
    expect(parsed.advancePerOrganization).toBeNull();
    expect(parsed.tieBreaks).toEqual([{ kind: "median" }]);
  });

  it("refuses drops that leave no mark, a repeated tie-break and a close before the opening", () => {
    const result = roundSettingsSchemaIn("Asia/Shanghai").safeParse({
      ...base,
      dropHighest: "3",
      dropLowest: "2",
      tieBreak2: "median",
      closesAt: "2026-08-01T08:00",
    });
    expect(issues(result)).toEqual({
      dropLowest: "round.dropsLeaveNoMark",
      tieBreak2: "round.tieBreakRepeated",
      closesAt: "round.closesBeforeOpens",
    });
  });

  it("accepts a rubric whose weights add up to exactly 100% and whose steps divide the maxima", () => {
    const rubric = rubricSchema.parse({
      criteria: [
        { nameZh: "技术", nameEn: "Technology", weight: "33.34", max: "10", step: "0.5" },
        { nameZh: "市场", nameEn: "Market", weight: "66.66", max: "10", step: "0.5" },
      ],
    });
    expect(rubric.criteria.map((c) => c.weightBp)).toEqual([3334, 6666]);
  });

  it("refuses a rubric whose weights miss 100% or whose step does not divide the maximum", () => {
    const result = rubricSchema.safeParse({
      criteria: [
        { nameZh: "技术", nameEn: "Technology", weight: "50", max: "10", step: "3" },
        { nameZh: "市场", nameEn: "Market", weight: "40", max: "10", step: "1" },
      ],
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["criteria.0.step", "rubric.stepDoesNotDivide"],
      ["criteria", "rubric.weightsSum"],
    ]);
  });

  it("moves a round draft → open → closed → published, and back from closed to open only", () => {
    expect(canMove("draft", "open")).toBe(true);
    expect(canMove("open", "closed")).toBe(true);
    expect(canMove("closed", "open")).toBe(true);
    expect(canMove("closed", "published")).toBe(true);
    expect(canMove("open", "published")).toBe(false);
    expect(canMove("published", "open")).toBe(false);
    expect(canMove("draft", "closed")).toBe(false);
  });
});

describe("who advances from a ranking unit", () => {
  const unit = [
    { entryId: 1, rank: 1, organization: "Tsinghua University" },
    { entryId: 2, rank: 2, organization: "tsinghua university " },
    { entryId: 3, rank: 3, organization: "Tsinghua University" },
    { entryId: 4, rank: 3, organization: "Fudan University" },
    { entryId: 5, rank: 5, organization: "ETH Zurich" },
    { entryId: 6, rank: null, organization: "MIT" },
  ];

  it("takes the top N, and all of a tie at the cut-off", () => {
    expect([...chooseAdvancing(unit, 2, null)].sort()).toEqual([1, 2]);
    expect([...chooseAdvancing(unit, 3, null)].sort()).toEqual([1, 2, 3, 4]);
  });

  it("caps entries per organization (case and spaces ignored) and gives the place to the next one", () => {
    expect([...chooseAdvancing(unit, 3, 2)].sort()).toEqual([1, 2, 4]);
    expect([...chooseAdvancing(unit, 3, 1)].sort()).toEqual([1, 4, 5]);
  });

  it("never advances an unranked entry", () => {
    expect(chooseAdvancing(unit, 10, null).has(6)).toBe(false);
  });

  it("says how far each entry moves between two rankings", () => {
    const moves = compareRankings(
      [
        { entryId: 1, rank: 1 },
        { entryId: 2, rank: 2 },
        { entryId: 3, rank: null },
      ],
      [
        { entryId: 1, rank: 2 },
        { entryId: 2, rank: 1 },
        { entryId: 3, rank: 3 },
      ],
    );
    expect(moves).toEqual([
      { entryId: 1, rankA: 1, rankB: 2, delta: -1 },
      { entryId: 2, rankA: 2, rankB: 1, delta: 1 },
      { entryId: 3, rankA: null, rankB: 3, delta: null },
    ]);
  });
});

describe("suggested conflicts of interest", () => {
  const judges = [
    { id: 1, name: "Li Wei", affiliation: "Tsinghua Univ.", email: "li.wei@gmail.com" },
    { id: 2, name: "Anna Berg", affiliation: "KTH Royal Institute of Technology", email: "anna@kth.se" },
    { id: 3, name: "Zhang Min", affiliation: "Fudan University", email: "zm@fudan.edu.cn" },
  ];
  const entries = [
    { id: 10, organization: "Tsinghua University", team: [{ name: "Wang Fang", email: "wf@tsinghua.edu.cn" }] },
    { id: 11, organization: "Nordic Photonics AB", team: [{ name: "Erik Lund", email: "erik@kth.se" }] },
    { id: 12, organization: "Quantum Startup Ltd", team: [{ name: "anna  berg", email: null }] },
    { id: 13, organization: "Fudan University", team: [{ name: "Chen Jie", email: "cj@fudan.edu.cn" }] },
  ];

  it("treats 'Tsinghua Univ.' and 'Tsinghua University' as the same organization", () => {
    expect(organizationKey("Tsinghua Univ.")).toBe(organizationKey("Tsinghua University"));
    expect(organizationKey("清华大学")).toBe("清华");
  });

  it("suggests a similar affiliation, a judge on the team and a shared work e-mail domain, but not a public mail domain", () => {
    const found = detectConflicts(judges, entries).map((c) => [c.judgeId, c.entryId, c.reason]);
    expect(found).toEqual([
      [1, 10, "similar_affiliation"],
      [2, 11, "same_email_domain"],
      [2, 12, "team_member"],
    ]);
  });

  it("leaves exact affiliation matches to the hard rule and skips pairs already decided", () => {
    expect(detectConflicts(judges, entries).some((c) => c.judgeId === 3 && c.entryId === 13)).toBe(false);
    expect(detectConflicts(judges, entries, new Set(["1:10"])).some((c) => c.judgeId === 1)).toBe(false);
  });
});

describe("judges whose marks stand out from their panels", () => {
  it("flags a judge who is consistently harsh against the others on the same entries", () => {
    const marks: PanelMark[] = [];
    for (let e = 0; e < 20; e++) {
      for (let j = 0; j < 6; j++) marks.push({ judgeId: `j${j}`, entryId: `e${e}`, mark: 7 + ((e + j) % 3) * 0.5 });
      marks.push({ judgeId: "harsh", entryId: `e${e}`, mark: 4 + (e % 3) * 0.5 });
    }
    const rows = judgeDeviations(marks);
    const harsh = rows.find((r) => r.judgeId === "harsh")!;
    expect(harsh.flag).toBe("harsh");
    expect(harsh.bias).toBeLessThan(-2.5);
    expect(rows.filter((r) => r.flag === "harsh")).toHaveLength(1);
  });

  it("counts marks into equal bins over the range, the maximum in the last bin", () => {
    expect(histogram([0, 1, 4.9, 5, 10], 0, 10, 2).map((b) => b.count)).toEqual([3, 2]);
  });
});

describe("the audit trail of a score", () => {
  it("lists each criterion's mark before and after a revision in the rubric's order", () => {
    const before = readScoreSnapshot(
      JSON.stringify({ scoreId: 1, judgeId: 2, roundId: 3, marks: { "7": "8", "5": "6.5" }, comment: null }),
    );
    const after = readScoreSnapshot(
      JSON.stringify({ scoreId: 1, judgeId: 2, roundId: 3, marks: { "7": "8", "5": "7" }, comment: "ok", revision: 2 }),
    );
    expect(markChanges(before, after, [5, 7])).toEqual([
      { criterionId: 5, before: "6.5", after: "7", changed: true },
      { criterionId: 7, before: "8", after: "8", changed: false },
    ]);
    expect(readScoreSnapshot("not json")).toBeNull();
    expect(readScoreSnapshot(null)).toBeNull();
  });

  it("shows long normalized marks to two decimals", () => {
    expect(shortDecimal("9.691830012")).toBe("9.69");
    expect(shortDecimal("8.995")).toBe("9.00");
    expect(shortDecimal("7.5")).toBe("7.5");
  });
});

describe("where a sign-in lands", () => {
  it("sends a judge to their scoring list and an entrant to their entries, unless a page was asked for", async () => {
    const { landingFor } = await import("../../app/domain/account-schemas");
    expect(landingFor(["judge"], "/")).toBe("/judge");
    expect(landingFor(["entrant"], "/login")).toBe("/me");
    expect(landingFor(["organizer", "judge"], "/")).toBe("/");
    expect(landingFor(["judge"], "/judge/domain/12")).toBe("/judge/domain/12");
  });

  it("sends a partner's person to the partner pages, a judge who is also a partner to judging first", async () => {
    const { landingFor } = await import("../../app/domain/account-schemas");
    expect(landingFor(["partner"], "/")).toBe("/partner");
    expect(landingFor(["partner"], "/login")).toBe("/partner");
    expect(landingFor(["partner", "entrant"], "/")).toBe("/partner");
    expect(landingFor(["judge", "partner"], "/")).toBe("/judge");
    expect(landingFor(["partner"], "/partner/requests")).toBe("/partner/requests");
  });
});
