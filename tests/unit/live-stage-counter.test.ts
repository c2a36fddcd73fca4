// The hall's counter of judges who have scored ("n of N") belongs to the entry on stage: a new
// pitch starts at 0 of its own panel, never with the last pitch's "9 of 9".
import { describe, expect, it } from "vitest";
import {
  applyChange,
  decide,
  initialControl,
  initialPublicState,
  type Command,
  type ControlState,
  type Facts,
  type PublicState,
} from "../../app/domain/live-final";

const ENTRIES = [21, 22, 23];
/** Entry 22's panel is one short (a judge's conflict); the others have nine seats. */
const PANEL: Record<number, number> = { 21: 9, 22: 8, 23: 9 };

/** What the server knows: who has submitted for which entry so far. */
function factsOf(control: ControlState, submittedBy: Map<number, number>): Facts {
  const progressOf = (entryId: number) => ({ submitted: submittedBy.get(entryId) ?? 0, of: PANEL[entryId] ?? 0 });
  const current = control.current;
  return {
    panel: current === null ? 9 : progressOf(current).of,
    submitted: current === null ? 0 : progressOf(current).submitted,
    progressOf,
    minMarks: 3,
    reveal: (entryId) => ({ entryId, result: "8.00", marks: [] }),
    rank: (ids) => ids.map((entryId, i) => ({ entryId, rank: i + 1, result: "8.00" })),
    trackOf: () => "QI",
    submittedBy: [],
    now: 0,
    audienceLeaders: () => null,
  };
}

function final() {
  let control = initialControl(1, ENTRIES);
  let state: PublicState = initialPublicState(
    { slug: "final", name: { zh: "决赛", en: "Final" }, panel: 9 },
    ENTRIES.map((id) => ({
      id,
      code: `F-${id}`,
      title: { zh: `项目${id}`, en: `Entry ${id}` },
      organization: "Org",
      country: "CN",
      team: [],
      group: { zh: "组", en: "Group" },
      track: { zh: "赛道", en: "Track" },
    })),
  );
  const submittedBy = new Map<number, number>();
  const run = (command: Command) => {
    const decision = decide(control, command, factsOf(control, submittedBy));
    if (!decision.ok) throw new Error(`refused ${command.type}: ${decision.code}`);
    control = decision.control;
    for (const change of decision.changes) state = applyChange(state, state.seq + 1, change);
  };
  /** Every seat of the entry on stage submits, as the server reports it one by one. */
  const everyoneScores = () => {
    const entryId = control.current!;
    for (let n = 1; n <= PANEL[entryId]!; n++) {
      submittedBy.set(entryId, n);
      state = applyChange(state, state.seq + 1, { type: "progress", entryId, submitted: n, of: PANEL[entryId]! });
    }
  };
  return { run, everyoneScores, state: () => state };
}

describe("the stage counter on the big screen", () => {
  it("starts a new pitch at 0 of its own panel after the last one ended 9 of 9", () => {
    const f = final();
    f.run({ type: "stage", entryId: 21 });
    f.run({ type: "open" });
    f.everyoneScores();
    expect(f.state().stage).toMatchObject({ entryId: 21, submitted: 9, of: 9 });
    f.run({ type: "close" });
    f.run({ type: "reveal" });

    f.run({ type: "stage", entryId: 22 });
    expect(f.state().stage).toEqual({ entryId: 22, phase: "pitching", submitted: 0, of: 8 });
    f.run({ type: "open" });
    expect(f.state().stage).toEqual({ entryId: 22, phase: "scoring", submitted: 0, of: 8 });
  });

  it("shows a revealed entry brought back on stage with its own count", () => {
    const f = final();
    for (const entryId of [21, 22]) {
      f.run({ type: "stage", entryId });
      f.run({ type: "open" });
      f.everyoneScores();
      f.run({ type: "close" });
      f.run({ type: "reveal" });
    }
    f.run({ type: "stage", entryId: 21 });
    expect(f.state().stage).toEqual({ entryId: 21, phase: "revealed", submitted: 9, of: 9 });
    f.run({ type: "stage", entryId: 23 });
    expect(f.state().stage).toEqual({ entryId: 23, phase: "pitching", submitted: 0, of: 9 });
  });
});
