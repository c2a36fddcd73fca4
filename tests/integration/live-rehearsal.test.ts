// The rehearsal of the live final over the real server and real socket.io-clients: it runs on a
// copy (same order, same panel), its screens say "rehearsal", it resets to the first pitch, and the
// real final's scores, live state and events stay byte for byte what they were.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SLUG, until } from "../support/live-harness";
import { liveFinalForThisFile } from "../support/live-final";

const CHANNEL = `${SLUG}~rehearsal`;
const live = liveFinalForThisFile();
let realOrder: number[] = [];

/** Every row the live final keeps in the real database, as stored. */
const realFinalRows = () => ({
  scores: live.query(`SELECT * FROM scores WHERE round_id = (SELECT id FROM rounds WHERE slug = 'final') ORDER BY id`),
  marks: live.query(
    `SELECT m.* FROM score_marks m JOIN scores s ON s.id = m.score_id JOIN rounds r ON r.id = s.round_id WHERE r.slug = 'final' ORDER BY m.score_id, m.criterion_id`,
  ),
  state: live.query(`SELECT * FROM live_state`),
  events: live.query(`SELECT * FROM live_events ORDER BY competition_id, seq`),
  votes: live.query(`SELECT * FROM live_votes ORDER BY id`),
});

const post = (pathname: string, body: Record<string, string>) =>
  live.post(pathname, new URLSearchParams(body), { cookie: live.organizer });

const auditActions = () =>
  live
    .query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'live.rehearsal_%' ORDER BY id`)
    .map((r) => r.action);

beforeAll(async () => {
  // The real final has moved on before the rehearsal: its pitch order changed, one pitch revealed.
  const order = live.order;
  realOrder = [order[1]!, order[0]!, ...order.slice(2)];
  expect(await live.control({ type: "reorder", order: realOrder })).toEqual({ ok: true });
  await live.playPitch(realOrder[0]!);
}, 120_000);

describe("the rehearsal of the live final", () => {
  it("runs whole pitches on a copy, marked rehearsal, and leaves the real final's rows byte for byte as they were", async () => {
    const before = realFinalRows();
    const hall = await live.follower();
    await until(() => hall.follow.state !== null, "the real final's snapshot");
    const hallSnapshots = hall.snapshots();

    expect((await post("/admin/live/rehearsal", { intent: "start" })).status).toBe(302);
    expect(fs.existsSync(path.join(path.dirname(live.dbFile), `rehearsal-${SLUG}.db`))).toBe(true);
    const rehearsal = await live.serverState(CHANNEL);
    const real = await live.serverState();
    expect(rehearsal.rehearsal).toBe(true);
    expect(real.rehearsal).toBeUndefined();
    // The same finalists in the real final's order, the same panel, and nothing scored yet.
    expect(rehearsal.entries.map((e) => e.id)).toEqual(realOrder);
    expect(rehearsal.round.panel).toBe(real.round.panel);
    expect(rehearsal.seq).toBe(0);
    expect(rehearsal.ranking).toEqual([]);

    await live.playPitch(realOrder[0]!, CHANNEL);
    await live.playPitch(realOrder[1]!, CHANNEL);
    const played = await live.serverState(CHANNEL);
    expect(played.ranking.filter((r) => r.result !== null)).toHaveLength(2);
    expect(played.rehearsal).toBe(true);

    expect(realFinalRows()).toEqual(before);
    // The hall on the real channel heard nothing of it.
    expect(hall.received).toEqual([]);
    expect(hall.snapshots()).toBe(hallSnapshots);
    expect(hall.errors).toEqual([]);
    expect(auditActions()).toEqual(["live.rehearsal_started"]);
  });

  it("shows the rehearsal's pages marked as a rehearsal, and the control room links to it", async () => {
    const board = await fetch(`${live.url}/live/${SLUG}/rehearsal`, { headers: { "Accept-Language": "en" } });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('data-testid="rehearsal-banner"');
    const control = await fetch(`${live.url}/admin/live/rehearsal`, {
      headers: { Cookie: live.organizer, "Accept-Language": "en" },
    });
    const html = await control.text();
    expect(html).toContain('data-running="true"');
    expect(html).toContain('data-testid="control-room"');
    expect(html).toContain(`/live/${SLUG}/rehearsal`);
    const real = await (
      await fetch(`${live.url}/admin/live`, { headers: { Cookie: live.organizer, "Accept-Language": "en" } })
    ).text();
    expect(real).toContain('href="/admin/live/rehearsal"');
    const judge = await fetch(`${live.url}/judge/live/rehearsal`, {
      headers: { Cookie: live.judges.values().next().value!, "Accept-Language": "en" },
    });
    expect(await judge.text()).toContain("Rehearsal: nothing here counts");
  });

  it("resets to the first pitch on a fresh copy: seq 0, the same order and panel, nothing revealed", async () => {
    const screen = await live.follower({ channel: CHANNEL });
    await until(() => (screen.follow.state?.seq ?? 0) > 0, "the played rehearsal");
    const before = realFinalRows();
    expect((await post("/admin/live/rehearsal", { intent: "reset" })).status).toBe(302);
    // The open screen is told at once.
    await until(() => screen.follow.state?.seq === 0, "the reset snapshot");
    const reset = await live.serverState(CHANNEL);
    expect(reset.seq).toBe(0);
    expect(reset.rehearsal).toBe(true);
    expect(reset.ranking).toEqual([]);
    expect(reset.entries.map((e) => e.id)).toEqual(realOrder);
    expect(reset.round.panel).toBe((await live.serverState()).round.panel);
    // Scoring the same pitch again is accepted: the copy forgot the rehearsal's scores.
    await live.playPitch(realOrder[0]!, CHANNEL);
    expect(realFinalRows()).toEqual(before);
    expect(auditActions()).toEqual(["live.rehearsal_started", "live.rehearsal_reset"]);
  });

  it("lets the real final run on while a rehearsal exists, and the rehearsal does not hear it", async () => {
    const rehearsalScreen = await live.follower({ channel: CHANNEL });
    await until(() => rehearsalScreen.follow.state !== null, "the rehearsal's snapshot");
    const seq = rehearsalScreen.follow.state!.seq;
    await live.playPitch(realOrder[1]!);
    const real = await live.serverState();
    expect(real.ranking.filter((r) => r.result !== null)).toHaveLength(2);
    expect(rehearsalScreen.received).toEqual([]);
    expect((await live.serverState(CHANNEL)).seq).toBe(seq);
  });

  it("ends by deleting the copy; the rehearsal's channel then refuses commands and scores", async () => {
    expect((await post("/admin/live/rehearsal", { intent: "end" })).status).toBe(302);
    expect(fs.existsSync(path.join(path.dirname(live.dbFile), `rehearsal-${SLUG}.db`))).toBe(false);
    expect(await live.control({ type: "open" }, CHANNEL)).toMatchObject({
      ok: false,
      code: "live.refusal.noRehearsal",
    });
    const judgeId = live.judges.keys().next().value!;
    expect(
      await live.submitAs(judgeId, realOrder[2]!, live.marksFor(judgeId + realOrder[2]!), { channel: CHANNEL }),
    ).toMatchObject({
      ok: false,
      code: "live.refusal.noRehearsal",
    });
    // Ending again says there is none; the real final is still there.
    const again = await post("/admin/live/rehearsal", { intent: "end" });
    expect(again.status).toBe(409);
    expect((await live.serverState()).ranking.filter((r) => r.result !== null)).toHaveLength(2);
    expect(auditActions()).toEqual(["live.rehearsal_started", "live.rehearsal_reset", "live.rehearsal_ended"]);
  });
});
