// The live final over the real server and real socket.io-clients: ordering, resync after a
// disconnect and after a restart, who may send what, and refusals that change nothing.
import fs from "node:fs";
import net from "node:net";
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMilli } from "../../app/domain/score-sheet";
import type { Command } from "../../app/domain/live-final";
import { followCompetition, type LiveSocket } from "../../app/live/follower";
import {
  ackSchema,
  controlViewSchema,
  errorEvent,
  judgeViewSchema,
  snapshotEvent,
  updateEvent,
  type ControlView,
  type ErrorEvent,
  type JudgeView,
  type UpdateEvent,
} from "../../app/live/protocol";
import { copyDemoDatabaseFile } from "../support/db";
import { startServer, type RunningServer } from "../support/server-process";

const SLUG = "zgc2026";
let server: RunningServer;
let port = 0;
let file = "";
let dir = "";
let organizer = "";
/** Session cookies of the final panel's judges, by judge id. */
const judges = new Map<number, string>();
let criteria: { id: number; max_milli: number; step_milli: number }[] = [];
let order: number[] = [];
const sockets: LiveSocket[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const boot = () => startServer({ DATABASE_PATH: file, FRONTIER_DEMO: "1", PORT: String(port) });

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

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

function client(cookie?: string, options: { reconnection?: boolean } = {}): LiveSocket {
  const socket: LiveSocket = connect(server.url + "/live", {
    transports: ["websocket"],
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  sockets.push(socket);
  return socket;
}

const until = async (check: () => boolean, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function connected(cookie?: string) {
  const socket = client(cookie);
  await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
  return socket;
}

/** A client following the competition, with every update it was sent, in arrival order. */
async function follower(cookie?: string, options: { reconnection?: boolean } = {}) {
  const socket = client(cookie, options);
  const received: UpdateEvent[] = [];
  const errors: ErrorEvent[] = [];
  let snapshots = 0;
  // Every event the server sends must match its schema in app/live/protocol.ts.
  socket.on("update", (u) => received.push(updateEvent.parse(u)));
  socket.on("snapshot", (s) => {
    snapshotEvent.parse(s);
    snapshots++;
  });
  socket.on("error", (e) => errors.push(errorEvent.parse(e)));
  const follow = followCompetition(socket, SLUG, null, () => undefined);
  await until(() => follow.state !== null, "the first snapshot");
  return { socket, follow, received, errors, snapshots: () => snapshots };
}

const command = async (socket: LiveSocket, command: Command) =>
  ackSchema.parse(await socket.timeout(5000).emitWithAck("control", { competition: SLUG, command }));

function marksFor(seed: number) {
  return Object.fromEntries(
    criteria.map((c, i) => [
      String(c.id),
      formatMilli(Math.floor((c.max_milli * ((seed * 7 + i * 3) % 10)) / 10 / c.step_milli) * c.step_milli),
    ]),
  );
}

let keyCounter = 0;
async function submitAs(
  judgeId: number,
  entryId: number,
  seed = judgeId,
  key = `k${String(++keyCounter).padStart(8, "0")}`,
) {
  const socket = await connected(judges.get(judgeId)!);
  const ack = ackSchema.parse(
    await socket
      .timeout(5000)
      .emitWithAck("submit", { competition: SLUG, submissionId: key, entryId, marks: marksFor(seed) }),
  );
  socket.disconnect();
  return ack;
}

const serverState = async () => {
  const probe = await follower();
  const state = probe.follow.state!;
  probe.socket.disconnect();
  return state;
};

/** One pitch from stage to reveal, every panel judge submitting. */
async function playPitch(org: LiveSocket, entryId: number) {
  expect(await command(org, { type: "stage", entryId })).toEqual({ ok: true });
  expect(await command(org, { type: "open" })).toEqual({ ok: true });
  for (const judgeId of judges.keys())
    expect(await submitAs(judgeId, entryId, judgeId + entryId)).toMatchObject({ ok: true, duplicate: false });
  expect(await command(org, { type: "reveal" })).toEqual({ ok: true });
}

beforeAll(async () => {
  ({ file, dir } = copyDemoDatabaseFile());
  // The demo judge is on the final panel; the other panel judges get the same password here so
  // the test can sign each one in.
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
  port = await freePort();
  server = await boot();
  organizer = await signIn("organizer@frontier.demo", "frontier-organizer");
  for (const p of panel) judges.set(p.judgeId, await signIn(p.email, "frontier-judge"));
  const started = await fetch(server.url + "/admin/live", {
    method: "POST",
    body: new URLSearchParams({ intent: "start" }),
    headers: { Origin: server.url, Cookie: organizer },
    redirect: "manual",
  });
  expect(started.status).toBe(302);
  order = (JSON.parse(query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as { order: number[] })
    .order;
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const liveSeq = () => query<{ seq: number }>(`SELECT seq FROM live_state`)[0]!.seq;

describe("the live channel", () => {
  it("gives the audience the whole final on join: 22 finalists in pitch order, a 9-judge panel, nothing revealed", async () => {
    const state = await serverState();
    expect(state.entries.map((e) => e.id)).toEqual(order);
    expect(state.entries).toHaveLength(22);
    expect(state.round.panel).toBe(9);
    expect(state.ranking).toEqual([]);
    expect(state.entries[0]).toMatchObject({
      code: expect.any(String),
      organization: expect.any(String),
      country: expect.stringMatching(/^[A-Z]{2}$/),
    });
  });

  it("shows the final's panel on its assignment page, ticked, and refuses to change it once the final is live", async () => {
    const page = await fetch(server.url + "/admin/rounds/final/assignments", {
      headers: { Cookie: organizer, "Accept-Language": "en" },
    });
    const html = await page.text();
    expect(html).toContain('data-testid="live-panel-form"');
    const boxes = html.match(/<input[^>]*name="judge"[^>]*>/g) ?? [];
    expect(boxes.length).toBeGreaterThan(100);
    expect(boxes.filter((b) => /\bchecked\b/.test(b))).toHaveLength(9);
    const post = async (body: URLSearchParams) =>
      (
        await fetch(server.url + "/admin/rounds/final/assignments", {
          method: "POST",
          body,
          headers: { Cookie: organizer, Origin: server.url, "Accept-Language": "en" },
        })
      ).text();
    expect(await post(new URLSearchParams({ form: "livePanel" }))).toContain("Choose at least one judge.");
    expect(
      await post(
        new URLSearchParams([
          ["form", "livePanel"],
          ["judge", String([...judges.keys()][0])],
        ]),
      ),
    ).toContain("The live final has started: its panel can no longer change.");
    expect(
      query<{ n: number }>(
        `SELECT count(DISTINCT judge_id) AS n FROM assignments WHERE round_id = (SELECT round_id FROM live_state)`,
      )[0]!.n,
    ).toBe(9);
    const regional = await (
      await fetch(server.url + "/admin/rounds/regional/assignments", { headers: { Cookie: organizer } })
    ).text();
    expect(regional).not.toContain('data-testid="live-panel-form"');
  });

  it("delivers 200 rapid updates to every audience client in order, with no gap in seq", async () => {
    const audience = await Promise.all([follower(), follower(), follower()]);
    const org = await connected(organizer);
    const start = liveSeq();
    const acks = Array.from({ length: 200 }, (_, i) =>
      command(org, {
        type: "card",
        card:
          i === 199
            ? null
            : { kind: "notice", title: { zh: `通知 ${i}`, en: `Notice ${i}` }, body: { zh: "", en: "" } },
      }),
    );
    expect((await Promise.all(acks)).every((a) => a.ok)).toBe(true);
    for (const a of audience) {
      await until(() => a.follow.state!.seq === start + 200, "the 200th update");
      expect(a.received.map((u) => u.seq)).toEqual(Array.from({ length: 200 }, (_, i) => start + 1 + i));
      expect(a.follow.state!.card).toBeNull();
    }
  });

  it("sends a client that disconnected mid-stream exactly the events it missed, and it ends on the server's state after three reveals", async () => {
    const org = await connected(organizer);
    const away = await follower(undefined, { reconnection: true });
    const dropped = await follower(undefined, { reconnection: true });
    const left = away.follow.state!.seq;
    // One client leaves on purpose (its session ends: the app's seq resync brings it back); the
    // other loses its transport (Socket.IO's connection state recovery brings it back).
    away.socket.disconnect();
    dropped.socket.io.engine.close();
    for (const entryId of order.slice(0, 3)) await playPitch(org, entryId);
    const now = liveSeq();
    away.received.length = 0;
    away.socket.connect();
    await until(() => away.follow.state!.seq === now && dropped.follow.state!.seq === now, "both clients to catch up");
    expect(away.received.map((u) => u.seq)).toEqual(Array.from({ length: now - left }, (_, i) => left + 1 + i));
    expect(dropped.received.filter((u) => u.seq > left).map((u) => u.seq)).toEqual(
      Array.from({ length: now - left }, (_, i) => left + 1 + i),
    );
    expect(dropped.socket.recovered).toBe(true);
    const truth = await serverState();
    expect(away.follow.state).toEqual(truth);
    expect(dropped.follow.state).toEqual(truth);
    expect(truth.ranking.filter((r) => r.rank !== null)).toHaveLength(3);
    // Each reveal shows all nine marks, one highest and one lowest struck out (drops 1/1).
    expect(truth.reveal!.marks).toHaveLength(9);
    expect(truth.reveal!.marks.filter((m) => m.dropped)).toHaveLength(2);
  });

  it("recognises a submission repeated after a reconnect and does not count it twice", async () => {
    const org = await connected(organizer);
    const entryId = order[3]!;
    expect(await command(org, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(org, { type: "open" })).toEqual({ ok: true });
    const [first] = judges.keys();
    expect(await submitAs(first!, entryId, 5, "phone-key-0001")).toEqual({ ok: true, duplicate: false });
    expect(await submitAs(first!, entryId, 5, "phone-key-0001")).toEqual({ ok: true, duplicate: true });
    expect(
      query<{ n: number }>(
        `SELECT count(*) AS n FROM scores WHERE entry_id = ? AND status = 'submitted' AND round_id = (SELECT round_id FROM live_state)`,
        entryId,
      )[0]!.n,
    ).toBe(1);
    expect((await serverState()).stage).toMatchObject({ entryId, phase: "scoring", submitted: 1, of: 9 });
    // A second, different submission by the same judge for the same entry is refused.
    expect(await submitAs(first!, entryId, 6, "phone-key-0002")).toMatchObject({
      ok: false,
      code: "live.refusal.alreadySubmitted",
    });
  });

  it("refuses a submission for an entry not on stage, a reveal before scoring closed, and closing short without a reason", async () => {
    const org = await connected(organizer);
    const before = liveSeq();
    const [, second] = judges.keys();
    expect(await submitAs(second!, order[5]!)).toMatchObject({ ok: false, code: "live.refusal.wrongEntry" });
    expect(await command(org, { type: "reveal" })).toMatchObject({ ok: false, code: "live.refusal.notClosed" });
    expect(await command(org, { type: "close" })).toMatchObject({ ok: false, code: "live.refusal.tooFewMarks" });
    expect(await submitAs(second!, order[3]!)).toMatchObject({ ok: true });
    const third = [...judges.keys()][2]!;
    const thirdSocket = await connected(judges.get(third)!);
    const tooHigh = ackSchema.parse(
      await thirdSocket.timeout(5000).emitWithAck("submit", {
        competition: SLUG,
        submissionId: "too-high-01",
        entryId: order[3]!,
        marks: { ...marksFor(1), [String(criteria[0]!.id)]: "999" },
      }),
    );
    expect(tooHigh).toMatchObject({
      ok: false,
      kind: "invalid",
      code: "live.refusal.invalidMarks",
      field: String(criteria[0]!.id),
      fields: { [String(criteria[0]!.id)]: ["score.markAboveMax"] },
    });
    expect(await submitAs(third, order[3]!)).toMatchObject({ ok: true });
    // Three of nine marks: the rule (drop 1 + 1) allows closing, but only with a reason.
    expect(await command(org, { type: "close" })).toMatchObject({ ok: false, code: "live.refusal.reasonRequired" });
    expect(await command(org, { type: "close", reason: "Judge 4–9 lost their phones' connection" })).toEqual({
      ok: true,
    });
    expect(
      query<{ n: number }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'live.scoring_closed' AND reason LIKE 'Judge 4%'`,
      )[0]!.n,
    ).toBe(1);
    expect(await command(org, { type: "reveal" })).toEqual({ ok: true });
    expect(liveSeq()).toBeGreaterThan(before);
  });

  it("loses no submitted score in a restart (kill and start again), and clients resync to the same state", async () => {
    const org = await connected(organizer);
    const entryId = order[6]!;
    expect(await command(org, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(org, { type: "open" })).toEqual({ ok: true });
    const some = [...judges.keys()].slice(0, 4);
    for (const judgeId of some) expect(await submitAs(judgeId, entryId)).toMatchObject({ ok: true });
    const watcher = await follower(undefined, { reconnection: true });
    const before = watcher.follow.state!;
    const scores = query(
      `SELECT judge_id, entry_id, status FROM scores WHERE round_id = (SELECT round_id FROM live_state) ORDER BY id`,
    );

    await server.stop("SIGKILL");
    server = await boot();

    await until(() => watcher.socket.connected, "the watcher to reconnect", 15_000);
    expect(
      query(
        `SELECT judge_id, entry_id, status FROM scores WHERE round_id = (SELECT round_id FROM live_state) ORDER BY id`,
      ),
    ).toEqual(scores);
    organizer = await signIn("organizer@frontier.demo", "frontier-organizer");
    const org2 = client(organizer);
    const view = await new Promise<ControlView>((resolve) => {
      org2.on("control", (v) => resolve(controlViewSchema.parse(v)));
      org2.emit("join", { competition: SLUG });
    });
    expect(
      view.panel
        .filter((p) => p.submitted)
        .map((p) => p.judgeId)
        .sort(),
    ).toEqual([...some].sort());
    expect(view.control).toMatchObject({ current: entryId, phase: "scoring" });
    // Scoring goes on where it stopped: the remaining judges submit, it closes by itself.
    for (const judgeId of [...judges.keys()].slice(4))
      expect(await submitAs(judgeId, entryId)).toMatchObject({ ok: true });
    const truth = await serverState();
    expect(truth.stage).toMatchObject({ entryId, phase: "closed", submitted: 9, of: 9 });
    await until(() => watcher.follow.state!.seq === truth.seq, "the watcher to resync");
    expect(watcher.follow.state).toEqual(truth);
    expect(truth.seq).toBeGreaterThan(before.seq);
  });

  it("tells a judge's phone its seat and what it has already scored", async () => {
    const [judgeId] = judges.keys();
    const socket = client(judges.get(judgeId!)!);
    const view = await new Promise<JudgeView>((resolve) => {
      socket.on("judge", (v) => resolve(judgeViewSchema.parse(v)));
      socket.emit("join", { competition: SLUG });
    });
    expect(view.seat).toBe(1);
    expect(view.entries).toHaveLength(22);
    expect(view.submitted).toEqual(expect.arrayContaining(order.slice(0, 4)));
    // The round's list on the web sends the judge to the stage view instead of the sheet.
    const page = await fetch(server.url + "/judge/final", {
      headers: { Cookie: judges.get(judgeId!)!, "Accept-Language": "en" },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="scored-on-stage"');
    expect(html).toContain('href="/judge/live"');
  });
});
