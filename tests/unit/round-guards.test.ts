// The guardrails' arithmetic: scores waiting per judge, the publish plan (line-up per unit, the next
// round filled, refilled or kept) and the confirmations each step asks for.
import { describe, expect, it } from "vitest";
import {
  closeRefusal,
  needsNextConfirmation,
  pendingScores,
  publishPlan,
  publishRefusal,
  unpublishRefusal,
  type AssignedPair,
  type NextRoundFacts,
  type PlanEntry,
} from "../../app/domain/round-guards";

const pair = (judgeId: number, judgeName: string, entryId: number, score: AssignedPair["score"]): AssignedPair => ({
  judgeId,
  judgeName,
  entryId,
  entryCode: `E-${entryId}`,
  titleZh: null,
  titleEn: `Entry ${entryId}`,
  score,
});

const entry = (id: number, unit: string | null, rank: number | null, extra: Partial<PlanEntry> = {}): PlanEntry => ({
  entryId: id,
  code: `E-${String(id).padStart(2, "0")}`,
  titleZh: null,
  titleEn: `Entry ${id}`,
  organization: `Org ${id}`,
  unit,
  rank,
  result: rank === null ? null : String(10 - rank),
  judgesCounted: rank === null ? 0 : 3,
  state: "in",
  source: "rule",
  reason: null,
  ...extra,
});

const rule = { judgesPerEntry: 3, dropHighest: 1, dropLowest: 1, advanceCount: 2, advancePerOrganization: null };
const none = { drafts: 0, missing: 0 };

function next(entries: { id: number; judged?: boolean }[], status: NextRoundFacts["status"] = "draft"): NextRoundFacts {
  return {
    id: 99,
    slug: "next",
    nameZh: "下一轮",
    nameEn: "Next",
    status,
    entries: entries.map((e) => ({
      entryId: e.id,
      code: `E-${String(e.id).padStart(2, "0")}`,
      titleZh: null,
      titleEn: null,
      judged: e.judged ?? false,
    })),
    assignments: entries.filter((e) => e.judged).length,
    scores: 0,
  };
}

describe("the scores a round still waits for", () => {
  it("names each judge with their drafts and missing scores, most waiting first, and skips submitted ones", () => {
    const pending = pendingScores([
      pair(1, "Ada", 10, "submitted"),
      pair(1, "Ada", 11, "draft"),
      pair(2, "Bo", 10, null),
      pair(2, "Bo", 11, null),
      pair(2, "Bo", 12, "draft"),
    ]);
    expect(pending).toMatchObject({ drafts: 2, missing: 2 });
    expect(pending.judges).toEqual([
      { judgeId: 2, judgeName: "Bo", drafts: 1, missing: 2 },
      { judgeId: 1, judgeName: "Ada", drafts: 1, missing: 0 },
    ]);
    expect(pending.entries.map((e) => [e.code, e.drafts, e.missing])).toEqual([
      ["E-10", 0, 1],
      ["E-11", 1, 1],
      ["E-12", 1, 0],
    ]);
  });

  it("asks for a confirmation to close only while scores wait", () => {
    expect(closeRefusal(none, false)).toBeNull();
    expect(closeRefusal({ drafts: 1, missing: 0 }, true)).toBeNull();
    expect(closeRefusal({ drafts: 1, missing: 2 }, false)).toMatchObject({
      kind: "invalid",
      field: "confirm",
      params: { drafts: 1, missing: 2 },
    });
  });
});

describe("the publish plan", () => {
  it("advances the top N per unit and names the last in and the first out", () => {
    const plan = publishPlan(
      rule,
      [entry(1, "group:1", 1), entry(2, "group:1", 2), entry(3, "group:1", 3), entry(4, "group:2", 1)],
      none,
      null,
    );
    expect(plan.advancing).toEqual([1, 2, 4]);
    expect(plan.units).toEqual([
      expect.objectContaining({ unit: "group:1", advancing: 2, lastIn: expect.objectContaining({ entryId: 2 }) }),
      expect.objectContaining({ unit: "group:2", advancing: 1, firstOut: null }),
    ]);
    expect(plan.units[0]!.firstOut).toMatchObject({ entryId: 3, why: "rank" });
    expect(plan.decisions).toContainEqual({ entryId: 3, state: "eliminated" });
  });

  it("keeps organizers' decisions and says when the cap passed an entry over", () => {
    const plan = publishPlan(
      { ...rule, advancePerOrganization: 1 },
      [
        entry(1, "group:1", 1, { organization: "Same" }),
        entry(2, "group:1", 2, { organization: "Same" }),
        entry(3, "group:1", 3),
        entry(4, "group:1", 4, { state: "advanced", source: "organizer", reason: "jury's wildcard" }),
      ],
      none,
      null,
    );
    expect(plan.advancing).toEqual([1, 3, 4]);
    expect(plan.units[0]!.firstOut).toMatchObject({ entryId: 2, why: "cap" });
    expect(plan.overrides).toEqual([
      expect.objectContaining({ entryId: 4, state: "advanced", reason: "jury's wildcard" }),
    ]);
  });

  it("counts entries without scores, short of judges, and with too few marks to rank", () => {
    const plan = publishPlan(
      rule,
      [
        entry(1, "all", 1),
        entry(2, "all", 2, { judgesCounted: 2 }),
        entry(3, "all", null),
        entry(4, "all", null, { judgesCounted: 1 }),
      ],
      { drafts: 1, missing: 3 },
      null,
    );
    expect(plan).toMatchObject({ entries: 4, noScore: 1, shortOfJudges: 3, tooFewToRank: 3 });
  });

  it("fills an empty next round, refills one holding entries, and keeps one that has started", () => {
    const entries = [entry(1, "all", 1), entry(2, "all", 2), entry(3, "all", 3)];
    const fill = publishPlan(rule, entries, none, next([]));
    expect(fill.next).toMatchObject({ mode: "fill", before: 0, after: 2 });
    expect(needsNextConfirmation(fill.next)).toBe(false);

    const refill = publishPlan(rule, entries, none, next([{ id: 2 }, { id: 3 }]));
    expect(refill.next).toMatchObject({ mode: "refill", before: 2, after: 2, blocked: [] });
    expect(refill.next!.added.map((e) => e.entryId)).toEqual([1]);
    expect(refill.next!.removed.map((e) => e.entryId)).toEqual([3]);
    expect(needsNextConfirmation(refill.next)).toBe(true);

    const keep = publishPlan(rule, entries, none, next([{ id: 3 }], "open"));
    expect(keep.next).toMatchObject({ mode: "keep", before: 1, after: 1 });
    expect(needsNextConfirmation(keep.next)).toBe(true);
  });

  it("blocks removing an entry judges work on in the next round", () => {
    const plan = publishPlan(rule, [entry(1, "all", 1), entry(2, "all", 2)], none, next([{ id: 7, judged: true }]));
    expect(plan.next!.blocked.map((e) => e.entryId)).toEqual([7]);
    expect(publishRefusal(plan, { checked: true, confirmNext: true })).toMatchObject({
      kind: "conflict",
      code: "guards.publish.wouldRemoveJudged",
      field: "nextRound",
      params: { count: 1, codes: "E-07" },
    });
  });
});

describe("publishing's confirmations", () => {
  const entries = [entry(1, "all", 1), entry(2, "all", 2)];

  it("with scores missing, needs the number typed and a reason, each at its field", () => {
    const plan = publishPlan(rule, entries, { drafts: 2, missing: 3 }, null);
    expect(publishRefusal(plan, { checked: true })).toMatchObject({
      kind: "invalid",
      field: "typedCount",
      fields: { typedCount: ["guards.publish.typeCount"], reason: ["guards.publish.reasonNeeded"] },
      params: { count: 5 },
    });
    expect(publishRefusal(plan, { checked: true, typedCount: "4", reason: "late jury" })).toMatchObject({
      field: "typedCount",
    });
    expect(publishRefusal(plan, { checked: true, typedCount: " 5 ", reason: "late jury" })).toBeNull();
  });

  it("refuses a confirmation given to an older preview", () => {
    const plan = publishPlan(rule, entries, none, null);
    // A late score put entry 3 ahead of entry 2: another line-up.
    const other = publishPlan(rule, [entry(1, "all", 2), entry(2, "all", 3), entry(3, "all", 1)], none, null);
    expect(other.fingerprint).not.toBe(plan.fingerprint);
    expect(publishRefusal(plan, { checked: true, fingerprint: other.fingerprint })).toMatchObject({
      code: "guards.publish.planChanged",
    });
    expect(publishRefusal(plan, { checked: true, fingerprint: plan.fingerprint })).toBeNull();
  });

  it("needs the next round's change confirmed and the ranking checked", () => {
    const plan = publishPlan(rule, entries, none, next([{ id: 9 }]));
    expect(publishRefusal(plan, {})).toMatchObject({
      fields: { confirm: ["results.confirmPublish"], confirmNext: ["guards.publish.confirmNext"] },
    });
    expect(publishRefusal(plan, { checked: true, confirmNext: true })).toBeNull();
  });
});

describe("unpublishing", () => {
  it("is allowed with a reason while the next round is an untouched draft", () => {
    const draft = { status: "draft" as const, assignments: 0, scores: 0 };
    expect(unpublishRefusal({ next: draft }, "wrong rule")).toBeNull();
    expect(unpublishRefusal({ next: null }, "wrong rule")).toBeNull();
    expect(unpublishRefusal({ next: draft }, " ")).toMatchObject({ kind: "invalid", field: "reason" });
    expect(unpublishRefusal({ next: { ...draft, status: "open" } }, "x")).toMatchObject({
      kind: "conflict",
      code: "guards.unpublish.nextOpened",
    });
    expect(unpublishRefusal({ next: { ...draft, assignments: 9 } }, "x")).toMatchObject({
      code: "guards.unpublish.nextJudged",
    });
  });
});
