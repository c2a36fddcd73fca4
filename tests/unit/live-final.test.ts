// The live final's rules as pure functions: what the control room may do when, what the public
// sees during a freeze, the ceremony's bottom-up reveal, and award tiers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyChange,
  awardTiers,
  decide,
  initialControl,
  initialPublicState,
  seatMarks,
  type Command,
  type ControlState,
  type Facts,
  type PublicState,
  type RankingRow,
} from "../../app/domain/live-final";

const ENTRIES = [11, 12, 13, 14, 15, 16];
/** Each entry's result in this made-up final: 16 best, 11 worst, 13 and 14 tied. */
const RESULTS: Record<number, number> = { 11: 70, 12: 75, 13: 80, 14: 80, 15: 85, 16: 90 };

function rank(ids: readonly number[]): RankingRow[] {
  const sorted = [...ids].sort((a, b) => RESULTS[b]! - RESULTS[a]! || a - b);
  return sorted.map((id) => ({
    entryId: id,
    rank: 1 + sorted.filter((o) => RESULTS[o]! > RESULTS[id]!).length,
    result: `${RESULTS[id]}.00`,
  }));
}

/** The server's clock in these decisions (the pitch timer reads it). */
const NOW = Date.UTC(2026, 11, 2, 10, 0, 0);

function facts(submitted = 5, panel = 5): Facts {
  return {
    panel,
    submitted,
    progressOf: () => ({ submitted, of: panel }),
    minMarks: 3,
    reveal: (entryId) => ({
      entryId,
      result: `${RESULTS[entryId]}.00`,
      marks: seatMarks(
        [1, 2, 3, 4, 5].map((seat) => ({ seat, mark: String(RESULTS[entryId]! + seat - 3) })),
        { dropHighest: 1, dropLowest: 1 },
      ),
    }),
    rank,
    trackOf: (entryId) => (entryId % 2 ? "QI" : "BCI"),
    submittedBy: [1, 2, 3, 4, 5].slice(0, submitted),
    now: NOW,
    audienceLeaders: () => null,
  };
}

function emptyState(): PublicState {
  return initialPublicState(
    { slug: "final", name: { zh: "决赛", en: "Final" }, panel: 5 },
    ENTRIES.map((id) => ({
      id,
      code: `E-${id}`,
      title: { zh: `项目${id}`, en: `Entry ${id}` },
      organization: "Org",
      country: "CN",
      team: [],
      group: { zh: "组", en: "Group" },
      track: { zh: "赛道", en: "Track" },
    })),
  );
}

/** Runs commands like the server: decide, then fold the accepted changes into the public state. */
function run(
  commands: Command[],
  start = { control: initialControl(1, ENTRIES), state: emptyState() },
  f: (c: ControlState) => Facts = () => facts(),
) {
  let { control, state } = start;
  const refusals: string[] = [];
  for (const command of commands) {
    const decision = decide(control, command, f(control));
    if (!decision.ok) {
      refusals.push(decision.code);
      continue;
    }
    control = decision.control;
    for (const change of decision.changes) state = applyChange(state, state.seq + 1, change);
  }
  return { control, state, refusals };
}

const pitch = (entryId: number): Command[] => [
  { type: "stage", entryId },
  { type: "open" },
  { type: "close" },
  { type: "reveal" },
];

describe("the control room's steps", () => {
  it("plays a pitch: on stage, scoring opens, closes, and the reveal puts the entry in the public ranking with its marks", () => {
    const { state, refusals } = run(pitch(13));
    expect(refusals).toEqual([]);
    expect(state.stage).toMatchObject({ entryId: 13, phase: "revealed" });
    expect(state.ranking).toEqual([{ entryId: 13, rank: 1, result: "80.00" }]);
    expect(state.reveal!.marks.filter((m) => m.dropped).map((m) => m.seat)).toEqual([1, 5]);
  });

  it("refuses a reveal before scoring closed, and another entry on stage while scoring is open", () => {
    const { refusals, state } = run([
      { type: "stage", entryId: 11 },
      { type: "reveal" },
      { type: "open" },
      { type: "stage", entryId: 12 },
      { type: "reveal" },
    ]);
    expect(refusals).toEqual(["live.refusal.notClosed", "live.refusal.scoringInProgress", "live.refusal.notClosed"]);
    expect(state.ranking).toEqual([]);
  });

  it("closes with fewer marks only where the rule allows it and only with a reason", () => {
    const start = run([{ type: "stage", entryId: 11 }, { type: "open" }]);
    expect(decide(start.control, { type: "close" }, facts(2))).toEqual({
      ok: false,
      kind: "conflict",
      code: "live.refusal.tooFewMarks",
    });
    expect(decide(start.control, { type: "close" }, facts(4))).toEqual({
      ok: false,
      kind: "invalid",
      code: "live.refusal.reasonRequired",
    });
    const closed = decide(start.control, { type: "close", reason: "judge 5's phone died" }, facts(4));
    expect(closed).toMatchObject({
      ok: true,
      audit: { action: "live.scoring_closed", reason: "judge 5's phone died" },
    });
  });

  it("undoes only the last reveal, only while its entry is on stage, and only with a reason", () => {
    const after = run([...pitch(12), ...pitch(15)]);
    expect(decide(after.control, { type: "undoReveal", reason: " " }, facts())).toEqual({
      ok: false,
      kind: "invalid",
      code: "live.refusal.reasonRequired",
    });
    const undone = run([{ type: "undoReveal", reason: "wrong entry revealed" }], after);
    expect(undone.refusals).toEqual([]);
    expect(undone.state.ranking.map((r) => r.entryId)).toEqual([12]);
    expect(undone.state.stage).toMatchObject({ entryId: 15, phase: "closed" });
    // The next step makes the reveal final: on to another entry, nothing to undo.
    const moved = run(
      [{ type: "reveal" }, { type: "stage", entryId: 11 }, { type: "undoReveal", reason: "too late" }],
      undone,
    );
    expect(moved.refusals).toEqual(["live.refusal.nothingToUndo"]);
  });

  it("accepts a new pitch order only when it lists every finalist exactly once", () => {
    const { control } = run([]);
    expect(decide(control, { type: "reorder", order: [12, 11, 13, 14, 15] }, facts())).toEqual({
      ok: false,
      kind: "invalid",
      code: "live.refusal.badOrder",
    });
    expect(decide(control, { type: "reorder", order: [12, 12, 13, 14, 15, 16] }, facts())).toEqual({
      ok: false,
      kind: "invalid",
      code: "live.refusal.badOrder",
    });
    const reordered = run([{ type: "reorder", order: [16, 15, 14, 13, 12, 11] }]);
    expect(reordered.state.entries.map((e) => e.id)).toEqual([16, 15, 14, 13, 12, 11]);
  });
});

describe("freeze and ceremony", () => {
  const frozenFinal = () =>
    run([...pitch(11), ...pitch(13), { type: "freeze" }, ...pitch(16), ...pitch(12), ...pitch(15)]);

  it("keeps results revealed after the freeze off the public board, while the control state has them", () => {
    const { state, control } = frozenFinal();
    expect(state.frozen).toBe(true);
    expect(state.ranking.map((r) => r.entryId)).toEqual([13, 11]);
    expect(state.sealed).toEqual([16, 12, 15]);
    expect(state.reveal).toBeNull();
    expect(control.revealed).toEqual([11, 13, 16, 12, 15]);
  });

  it("reveals the sealed results one step at a time from the bottom up, then the awards third → runner-up → champion, and thaws the board", () => {
    const frozen = frozenFinal();
    const steps: number[] = [];
    let current = run([{ type: "awards", counts: [1, 1, 2] }, { type: "ceremonyStep" }], frozen);
    expect(current.state.ceremony).toBe("running");
    for (let i = 0; i < 3; i++) {
      current = run([{ type: "ceremonyStep" }], current);
      steps.push(current.state.reveal!.entryId);
    }
    expect(steps).toEqual([12, 15, 16]);
    const tiers: string[][] = [];
    for (let i = 0; i < 3; i++) {
      expect(current.state.ceremony).toBe("running");
      current = run([{ type: "ceremonyStep" }], current);
      tiers.push(current.state.awards!.map((a) => a.tier));
    }
    expect(tiers).toEqual([["third"], ["third", "runnerUp"], ["third", "runnerUp", "champion"]]);
    expect(current.state.ceremony).toBe("done");
    expect(current.state.frozen).toBe(false);
    expect(current.state.ranking.map((r) => r.entryId)).toEqual([16, 15, 13, 12, 11]);
    expect(current.state.awards).toEqual([
      { tier: "third", entryIds: [13, 12] },
      { tier: "runnerUp", entryIds: [15] },
      { tier: "champion", entryIds: [16] },
    ]);
    expect(run([{ type: "ceremonyStep" }], current).refusals).toEqual(["live.refusal.ceremonyOver"]);
  });

  it("adds the top N of each track to the awards when configured ahead of the ceremony, ties sharing", () => {
    const done = run(
      [
        { type: "awards", counts: [1, 1, 1], trackTop: 2 },
        ...Array.from({ length: 9 }, (): Command => ({ type: "ceremonyStep" })),
      ],
      frozenFinal(),
    );
    expect(done.refusals).toEqual([]);
    expect(done.state.ceremony).toBe("done");
    // Each track's best is one step, before the three tiers.
    expect(done.state.awards!.map((a) => a.tier)).toEqual(["trackTop", "trackTop", "third", "runnerUp", "champion"]);
    expect(done.state.awards!.filter((a) => a.tier === "trackTop")).toEqual([
      // Odd ids are QI (15 85, 13 80, 11 70), even ids BCI (16 90, 12 75): best track first.
      { tier: "trackTop", track: "BCI", entryIds: [16, 12] },
      { tier: "trackTop", track: "QI", entryIds: [15, 13] },
    ]);
  });

  it("handles an entry hidden after the freeze without breaking the reveal", () => {
    const hidden = run(
      [
        { type: "hide", entryId: 15, reason: "withdrawn by the team" },
        ...Array.from({ length: 6 }, (): Command => ({ type: "ceremonyStep" })),
      ],
      frozenFinal(),
    );
    expect(hidden.refusals).toEqual([]);
    expect(hidden.state.ceremony).toBe("done");
    expect(hidden.state.entries.map((e) => e.id)).not.toContain(15);
    expect(hidden.state.ranking.map((r) => r.entryId)).toEqual([16, 13, 12, 11]);
    expect(hidden.state.awards!.at(-1)).toEqual({ tier: "champion", entryIds: [16] });
  });

  it("refuses the ceremony before a freeze, and a freeze twice", () => {
    expect(run([{ type: "ceremonyStep" }]).refusals).toEqual(["live.refusal.notFrozen"]);
    expect(run([{ type: "freeze" }, { type: "freeze" }]).refusals).toEqual(["live.refusal.alreadyFrozen"]);
  });

  it("never shows a sealed result on the public board, whatever the organizer does in whatever order", () => {
    const command: fc.Arbitrary<Command> = fc.oneof(
      fc.constantFrom(...ENTRIES).map((entryId): Command => ({ type: "stage", entryId })),
      fc.constant<Command>({ type: "open" }),
      fc.constant<Command>({ type: "close" }),
      fc.constant<Command>({ type: "reveal" }),
      fc.constant<Command>({ type: "undoReveal", reason: "mistake" }),
      fc.constant<Command>({ type: "freeze" }),
      fc.constant<Command>({ type: "ceremonyStep" }),
      fc.constantFrom(...ENTRIES).map((entryId): Command => ({ type: "hide", entryId, reason: "withdrawn" })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        const { state, control } = run(commands);
        const publicIds = new Set(state.ranking.map((r) => r.entryId));
        for (const id of control.sealed) expect(publicIds.has(id)).toBe(false);
        expect(state.sealed).toEqual(control.sealed);
        // Everything revealed and not sealed is on the board, ranked as the rule ranks it.
        expect(state.ranking).toEqual(rank(control.revealed.filter((id) => !control.sealed.includes(id))));
        for (const id of control.hidden) expect(state.entries.some((e) => e.id === id)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("award tiers and struck marks", () => {
  it("lets a tie at a tier's edge share the tier", () => {
    const ranking: RankingRow[] = [
      { entryId: 1, rank: 1, result: "9" },
      { entryId: 2, rank: 1, result: "9" },
      { entryId: 3, rank: 3, result: "8" },
      { entryId: 4, rank: 4, result: "7" },
      { entryId: 5, rank: null, result: null },
    ];
    expect(awardTiers(ranking, [1, 1, 1])).toEqual([
      { tier: "champion", entryIds: [1, 2] },
      { tier: "runnerUp", entryIds: [3] },
      { tier: "third", entryIds: [4] },
    ]);
  });

  it("strikes exactly the rule's number of highest and lowest marks, one seat each even when marks are equal", () => {
    const marks = seatMarks(
      [
        { seat: 1, mark: "8" },
        { seat: 2, mark: "8" },
        { seat: 3, mark: "9" },
        { seat: 4, mark: "8" },
      ],
      { dropHighest: 1, dropLowest: 1 },
    );
    expect(marks.filter((m) => m.dropped).map((m) => m.seat)).toEqual([1, 3]);
    expect(seatMarks([{ seat: 1, mark: "5" }], { dropHighest: 0, dropLowest: 0 })).toEqual([
      { seat: 1, mark: "5", dropped: false },
    ]);
  });
});
