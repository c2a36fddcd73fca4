// The live final on two server processes sharing one database through Redis: whatever process a
// screen, a judge's phone or the control room reached, every screen is sent every seq once, in
// order, and ends with exactly the server's state; a killed process or a stopped Redis is survived.
import { createClient } from "redis";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command, PublicState } from "../../app/domain/live-final";
import { followCompetition, type LiveSocket } from "../../app/live/follower";
import { ackSchema, updateEvent, type Ack, type UpdateEvent } from "../../app/live/protocol";
import { clusterForThisFile } from "../support/cluster";
import { serverClient } from "../support/demo-server";
import { ORGANIZER, SLUG, until } from "../support/live-harness";
import { preparePanel, readPanel, sameMark, type Panel } from "../support/live-panel";
import type { RunningServer } from "../support/server-process";

type Screen = { socket: LiveSocket; received: UpdateEvent[]; state: () => PublicState | null };

const cluster = clusterForThisFile(2);
// Requests through nginx, as a browser sends them (PUBLIC_URL is nginx's address).
const site = serverClient(
  () => ({ url: cluster.url }) as RunningServer,
  () => cluster.dbFile,
  {},
);
const direct = (i: number) => `http://127.0.0.1:${cluster.servers[i]!.port}`;
const alive = new Set([0, 1]);
const sockets: LiveSocket[] = [];
let panel: Panel;
let organizer = "";
const judges = new Map<number, string>();
let order: number[] = [];
let submissions = 0;

/**
 * An audience screen's socket as a browser opens it (long-polling, then the upgrade, keeping
 * nginx's sticky cookie), or a signed-in phone's straight to one process over WebSocket.
 */
function socketTo(url: string, cookie?: string, reconnection = false): LiveSocket {
  const socket: LiveSocket = connect(url + "/live", {
    ...(cookie
      ? { transports: ["websocket"], extraHeaders: { cookie } }
      : { transports: ["polling", "websocket"], withCredentials: true }),
    reconnection,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  sockets.push(socket);
  return socket;
}

async function connected(url: string, cookie?: string) {
  const socket = socketTo(url, cookie);
  // A process killed while the handshake was under way answers neither way: a phone gives up.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection to ${url}`)), 5000);
    socket.once("connect", () => (clearTimeout(timer), resolve()));
    socket.once("connect_error", (error) => (clearTimeout(timer), reject(error)));
  });
  return socket;
}

async function screen(url: string): Promise<Screen> {
  const socket = socketTo(url, undefined, true);
  const received: UpdateEvent[] = [];
  socket.on("update", (u) => received.push(updateEvent.parse(u)));
  const follow = followCompetition(socket, SLUG, null, () => undefined);
  await until(() => follow.state !== null, "the first snapshot");
  return { socket, received, state: () => follow.state };
}

async function control(url: string, command: Command): Promise<Ack> {
  const socket = await connected(url, organizer);
  try {
    return ackSchema.parse(await socket.timeout(5000).emitWithAck("control", { competition: SLUG, command } as never));
  } finally {
    socket.disconnect();
  }
}

async function submit(url: string, judgeId: number, entryId: number): Promise<Ack> {
  const socket = await connected(url, judges.get(judgeId)!);
  try {
    const marks = sameMark(panel.criteria, String(1 + ((judgeId + entryId) % 8)));
    return ackSchema.parse(
      await socket.timeout(5000).emitWithAck("submit", {
        competition: SLUG,
        submissionId: `cluster-${++submissions}`,
        entryId,
        marks,
      }),
    );
  } finally {
    socket.disconnect();
  }
}

/** One pitch with the commands on one process and the judges' phones spread over both. */
async function playPitch(entryId: number, controlAt: string) {
  expect(await control(controlAt, { type: "stage", entryId })).toEqual({ ok: true });
  expect(await control(controlAt, { type: "open" })).toEqual({ ok: true });
  const urls = [...alive].map(direct);
  const acks = await Promise.all([...judges.keys()].map((id, i) => submit(urls[i % urls.length]!, id, entryId)));
  for (const ack of acks) expect(ack).toMatchObject({ ok: true });
  const revealed = await control(controlAt, { type: "reveal" });
  // The panel's last score may already have revealed it (auto-reveal).
  if (!revealed.ok) expect(revealed).toMatchObject({ ok: false });
}

/** What a fresh client is given on join: the server's state. */
async function serverState(url: string) {
  const probe = await screen(url);
  probe.socket.disconnect();
  return probe.state()!;
}

/** Which process holds the emitter lease now (FRONTIER_NODE_ID is the harness's name for it). */
async function emitterName(): Promise<string> {
  const client = createClient({ url: cluster.redisUrl });
  await client.connect();
  try {
    return (await client.get("frontier:live:emitter")) ?? "";
  } finally {
    await client.close();
  }
}

function expectInOrder(s: Screen, from: number, to: number) {
  const seqs = s.received.map((u) => u.seq).filter((q) => q > from && q <= to);
  expect(seqs).toEqual(Array.from({ length: to - from }, (_, i) => from + 1 + i));
}

beforeAll(async () => {
  preparePanel(cluster.dbFile);
  panel = readPanel(cluster.dbFile);
  organizer = await site.signIn(ORGANIZER.email, ORGANIZER.password);
  for (const [judgeId, email] of panel.judges) judges.set(judgeId, await site.signIn(email, "frontier-judge"));
  const started = await site.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie: organizer });
  expect(started.status).toBe(302);
  const [row] = site.query<{ control: string }>(`SELECT control FROM live_state`);
  order = (JSON.parse(row!.control) as { order: number[] }).order;
}, 120_000);

afterAll(() => sockets.forEach((s) => s.disconnect()));

describe("a live final on two processes behind nginx", () => {
  it("sends every screen, whichever process it reached, every seq once and in order", async () => {
    const screens = await Promise.all(Array.from({ length: 12 }, () => screen(cluster.url)));
    const straight = await Promise.all([0, 1].map((i) => screen(direct(i))));
    const all = [...screens, ...straight];
    const from = (await serverState(cluster.url)).seq;
    await playPitch(order[0]!, direct(0));
    await playPitch(order[1]!, direct(1));
    const to = (await serverState(cluster.url)).seq;
    expect(to).toBeGreaterThan(from + 2 * judges.size);
    await until(() => all.every((s) => s.state()?.seq === to), "every screen at the last seq", 10_000);
    const truth = await serverState(direct(0));
    for (const s of all) {
      expectInOrder(s, from, to);
      expect(s.state()).toEqual(truth);
    }
    // The stored events are gapless too, whichever process wrote them.
    const seqs = site.query<{ seq: number }>(`SELECT seq FROM live_events ORDER BY seq`).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });
});

describe("failures during the final", () => {
  it("the emitter's process killed mid-pitch: its screens come back through nginx and no acknowledged score is lost", async () => {
    const screens = await Promise.all(Array.from({ length: 12 }, () => screen(cluster.url)));
    const entryId = order[2]!;
    expect(await control(direct(0), { type: "stage", entryId })).toEqual({ ok: true });
    expect(await control(direct(0), { type: "open" })).toEqual({ ok: true });
    const ids = [...judges.keys()];
    // The process that dies is the one sending the audience's updates (the lease names it).
    const dying = ["a", "b"].indexOf(await emitterName());
    const survivor = 1 - dying;
    expect(dying).toBeGreaterThanOrEqual(0);
    // Half the panel's phones are on it; it dies once the first of them is acknowledged.
    const onB = ids.slice(0, Math.ceil(ids.length / 2));
    const sent = onB.map((id) => submit(direct(dying), id, entryId).catch(() => null));
    const first = await Promise.race(sent);
    expect(first).toMatchObject({ ok: true });
    await cluster.servers[dying]!.kill("SIGKILL");
    alive.delete(dying);
    const acks = await Promise.all(sent);
    const acknowledged = onB.filter((_, i) => acks[i]?.ok === true);
    const stored = site.query<{ judge_id: number }>(
      `SELECT s.judge_id FROM scores s JOIN rounds r ON r.id = s.round_id WHERE r.id = ? AND s.entry_id = ?`,
      panel.finalRound,
      entryId,
    );
    for (const id of acknowledged) expect(stored.map((r) => r.judge_id)).toContain(id);
    // The phones that were not answered send again (the offline queue does), now to the survivor.
    for (const id of ids.filter((id) => !acknowledged.includes(id)))
      expect(await submit(direct(survivor), id, entryId)).toMatchObject({ ok: true });
    const truth = await serverState(direct(survivor));
    // The survivor takes the lease when it runs out and sends what the screens missed.
    await until(() => screens.every((s) => s.state()?.seq === truth.seq), "every screen caught up", 20_000);
    for (const s of screens) expect(s.state()).toEqual(truth);
    expect(await emitterName()).toBe(["a", "b"][survivor]);
    await cluster.servers[dying]!.restart();
    alive.add(dying);
  });

  it("Redis stopped and started again: the live channel moves on without restarting a server", async () => {
    const screens = await Promise.all(Array.from({ length: 6 }, () => screen(cluster.url)));
    // The killed process's pitch ends first (its scoring may still be open, as the panel left it).
    await control(direct(0), { type: "close" });
    await control(direct(0), { type: "reveal" });
    await cluster.redis.stop();
    // Scores and commands still go into the database while Redis is away.
    expect(await control(direct(0), { type: "stage", entryId: order[3]! })).toEqual({ ok: true });
    await cluster.redis.start();
    expect(await control(direct(1), { type: "open" })).toEqual({ ok: true });
    const truth = await serverState(direct(1));
    await until(() => screens.every((s) => s.state()?.seq === truth.seq), "every screen caught up", 20_000);
    for (const s of screens) expect(s.state()).toEqual(truth);
  });
});
