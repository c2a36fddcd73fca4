// The control room's forgiving commands as pure decisions: lifting a freeze, undoing a ceremony's
// start, reopening scoring for a correction, the pitch timer, the control version that makes a
// stale room's command refused, awards one tier per step, the audience vote and rank arrows.
import { describe, expect, it } from "vitest";
import { awardsInRevealOrder } from "../../app/domain/live-commands";
import {
  applyChange,
  decide,
  initialControl,
  initialPublicState,
  initialTimer,
  seatMarks,
  withMovement,
  type AudienceAward,
  type Command,
  type ControlState,
  type Facts,
  type PublicState,
  type RankingRow,
} from "../../app/domain/live-final";

const ENTRIES = [11, 12, 13, 14, 15, 16];
/** Each entry's result in this made-up final: 16 best, 11 worst, 13 and 14 tied. */
const RESULTS: Record<number, number> = { 11: 70, 12: 75, 13: 80, 14: 80, 15: 85, 16: 90 };
const NOW = Date.UTC(2026, 11, 2, 10, 0, 0);

function rank(ids: readonly number[]): RankingRow[] {
  const sorted = [...ids].sort((a, b) => RESULTS[b]! - RESULTS[a]! || a - b);
  return sorted.map((id) => ({
    entryId: id,
    rank: 1 + sorted.filter((o) => RESULTS[o]! > RESULTS[id]!).length,
    result: `${RESULTS[id]}.00`,
  }));
}

type FactsOptions = { submitted?: number; now?: number; leaders?: AudienceAward | null };
function facts({ submitted = 5, now = NOW, leaders = null }: FactsOptions = {}): Facts {
  return {
    panel: 5,
    submitted,
    progressOf: () => ({ submitted, of: 5 }),
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
    submittedBy: [101, 102, 103, 104, 105].slice(0, submitted),
    now,
    audienceLeaders: () => leaders,
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

type Run = { control: ControlState; state: PublicState; refusals: string[] };
/** Runs commands like the server: decide, then fold the accepted changes into the public state. */
function run(commands: Command[], start?: Run, f: Facts = facts()): Run {
  let { control, state } = start ?? { control: initialControl(1, ENTRIES), state: emptyState() };
  const refusals: string[] = [];
  for (const command of commands) {
    const decision = decide(control, command, f);
    if (!decision.ok) {
      refusals.push(decision.code);
      continue;
    }
    control = decision.control;
    for (const change of decision.changes) state = applyChange(state, state.seq + 1, withMovement(state, change));
  }
  return { control, state, refusals };
}

const pitch = (entryId: number): Command[] => [
  { type: "stage", entryId },
  { type: "open" },
  { type: "close" },
  { type: "reveal" },
];

describe("lifting a freeze", () => {
  it("needs a reason, and puts the results it kept back on the public board", () => {
    const frozen = run([...pitch(11), { type: "freeze" }, ...pitch(16)]);
    expect(frozen.state.sealed).toEqual([16]);
    expect(frozen.state.ranking.map((r) => r.entryId)).toEqual([11]);
    const lifted = run(
      [
        { type: "unfreeze", reason: "  " },
        { type: "unfreeze", reason: "froze too early" },
      ],
      frozen,
    );
    expect(lifted.refusals).toEqual(["live.refusal.reasonRequired"]);
    expect(lifted.control).toMatchObject({ frozen: false, sealed: [] });
    expect(lifted.state.frozen).toBe(false);
    expect(lifted.state.sealed).toEqual([]);
    expect(lifted.state.ranking.map((r) => [r.entryId, r.rank])).toEqual([
      [16, 1],
      [11, 2],
    ]);
    expect(decide(frozen.control, { type: "unfreeze", reason: "why" }, facts())).toMatchObject({
      ok: true,
      audit: { action: "live.freeze_lifted", reason: "why" },
    });
  });

  it("is refused when nothing is frozen and once the ceremony has started", () => {
    expect(run([{ type: "unfreeze", reason: "r" }]).refusals).toEqual(["live.refusal.notFrozen"]);
    const ceremony = run([...pitch(11), { type: "freeze" }, { type: "ceremonyStep" }]);
    expect(ceremony.control.ceremony).toBe("running");
    expect(run([{ type: "unfreeze", reason: "r" }], ceremony).refusals).toEqual(["live.refusal.ceremonyStarted"]);
  });
});

describe("undoing the ceremony's start", () => {
  const card = { kind: "break" as const, title: { zh: "休息", en: "Break" }, body: { zh: "", en: "" } };

  it("puts the stage and the card back where they were, with a reason", () => {
    const before = run([...pitch(11), { type: "freeze" }, { type: "stage", entryId: 12 }, { type: "card", card }]);
    const started = run([{ type: "ceremonyStep" }], before);
    expect(started.state.stage.entryId).toBeNull();
    expect(started.state.card).toBeNull();
    const undone = run(
      [
        { type: "undoCeremonyStart", reason: "" },
        { type: "undoCeremonyStart", reason: "clicked by mistake" },
      ],
      started,
    );
    expect(undone.refusals).toEqual(["live.refusal.reasonRequired"]);
    expect(undone.control).toMatchObject({
      ceremony: "none",
      current: 12,
      phase: "pitching",
      card,
      beforeCeremony: null,
    });
    expect(undone.state.ceremony).toBe("none");
    expect(undone.state.stage).toMatchObject({ entryId: 12, phase: "pitching" });
    expect(undone.state.card).toEqual(card);
    // The final goes on: the next pitch may go on stage again.
    expect(run([{ type: "open" }, { type: "close" }, { type: "reveal" }], undone).refusals).toEqual([]);
  });

  it("is refused after the ceremony's first step and before any ceremony", () => {
    expect(run([{ type: "undoCeremonyStart", reason: "r" }]).refusals).toEqual(["live.refusal.ceremonyStepTaken"]);
    const stepped = run([
      ...pitch(11),
      { type: "freeze" },
      ...pitch(12),
      { type: "ceremonyStep" },
      { type: "ceremonyStep" },
    ]);
    expect(stepped.state.ranking.map((r) => r.entryId)).toContain(12);
    expect(run([{ type: "undoCeremonyStart", reason: "r" }], stepped).refusals).toEqual([
      "live.refusal.ceremonyStepTaken",
    ]);
  });
});

describe("reopening scoring for a correction", () => {
  const closed = () => run([{ type: "stage", entryId: 13 }, { type: "open" }, { type: "close" }]);

  it("reopens for every judge who submitted, with the reason, and the public stage shows scoring again", () => {
    const reopened = run([{ type: "reopen", reason: "rubric read out wrong" }], closed());
    expect(reopened.refusals).toEqual([]);
    expect(reopened.control.phase).toBe("scoring");
    expect(reopened.control.reopened).toEqual({
      judgeIds: [101, 102, 103, 104, 105],
      revised: [],
      reason: "rubric read out wrong",
    });
    expect(reopened.state.stage).toMatchObject({ entryId: 13, phase: "scoring", submitted: 5, of: 5 });
    expect(decide(closed().control, { type: "reopen", reason: "r" }, facts())).toMatchObject({
      audit: { action: "live.scoring_reopened", reason: "r" },
    });
  });

  it("reopens for one judge, and closing again ends the correction", () => {
    const one = run([{ type: "reopen", judgeId: 102, reason: "typo" }], closed());
    expect(one.control.reopened).toEqual({ judgeIds: [102], revised: [], reason: "typo" });
    expect(run([{ type: "close" }], one).control).toMatchObject({ phase: "closed", reopened: null });
  });

  it("refuses a judge who did not submit, a missing reason, and a stage that is not closed", () => {
    const short = run(
      [{ type: "stage", entryId: 13 }, { type: "open" }, { type: "close", reason: "left" }],
      undefined,
      facts({ submitted: 3 }),
    );
    expect(short.refusals).toEqual([]);
    expect(run([{ type: "reopen", judgeId: 105, reason: "typo" }], short, facts({ submitted: 3 })).refusals).toEqual([
      "live.refusal.judgeNotSubmitted",
    ]);
    expect(run([{ type: "reopen", reason: " " }], closed()).refusals).toEqual(["live.refusal.reasonRequired"]);
    const open = run([{ type: "stage", entryId: 13 }, { type: "open" }]);
    expect(run([{ type: "reopen", reason: "typo" }], open).refusals).toEqual(["live.refusal.notClosed"]);
    expect(run([...pitch(13), { type: "reopen", reason: "typo" }]).refusals).toEqual(["live.refusal.notClosed"]);
    // After undoing the reveal the stage is closed again, and a correction may begin.
    const undone = run([...pitch(13), { type: "undoReveal", reason: "typo" }, { type: "reopen", reason: "typo" }]);
    expect(undone.refusals).toEqual([]);
    expect(undone.state.ranking).toEqual([]);
  });
});

describe("the pitch timer", () => {
  it("starts, pauses with the time run kept, and resets, on the server's clock", () => {
    const started = run([{ type: "timer", action: "start" }], undefined, facts({ now: NOW }));
    expect(started.state.timer).toEqual({ durationMs: 360_000, elapsedMs: 0, startedAt: NOW });
    const paused = run(
      [
        { type: "timer", action: "start" },
        { type: "timer", action: "pause" },
      ],
      started,
      facts({ now: NOW + 90_000 }),
    );
    expect(paused.refusals).toEqual(["live.refusal.timerRunning"]);
    expect(paused.state.timer).toEqual({ durationMs: 360_000, elapsedMs: 90_000, startedAt: null });
    const again = run(
      [
        { type: "timer", action: "pause" },
        { type: "timer", action: "start" },
      ],
      paused,
      facts({ now: NOW + 100_000 }),
    );
    expect(again.refusals).toEqual(["live.refusal.timerNotRunning"]);
    expect(again.state.timer).toEqual({ durationMs: 360_000, elapsedMs: 90_000, startedAt: NOW + 100_000 });
    // A pause long past the end keeps the timer at its end, not beyond.
    const over = run([{ type: "timer", action: "pause" }], again, facts({ now: NOW + 10_000_000 }));
    expect(over.state.timer.elapsedMs).toBe(360_000);
    const reset = run([{ type: "timer", action: "reset", seconds: 300 }], over);
    expect(reset.state.timer).toEqual(initialTimer(300));
    expect(reset.control.pitchSeconds).toBe(300);
    // The next pitch starts with the new length.
    expect(
      run(
        [
          { type: "timer", action: "start" },
          { type: "stage", entryId: 11 },
        ],
        reset,
      ).state.timer,
    ).toEqual(initialTimer(300));
  });

  it("stops where it is when scoring opens", () => {
    const running = run(
      [
        { type: "stage", entryId: 11 },
        { type: "timer", action: "start" },
      ],
      undefined,
      facts({ now: NOW }),
    );
    const open = run([{ type: "open" }], running, facts({ now: NOW + 45_000 }));
    expect(open.state.timer).toEqual({ durationMs: 360_000, elapsedMs: 45_000, startedAt: null });
  });
});

describe("the control version", () => {
  it("rises by one with every accepted command and stays on a refusal", () => {
    let control = initialControl(1, ENTRIES);
    const commands: Command[] = [
      { type: "stage", entryId: 11 },
      { type: "reveal" },
      { type: "open" },
      { type: "timer", action: "pause" },
      { type: "close" },
      { type: "reopen", reason: "" },
      { type: "reveal" },
      { type: "revealMode", mode: "stepwise" },
    ];
    const versions: number[] = [];
    for (const command of commands) {
      const decision = decide(control, command, facts());
      if (decision.ok) control = decision.control;
      versions.push(control.version);
    }
    expect(versions).toEqual([1, 1, 2, 2, 3, 3, 4, 5]);
  });
});

describe("awards, one tier per ceremony step", () => {
  it("reveals third, runner-up and champion in turn, a shared tier as one step, an empty tier skipped", () => {
    const everyone = ENTRIES.flatMap(pitch);
    const frozen = run([...everyone, { type: "freeze" }]);
    // No result is sealed, so after the start each step shows one award tier.
    const steps: PublicState["awards"][] = [];
    let at = run([{ type: "ceremonyStep" }], frozen);
    for (let i = 0; i < 3; i++) {
      at = run([{ type: "ceremonyStep" }], at);
      steps.push(at.state.awards);
    }
    expect(steps.map((a) => a!.map((t) => [t.tier, t.entryIds]))).toEqual([
      [["third", [13, 14]]],
      [
        ["third", [13, 14]],
        ["runnerUp", [15]],
      ],
      [
        ["third", [13, 14]],
        ["runnerUp", [15]],
        ["champion", [16]],
      ],
    ]);
    expect(at.state.ceremony).toBe("done");
    expect(at.control.frozen).toBe(false);
    expect(run([{ type: "ceremonyStep" }], at).refusals).toEqual(["live.refusal.ceremonyOver"]);
  });

  it("skips an empty tier and puts the tracks' best first", () => {
    const ranking = rank(ENTRIES);
    const order = awardsInRevealOrder(ranking, { awardCounts: [1, 0, 1], trackTop: 1 }, (id) =>
      id % 2 ? "QI" : "BCI",
    );
    expect(order.map((t) => [t.tier, t.entryIds])).toEqual([
      ["trackTop", [16]],
      ["trackTop", [15]],
      ["third", [15]],
      ["champion", [16]],
    ]);
  });
});

describe("the audience vote", () => {
  it("opens and closes once each way, and its award waits for voting to close and needs a vote", () => {
    const leaders = { entryIds: [12], votes: 40 };
    const open = run([
      { type: "voting", voting: "open" },
      { type: "voting", voting: "open" },
    ]);
    expect(open.refusals).toEqual(["live.refusal.votingUnchanged"]);
    expect(open.state.voting).toBe("open");
    expect(run([{ type: "audienceAward", show: true }], open, facts({ leaders })).refusals).toEqual([
      "live.refusal.votingOpen",
    ]);
    const closed = run([{ type: "voting", voting: "closed" }], open);
    expect(run([{ type: "audienceAward", show: true }], closed, facts({ leaders: null })).refusals).toEqual([
      "live.refusal.noVotes",
    ]);
    const shown = run([{ type: "audienceAward", show: true }], closed, facts({ leaders }));
    expect(shown.state.audienceAward).toEqual(leaders);
    // The jury's ranking is untouched by the audience's award.
    expect(shown.state.ranking).toEqual(closed.state.ranking);
    expect(run([{ type: "audienceAward", show: false }], shown).state.audienceAward).toBeNull();
  });
});

describe("rank movement", () => {
  it("gives each row of a new ranking the rank it had before, null for a row new to the board", () => {
    const two = run([...pitch(11), ...pitch(12)]);
    expect(two.state.ranking.map((r) => [r.entryId, r.rank, r.previousRank])).toEqual([
      [12, 1, null],
      [11, 2, 1],
    ]);
    const three = run(pitch(16), two);
    expect(three.state.ranking.map((r) => [r.entryId, r.rank, r.previousRank])).toEqual([
      [16, 1, null],
      [12, 2, 1],
      [11, 3, 2],
    ]);
    // A change without a ranking passes through as it was.
    const card = { type: "card" as const, card: null };
    expect(withMovement(three.state, card)).toBe(card);
  });
});
