// The live final's service on a copy of the demo database: starting, a withdrawn finalist, the
// web sheet closed to a round scored on stage, and a reveal that equals the rule's result.
import { describe, expect, it } from "vitest";
import { createServices } from "../../app/services/index.server";
import { servicesForThisFile } from "../support/services";

const harness = servicesForThisFile();
const { one, all, judgeUser } = harness;
const SLUG = "zgc2026";

describe("the live final's service", () => {
  it("seats one panel on every finalist, skipping only a judge's conflicts, and keeps it until the final starts", async () => {
    const final = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'final'").id;
    const original = all<{ judge_id: number }>(
      "SELECT DISTINCT judge_id FROM assignments WHERE round_id = ? ORDER BY judge_id",
      final,
    ).map((r) => r.judge_id);
    const finalists = one<{ n: number }>("SELECT count(*) n FROM round_entries WHERE round_id = ?", final).n;
    // A judge outside the panel who declared a conflict with one finalist: seated everywhere but there.
    const outsider = one<{ id: number }>(
      "SELECT id FROM judges WHERE id NOT IN (SELECT judge_id FROM assignments WHERE round_id = ?) ORDER BY id LIMIT 1",
      final,
    ).id;
    const coAuthored = one<{ entry_id: number; code: string }>(
      "SELECT re.entry_id, e.code FROM round_entries re JOIN entries e ON e.id = re.entry_id WHERE re.round_id = ? ORDER BY re.stage_order LIMIT 1",
      final,
    );
    harness.db.sqlite
      .prepare(
        "INSERT INTO judge_conflicts (judge_id, entry_id, source, status, reason) VALUES (?, ?, 'declared', 'confirmed', 'co-author of its paper')",
      )
      .run(outsider, coAuthored.entry_id);
    const conflicted = { id: outsider };
    const chosen = [...original.slice(0, 4), outsider];
    const seated = await harness.services.assignment.seatPanel(harness.organizer, final, chosen);
    expect(seated).toMatchObject({ ok: true, removed: 5 * finalists });
    const perJudge = all<{ judge_id: number; n: number }>(
      "SELECT judge_id, count(*) n FROM assignments WHERE round_id = ? GROUP BY judge_id",
      final,
    );
    expect(perJudge.map((p) => p.judge_id).sort((a, b) => a - b)).toEqual([...chosen].sort((a, b) => a - b));
    for (const p of perJudge) expect(p.n).toBe(p.judge_id === conflicted.id ? finalists - 1 : finalists);
    expect(seated.ok && seated.skipped).toEqual([
      { code: coAuthored.code, judge: expect.any(String), reason: "declared_entry" },
    ]);
    expect(await harness.services.assignment.seatPanel(harness.organizer, final, [])).toEqual({
      ok: false,
      kind: "invalid",
      code: "assign.chooseJudges",
      field: "judge",
    });
    // Back to the demo's panel of nine for the rest of this file.
    expect(await harness.services.assignment.seatPanel(harness.organizer, final, original)).toMatchObject({
      ok: true,
      added: 5 * finalists,
      removed: finalists - 1,
    });
    expect(one<{ n: number }>("SELECT count(*) n FROM assignments WHERE round_id = ?", final).n).toBe(9 * finalists);
  });

  it("refuses to start a final without a rubric, writing nothing", async () => {
    const final = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'final'").id;
    const saved = all<Record<string, unknown>>("SELECT * FROM criteria WHERE round_id = ?", final);
    harness.db.sqlite.prepare("DELETE FROM criteria WHERE round_id = ?").run(final);
    expect(await harness.services.live.start(harness.organizer, SLUG)).toEqual({
      ok: false,
      kind: "conflict",
      code: "live.refusal.noRubric",
    });
    expect(one<{ n: number }>("SELECT count(*) n FROM live_state").n).toBe(0);
    expect(one<{ status: string }>("SELECT status FROM rounds WHERE id = ?", final).status).toBe("draft");
    for (const c of saved)
      harness.db.sqlite
        .prepare(
          `INSERT INTO criteria (${Object.keys(c).join(",")}) VALUES (${Object.keys(c)
            .map(() => "?")
            .join(",")})`,
        )
        .run(...Object.values(c));
    expect(await harness.services.live.start(harness.organizer, SLUG)).toEqual({ ok: true });
    expect(one<{ status: string }>("SELECT status FROM rounds WHERE id = ?", final).status).toBe("open");
  });

  it("locks the panel once the final is played live", async () => {
    const final = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'final'").id;
    expect(await harness.services.assignment.seatPanel(harness.organizer, final, [1])).toEqual({
      ok: false,
      kind: "conflict",
      code: "assign.panelLocked",
    });
  });

  it("sends judges from the web sheet to the stage for a round played live", async () => {
    const final = one<{ id: number; competition_id: number }>(
      "SELECT id, competition_id FROM rounds WHERE slug = 'final'",
    );
    const seat = one<{ judge_id: number; entry_id: number }>(
      "SELECT judge_id, entry_id FROM assignments WHERE round_id = ? LIMIT 1",
      final.id,
    );
    const outcome = await harness.services.judging.save(
      judgeUser(seat.judge_id),
      final.competition_id,
      "final",
      seat.entry_id,
      { intent: "draft" },
    );
    expect(outcome).toEqual({ ok: false, kind: "conflict", code: "score.scoredOnStage" });
  });

  it("reveals the result the round's rule gives, with each seat's weighted mark and the highest and lowest struck", async () => {
    const state = (await harness.services.live.snapshot(SLUG))!.state!;
    const entryId = state.entries[0]!.id;
    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "stage", entryId })).toMatchObject({
      ok: true,
    });
    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "open" })).toMatchObject({ ok: true });
    const panel = all<{ judge_id: number }>(
      "SELECT judge_id FROM assignments WHERE round_id = (SELECT round_id FROM live_state) AND entry_id = ? ORDER BY judge_id",
      entryId,
    );
    // Judge i gives i+1 on every criterion: weighted marks 1..9; drop 1 and 9; mean of 2..8 = 5.
    for (const [i, { judge_id }] of panel.entries()) {
      const marks = Object.fromEntries(
        all<{ id: number }>("SELECT id FROM criteria WHERE round_id = (SELECT round_id FROM live_state)").map((c) => [
          String(c.id),
          String(i + 1),
        ]),
      );
      expect(
        await harness.services.live.submit(judgeUser(judge_id), {
          competition: SLUG,
          submissionId: `svc-${entryId}-${i}-key`,
          entryId,
          marks,
        }),
      ).toMatchObject({ ok: true, duplicate: false });
    }
    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "reveal" })).toMatchObject({
      ok: true,
    });
    const after = (await harness.services.live.snapshot(SLUG))!.state!;
    expect(after.reveal!.result).toMatch(/^5(\.0+)?$/);
    expect(after.reveal!.marks.map((m) => [m.seat, m.mark, m.dropped])).toEqual(
      panel.map((_, i) => [i + 1, String(i + 1), i === 0 || i === 8]),
    );
    // The first result on the board: nothing decided it but its result, and it is new there.
    expect(after.ranking).toEqual([
      { entryId, rank: 1, result: after.reveal!.result, decidedBy: null, previousRank: null },
    ]);
  });

  it("hides a finalist withdrawn meanwhile at the next step, audited, and carries on", async () => {
    const state = (await harness.services.live.snapshot(SLUG))!.state!;
    const gone = state.entries[3]!.id;
    harness.db.sqlite
      .prepare("UPDATE entries SET status = 'withdrawn', status_reason = 'team withdrew before its pitch' WHERE id = ?")
      .run(gone);
    const outcome = await harness.services.live.command(harness.organizer, SLUG, {
      type: "stage",
      entryId: state.entries[1]!.id,
    });
    expect(outcome).toMatchObject({ ok: true });
    const after = (await harness.services.live.snapshot(SLUG))!.state!;
    expect(after.entries.map((e) => e.id)).not.toContain(gone);
    expect(after.stage.entryId).toBe(state.entries[1]!.id);
    expect(
      one<{ reason: string }>(
        "SELECT reason FROM audit_log WHERE action = 'live.entry_hidden' ORDER BY id DESC LIMIT 1",
      ).reason,
    ).toBe("withdrawn");
  });

  it("refuses a score for the entry on stage once it has been withdrawn, storing nothing", async () => {
    const state = (await harness.services.live.snapshot(SLUG))!.state!;
    const entryId = state.entries[2]!.id;
    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "stage", entryId })).toMatchObject({
      ok: true,
    });
    expect(await harness.services.live.command(harness.organizer, SLUG, { type: "open" })).toMatchObject({ ok: true });
    harness.db.sqlite
      .prepare("UPDATE entries SET status = 'withdrawn', status_reason = 'team withdrew on stage' WHERE id = ?")
      .run(entryId);
    const judgeId = one<{ judge_id: number }>(
      "SELECT judge_id FROM assignments WHERE round_id = (SELECT round_id FROM live_state) AND entry_id = ? LIMIT 1",
      entryId,
    ).judge_id;
    const marks = Object.fromEntries(
      all<{ id: number }>("SELECT id FROM criteria WHERE round_id = (SELECT round_id FROM live_state)").map((c) => [
        String(c.id),
        "5",
      ]),
    );
    expect(
      await harness.services.live.submit(judgeUser(judgeId), {
        competition: SLUG,
        submissionId: "withdrawn-entry-1",
        entryId,
        marks,
      }),
    ).toEqual({ ok: false, kind: "conflict", code: "live.refusal.entryWithdrawn" });
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM scores WHERE entry_id = ? AND round_id = (SELECT round_id FROM live_state)",
        entryId,
      ).n,
    ).toBe(0);
  });

  it("comes back after a restart exactly where it stopped, from the database alone", async () => {
    const before = (await harness.services.live.snapshot(SLUG))!.state!;
    const control = (await harness.services.live.controlView(SLUG))!.control;
    const fresh = createServices(harness.db.db, { sessionSecret: "s".repeat(32) });
    expect((await fresh.live.snapshot(SLUG))!.state).toEqual(before);
    expect((await fresh.live.controlView(SLUG))!.control).toEqual(control);
    // Folding the stored events from the start gives the stored state.
    const replay = await fresh.live.updatesSince(SLUG, 0);
    expect(replay!.map((u) => u.seq)).toEqual(Array.from({ length: before.seq }, (_, i) => i + 1));
  });
});
