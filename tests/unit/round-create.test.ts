// What a new round starts from and where it may go: defaults by kind, a default rubric that adds
// up, positions without gaps, and which rounds may still be deleted or moved.
import { describe, expect, it } from "vitest";
import {
  defaultRubric,
  isUntouched,
  nextPosition,
  roundCreateSchema,
  roundDefaults,
  setupChecks,
  swapPosition,
  type RoundFootprint,
} from "../../app/domain/round-create";
import { roundSettingsSchemaIn, rubricSchema } from "../../app/domain/round-settings";
import { formatMilli } from "../../app/domain/score-sheet";

const empty: RoundFootprint = { status: "draft", entries: 0, assignments: 0, scores: 0, results: 0, live: false };

describe("a new round's defaults", () => {
  it("are a rule the round page's own schema accepts, for either kind", () => {
    for (const kind of ["online", "stage"] as const) {
      const d = roundDefaults(kind);
      const parsed = roundSettingsSchemaIn("Asia/Shanghai").safeParse({
        nameZh: "轮次",
        nameEn: "Round",
        kind,
        ...Object.fromEntries(Object.entries(d).map(([k, v]) => [k, String(v)])),
        tieBreak1: d.tieBreaks[0],
        tieBreak2: d.tieBreaks[1],
      });
      expect(parsed.success, kind).toBe(true);
    }
  });

  it("rank a live final across the competition, with nobody advancing from it", () => {
    expect(roundDefaults("stage")).toMatchObject({ scope: "all", advanceCount: 0 });
    expect(roundDefaults("online")).toMatchObject({ scope: "group", judgesPerEntry: 5 });
  });

  it("give a rubric of four criteria named in both languages whose weights add up to 100%", () => {
    for (const kind of ["online", "stage"] as const) {
      const rubric = defaultRubric(kind);
      expect(rubric).toHaveLength(4);
      expect(rubric.every((c) => c.nameZh && c.nameEn)).toBe(true);
      expect(rubric.reduce((sum, c) => sum + c.weightBp, 0)).toBe(10_000);
      // The same rubric, as the round page's form would post it, passes that page's schema.
      const form = rubric.map((c) => ({
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        weight: formatMilli(c.weightBp * 10),
        max: formatMilli(c.maxMilli),
        step: formatMilli(c.stepMilli),
      }));
      expect(rubricSchema.safeParse({ criteria: form }).success, kind).toBe(true);
    }
  });
});

describe("where a new round goes", () => {
  it("is right after the last round, or first in an empty edition", () => {
    expect(nextPosition([])).toBe(1);
    expect(nextPosition([1, 2, 3])).toBe(4);
  });

  it("reads the slug in lowercase and refuses one that is not a-z, 0-9 and hyphens", () => {
    expect(roundCreateSchema.parse({ slug: " Semi-Final " }).slug).toBe("semi-final");
    const bad = roundCreateSchema.safeParse({ slug: "semi final" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["slug"], message: "roundCreate.slugInvalid" });
    expect(roundCreateSchema.safeParse({ slug: "" }).error?.issues[0]?.message).toBe("validation.required");
  });

  it("needs the round to copy when the rubric is to be copied", () => {
    const parsed = roundCreateSchema.safeParse({ slug: "final", rubric: "copy" });
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["copyFrom"], message: "roundCreate.copyFromRequired" });
    expect(roundCreateSchema.parse({ slug: "final", rubric: "copy", copyFrom: "regional" })).toMatchObject({
      rubric: "copy",
      copyFrom: "regional",
    });
    expect(roundCreateSchema.parse({ slug: "final", position: "" }).position).toBeUndefined();
    expect(roundCreateSchema.parse({ slug: "final", position: "3" }).position).toBe(3);
  });
});

describe("deleting and moving rounds", () => {
  it("is for drafts nothing depends on: no entries, judges, scores, results or live final", () => {
    expect(isUntouched(empty)).toBe(true);
    expect(isUntouched({ ...empty, status: "open" })).toBe(false);
    expect(isUntouched({ ...empty, entries: 1 })).toBe(false);
    expect(isUntouched({ ...empty, assignments: 1 })).toBe(false);
    expect(isUntouched({ ...empty, scores: 1 })).toBe(false);
    expect(isUntouched({ ...empty, live: true })).toBe(false);
  });

  it("swaps a round with its neighbour only when both are untouched", () => {
    const rounds = [
      { position: 1, untouched: false },
      { position: 2, untouched: true },
      { position: 3, untouched: true },
    ];
    expect(swapPosition(rounds, 3, "up")).toBe(2);
    expect(swapPosition(rounds, 2, "down")).toBe(3);
    expect(swapPosition(rounds, 2, "up")).toBeNull();
    expect(swapPosition(rounds, 3, "down")).toBeNull();
  });
});

describe("what the rounds page asks to look at", () => {
  it("names a rubric that does not add up, a round advancing nobody before another, and two stage rounds", () => {
    const checks = setupChecks([
      { slug: "one", position: 1, kind: "online", advanceCount: 0, weightBp: 9000 },
      { slug: "two", position: 2, kind: "stage", advanceCount: 0, weightBp: 10_000 },
      { slug: "three", position: 3, kind: "stage", advanceCount: 0, weightBp: 10_000 },
    ]);
    expect(checks).toEqual([
      { code: "roundCreate.check.rubric", params: { round: "one", percent: 90 } },
      { code: "roundCreate.check.noneAdvance", params: { round: "one" } },
      { code: "roundCreate.check.noneAdvance", params: { round: "two" } },
      { code: "roundCreate.check.twoStages", params: {} },
    ]);
    expect(setupChecks([{ slug: "final", position: 1, kind: "stage", advanceCount: 0, weightBp: 10_000 }])).toEqual([]);
  });
});
