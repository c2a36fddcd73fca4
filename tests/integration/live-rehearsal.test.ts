// The rehearsal of the live final over the real server and real socket.io-clients: it runs on a
// copy (same order, same panel), its screens say "rehearsal", it resets to the first pitch, and the
// real final's scores, live state and events stay byte for byte what they were.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command, PublicState } from "../../app/domain/live-final";
import { formatMilli } from "../../app/domain/score-sheet";
import { followCompetition, type LiveSocket } from "../../app/live/follower";
import { ackSchema, errorEvent, updateEvent, type ErrorEvent, type UpdateEvent } from "../../app/live/protocol";
import { copyDemoDatabaseFile } from "../support/db";
import { startServer, type RunningServer } from "../support/server-process";

const SLUG = "zgc2026";
const CHANNEL = `${SLUG}~rehearsal`;
let server: RunningServer;
let file = "";
let dir = "";
let organizer = "";
const judges = new Map<number, string>();
let criteria: { id: number; max_milli: number; step_milli: number }[] = [];
let realOrder: number[] = [];
const sockets: LiveSocket[] = [];

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Every row the live final keeps in the real database, as stored. */
const realFinalRows = () => ({
  scores: query(`SELECT * FROM scores WHERE round_id = (SELECT id FROM rounds WHERE slug = 'final') ORDER BY id`),
  marks: query(
    `SELECT m.* FROM score_marks m JOIN scores s ON s.id = m.score_id JOIN rounds r ON r.id = s.round_id WHERE r.slug = 'final' ORDER BY m.score_id, m.criterion_id`,
  ),
  state: query(`SELECT * FROM live_state`),
  events: query(`SELECT * FROM live_events ORDER BY competition_id, seq`),
  votes: query(`SELECT * FROM live_votes ORDER BY id`),
});

async function signIn(email: string, password: string) {
  const res = await fetch(server.url + "/login", {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { Origin: server.url, "Accept-Language": "en" },
    redirect: "manual",
  });
  if (res.status !== 302) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const post = (pathname: string, body: Record<string, string>) =>
  fetch(server.url + pathname, {
    method: "POST",
    body: new URLSearchParams(body),
    headers: { Origin: server.url, Cookie: organizer, "Accept-Language": "en" },
    redirect: "manual",
  });

const until = async (check: () => boolean, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function connected(cookie?: string) {
  const socket: LiveSocket = connect(server.url + "/live", {
    transports: ["websocket"],
    reconnection: false,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
  return socket;
}

/** A screen following a channel, with every update and snapshot it was sent. */
async function follower(channel: string) {
  const socket = await connected();
  const received: UpdateEvent[] = [];
  const errors: ErrorEvent[] = [];
  let snapshots = 0;
  socket.on("update", (u) => received.push(updateEvent.parse(u)));
  socket.on("snapshot", () => snapshots++);
  socket.on("error", (e) => errors.push(errorEvent.parse(e)));
  let state: PublicState | null = null;
  followCompetition(socket, channel, null, (s) => (state = s));
  return { socket, received, errors, snapshots: () => snapshots, state: () => state };
}

async function stateOf(channel: string) {
  const screen = await follower(channel);
  await until(() => screen.state() !== null, `the snapshot of ${channel}`);
  screen.socket.disconnect();
  return screen.state()!;
}

const command = async (socket: LiveSocket, channel: string, command: Command) =>
  ackSchema.parse(await socket.timeout(5000).emitWithAck("control", { competition: channel, command }));

const marksFor = (seed: number) =>
  Object.fromEntries(
    criteria.map((c, i) => [
      String(c.id),
      formatMilli(Math.floor((c.max_milli * ((seed * 7 + i * 3) % 10)) / 10 / c.step_milli) * c.step_milli),
    ]),
  );

let keys = 0;
async function submitAs(judgeId: number, channel: string, entryId: number) {
  const socket = await connected(judges.get(judgeId)!);
  const submissionId = `r${String(++keys).padStart(8, "0")}`;
  const ack = ackSchema.parse(
    await socket
      .timeout(5000)
      .emitWithAck("submit", { competition: channel, submissionId, entryId, marks: marksFor(judgeId + entryId) }),
  );
  socket.disconnect();
  return ack;
}

/** One pitch from stage to reveal on a channel, every panel judge scoring. */
async function playPitch(channel: string, entryId: number) {
  const org = await connected(organizer);
  expect(await command(org, channel, { type: "stage", entryId })).toEqual({ ok: true });
  expect(await command(org, channel, { type: "open" })).toEqual({ ok: true });
  for (const judgeId of judges.keys())
    expect(await submitAs(judgeId, channel, entryId)).toMatchObject({ ok: true, duplicate: false });
  const revealed = await command(org, channel, { type: "reveal" });
  org.disconnect();
  return revealed;
}

const auditActions = () =>
  query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'live.rehearsal_%' ORDER BY id`).map(
    (r) => r.action,
  );

beforeAll(async () => {
  ({ file, dir } = copyDemoDatabaseFile());
  const db = new Database(file);
  const finalRound = db.prepare(`SELECT id FROM rounds WHERE slug = 'final'`).get() as { id: number };
  const panel = db
    .prepare(
      `SELECT DISTINCT a.judge_id AS judgeId, u.email FROM assignments a JOIN judges j ON j.id = a.judge_id JOIN users u ON u.id = j.user_id WHERE a.round_id = ? ORDER BY a.judge_id`,
    )
    .all(finalRound.id) as { judgeId: number; email: string }[];
  db.prepare(
    `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'judge@frontier.demo') WHERE id IN (SELECT j.user_id FROM judges j JOIN assignments a ON a.judge_id = j.id WHERE a.round_id = ?)`,
  ).run(finalRound.id);
  criteria = db
    .prepare(`SELECT id, max_milli, step_milli FROM criteria WHERE round_id = ? ORDER BY position`)
    .all(finalRound.id) as typeof criteria;
  db.close();
  server = await startServer({ DATABASE_PATH: file, FRONTIER_DEMO: "1" });
  organizer = await signIn("organizer@frontier.demo", "frontier-organizer");
  for (const p of panel) judges.set(p.judgeId, await signIn(p.email, "frontier-judge"));
  expect((await post("/admin/live", { intent: "start" })).status).toBe(302);
  // The real final has moved on before the rehearsal: its pitch order changed, one pitch revealed.
  const order = (
    JSON.parse(query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as {
      order: number[];
    }
  ).order;
  realOrder = [order[1]!, order[0]!, ...order.slice(2)];
  const org = await connected(organizer);
  expect(await command(org, SLUG, { type: "reorder", order: realOrder })).toEqual({ ok: true });
  org.disconnect();
  expect(await playPitch(SLUG, realOrder[0]!)).toEqual({ ok: true });
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the rehearsal of the live final", () => {
  it("runs whole pitches on a copy, marked rehearsal, and leaves the real final's rows byte for byte as they were", async () => {
    const before = realFinalRows();
    const hall = await follower(SLUG);
    await until(() => hall.state() !== null, "the real final's snapshot");
    const hallSnapshots = hall.snapshots();

    expect((await post("/admin/live/rehearsal", { intent: "start" })).status).toBe(302);
    expect(fs.existsSync(path.join(dir, `rehearsal-${SLUG}.db`))).toBe(true);
    const rehearsal = await stateOf(CHANNEL);
    const real = await stateOf(SLUG);
    expect(rehearsal.rehearsal).toBe(true);
    expect(real.rehearsal).toBeUndefined();
    // The same finalists in the real final's order, the same panel, and nothing scored yet.
    expect(rehearsal.entries.map((e) => e.id)).toEqual(realOrder);
    expect(rehearsal.round.panel).toBe(real.round.panel);
    expect(rehearsal.seq).toBe(0);
    expect(rehearsal.ranking).toEqual([]);

    expect(await playPitch(CHANNEL, realOrder[0]!)).toEqual({ ok: true });
    expect(await playPitch(CHANNEL, realOrder[1]!)).toEqual({ ok: true });
    const played = await stateOf(CHANNEL);
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
    const board = await fetch(`${server.url}/live/${SLUG}/rehearsal`, { headers: { "Accept-Language": "en" } });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('data-testid="rehearsal-banner"');
    const control = await fetch(`${server.url}/admin/live/rehearsal`, {
      headers: { Cookie: organizer, "Accept-Language": "en" },
    });
    const html = await control.text();
    expect(html).toContain('data-running="true"');
    expect(html).toContain('data-testid="control-room"');
    expect(html).toContain(`/live/${SLUG}/rehearsal`);
    const real = await (
      await fetch(`${server.url}/admin/live`, { headers: { Cookie: organizer, "Accept-Language": "en" } })
    ).text();
    expect(real).toContain('href="/admin/live/rehearsal"');
    const judge = await fetch(`${server.url}/judge/live/rehearsal`, {
      headers: { Cookie: judges.values().next().value!, "Accept-Language": "en" },
    });
    expect(await judge.text()).toContain("Rehearsal: nothing here counts");
  });

  it("resets to the first pitch on a fresh copy: seq 0, the same order and panel, nothing revealed", async () => {
    const screen = await follower(CHANNEL);
    await until(() => (screen.state()?.seq ?? 0) > 0, "the played rehearsal");
    const before = realFinalRows();
    expect((await post("/admin/live/rehearsal", { intent: "reset" })).status).toBe(302);
    // The open screen is told at once.
    await until(() => screen.state()?.seq === 0, "the reset snapshot");
    const reset = await stateOf(CHANNEL);
    expect(reset.seq).toBe(0);
    expect(reset.rehearsal).toBe(true);
    expect(reset.ranking).toEqual([]);
    expect(reset.entries.map((e) => e.id)).toEqual(realOrder);
    expect(reset.round.panel).toBe((await stateOf(SLUG)).round.panel);
    // Scoring the same pitch again is accepted: the copy forgot the rehearsal's scores.
    expect(await playPitch(CHANNEL, realOrder[0]!)).toEqual({ ok: true });
    expect(realFinalRows()).toEqual(before);
    expect(auditActions()).toEqual(["live.rehearsal_started", "live.rehearsal_reset"]);
  });

  it("lets the real final run on while a rehearsal exists, and the rehearsal does not hear it", async () => {
    const rehearsalScreen = await follower(CHANNEL);
    await until(() => rehearsalScreen.state() !== null, "the rehearsal's snapshot");
    const seq = rehearsalScreen.state()!.seq;
    expect(await playPitch(SLUG, realOrder[1]!)).toEqual({ ok: true });
    const real = await stateOf(SLUG);
    expect(real.ranking.filter((r) => r.result !== null)).toHaveLength(2);
    expect(rehearsalScreen.received).toEqual([]);
    expect((await stateOf(CHANNEL)).seq).toBe(seq);
  });

  it("ends by deleting the copy; the rehearsal's channel then refuses commands and scores", async () => {
    expect((await post("/admin/live/rehearsal", { intent: "end" })).status).toBe(302);
    expect(fs.existsSync(path.join(dir, `rehearsal-${SLUG}.db`))).toBe(false);
    const org = await connected(organizer);
    expect(await command(org, CHANNEL, { type: "open" })).toMatchObject({
      ok: false,
      code: "live.refusal.noRehearsal",
    });
    const judgeId = judges.keys().next().value!;
    expect(await submitAs(judgeId, CHANNEL, realOrder[2]!)).toMatchObject({
      ok: false,
      code: "live.refusal.noRehearsal",
    });
    // Ending again says there is none; the real final is still there.
    const again = await post("/admin/live/rehearsal", { intent: "end" });
    expect(again.status).toBe(409);
    expect((await stateOf(SLUG)).ranking.filter((r) => r.result !== null)).toHaveLength(2);
    expect(auditActions()).toEqual(["live.rehearsal_started", "live.rehearsal_reset", "live.rehearsal_ended"]);
  });
});
