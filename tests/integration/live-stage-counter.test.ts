// The hall's "n of N judges have scored" after a pitch, through the live service on a copy of the
// demo database: staging the next entry starts its counter at 0 of its own panel, in the stored
// public state, in the event every screen folds, and in the control room alike.
import { describe, expect, it } from "vitest";
import type { Change } from "../../app/domain/live-final";
import { servicesForThisFile } from "../support/services";

const harness = servicesForThisFile();
const { one, all, judgeUser } = harness;
const SLUG = "zgc2026";

describe("the stage counter when the next entry goes on stage", () => {
  it("shows 0 of the new entry's panel, not the last pitch's 9 of 9", async () => {
    const final = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'final'").id;
    const [first, second] = all<{ entry_id: number }>(
      "SELECT entry_id FROM round_entries WHERE round_id = ? ORDER BY stage_order",
      final,
    ).map((r) => r.entry_id);
    // One judge of the panel stood down from the second entry (a conflict) before the final began: 8 seats there.
    const stoodDown = one<{ judge_id: number }>(
      "SELECT judge_id FROM assignments WHERE round_id = ? AND entry_id = ? ORDER BY judge_id LIMIT 1",
      final,
      second,
    ).judge_id;
    harness.db.sqlite
      .prepare("DELETE FROM assignments WHERE round_id = ? AND entry_id = ? AND judge_id = ?")
      .run(final, second, stoodDown);
    expect(await harness.services.live.start(harness.organizer, SLUG)).toEqual({ ok: true });

    expect(
      await harness.services.live.command(harness.organizer, SLUG, { type: "stage", entryId: first! }),
    ).toMatchObject({ ok: true });
    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "open" })).toMatchObject({ ok: true });
    const panel = all<{ judge_id: number }>(
      "SELECT judge_id FROM assignments WHERE round_id = ? AND entry_id = ? ORDER BY judge_id",
      final,
      first,
    );
    expect(panel).toHaveLength(9);
    const marks = Object.fromEntries(
      all<{ id: number }>("SELECT id FROM criteria WHERE round_id = ?", final).map((c) => [String(c.id), "5"]),
    );
    for (const { judge_id } of panel) {
      expect(
        await harness.services.live.submit(judgeUser(judge_id), {
          competition: SLUG,
          submissionId: `counter-${judge_id}-key`,
          entryId: first!,
          marks,
        }),
      ).toMatchObject({ ok: true });
    }
    expect((await harness.services.live.snapshot(SLUG))!.state!.stage).toMatchObject({
      entryId: first,
      submitted: 9,
      of: 9,
    });
    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "reveal" })).toMatchObject({
      ok: true,
    });

    const staged = await harness.services.live.command(harness.organizer, SLUG, { type: "stage", entryId: second! });
    const expected = { entryId: second, phase: "pitching", submitted: 0, of: 8 };
    expect(staged.ok && staged.updates.map((u) => u.change)).toEqual([{ type: "stage", stage: expected }]);
    expect((await harness.services.live.snapshot(SLUG))!.state!.stage).toEqual(expected);
    const stored = one<{ payload: string }>("SELECT payload FROM live_events ORDER BY seq DESC LIMIT 1");
    expect((JSON.parse(stored.payload) as Change & { type: "stage" }).stage).toEqual(expected);
    const control = (await harness.services.live.controlView(SLUG))!;
    expect(control.panel).toHaveLength(8);
    expect(control.panel.filter((p) => p.submitted)).toEqual([]);

    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "open" })).toMatchObject({ ok: true });
    expect((await harness.services.live.snapshot(SLUG))!.state!.stage).toEqual({ ...expected, phase: "scoring" });
  });
});
