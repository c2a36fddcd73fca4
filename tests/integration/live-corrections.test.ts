// Corrections on the live final over the real server and real socket.io-clients: the organizer
// reopens scoring after an undo, a judge revises with a reason, the result is recomputed and the
// withdrawn mark is never shown again; stale control rooms, a lifted freeze and an undone
// ceremony start, each refused or audited as the final needs.
import fs from "node:fs";
import net from "node:net";
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../app/domain/live-final";
import { formatMilli } from "../../app/domain/score-sheet";
import { followCompetition, type LiveSocket } from "../../app/live/follower";
import {
  ackSchema,
  controlViewSchema,
  judgeViewSchema,
  updateEvent,
  type ControlView,
  type JudgeView,
  type UpdateEvent,
} from "../../app/live/protocol";
import { copyDemoDatabaseFile } from "../support/db";
import { startServer, type RunningServer } from "../support/server-process";

const SLUG = "zgc2026";
let server: RunningServer;
let file = "";
let dir = "";
let organizer = "";
let secondOrganizer = "";
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

const until = async (check: () => boolean, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** An audience screen that keeps every update it is sent. */
async function audience() {
  const socket = await connected();
  const received: UpdateEvent[] = [];
  socket.on("update", (u) => received.push(updateEvent.parse(u)));
  const follow = followCompetition(socket, SLUG, null, () => undefined);
  await until(() => follow.state !== null, "the first snapshot");
  return { socket, follow, received };
}

/** A control room: its latest view as the server sends it. */
async function controlRoom(cookie: string) {
  const socket = await connected(cookie);
  const room = { socket, view: null as ControlView | null };
  socket.on("control", (v) => (room.view = controlViewSchema.parse(v)));
  socket.emit("join", { competition: SLUG });
  await until(() => room.view !== null, "the control view");
  return room;
}

/** A judge's phone: its latest judge view. */
async function phone(judgeId: number) {
  const socket = await connected(judges.get(judgeId)!);
  const device = { socket, view: null as JudgeView | null, views: 0 };
  socket.on("judge", (v) => {
    device.view = judgeViewSchema.parse(v);
    device.views++;
  });
  socket.emit("join", { competition: SLUG });
  await until(() => device.view !== null, "the judge view");
  return device;
}

const command = async (socket: LiveSocket, command: Command, version?: number) =>
  ackSchema.parse(
    await socket
      .timeout(5000)
      .emitWithAck("control", { competition: SLUG, command, ...(version === undefined ? {} : { version }) }),
  );

function marksFor(seed: number) {
  return Object.fromEntries(
    criteria.map((c, i) => [
      String(c.id),
      formatMilli(Math.floor((c.max_milli * ((seed * 7 + i * 3) % 10)) / 10 / c.step_milli) * c.step_milli),
    ]),
  );
}

let keyCounter = 0;
async function submitAs(judgeId: number, entryId: number, marks: Record<string, string>, reason?: string) {
  const socket = await connected(judges.get(judgeId)!);
  const ack = ackSchema.parse(
    await socket.timeout(5000).emitWithAck("submit", {
      competition: SLUG,
      submissionId: `c${String(++keyCounter).padStart(8, "0")}`,
      entryId,
      marks,
      ...(reason === undefined ? {} : { reason }),
    }),
  );
  socket.disconnect();
  return ack;
}

const liveRow = () => query<{ seq: number; control: string }>(`SELECT seq, control FROM live_state`)[0]!;
const marksOf = (judgeId: number, entryId: number) =>
  query<{ criterion_id: number; mark_milli: number }>(
    `SELECT m.criterion_id, m.mark_milli FROM score_marks m JOIN scores s ON s.id = m.score_id
     WHERE s.judge_id = ? AND s.entry_id = ? AND s.round_id = (SELECT round_id FROM live_state) ORDER BY m.criterion_id`,
    judgeId,
    entryId,
  );
const auditRows = (action: string) =>
  query<{ before: string | null; after: string | null; reason: string | null; subject_id: number }>(
    `SELECT before, after, reason, subject_id FROM audit_log WHERE action = ? ORDER BY id`,
    action,
  );

/** Every panel judge submits for the entry (scoring closes by itself once all have). */
async function everyoneSubmits(entryId: number) {
  for (const judgeId of judges.keys())
    expect(await submitAs(judgeId, entryId, marksFor(judgeId + entryId))).toMatchObject({ ok: true });
}

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
  // A second organizer, for two control rooms at once.
  const hash = (
    db.prepare(`SELECT password_hash FROM users WHERE email = 'organizer@frontier.demo'`).get() as {
      password_hash: string;
    }
  ).password_hash;
  const second = db
    .prepare(`INSERT INTO users (email, password_hash, display_name) VALUES (?, ?, 'Second organizer')`)
    .run("second-organizer@frontier.demo", hash);
  db.prepare(`INSERT INTO user_roles (user_id, role) VALUES (?, 'organizer')`).run(second.lastInsertRowid);
  criteria = db
    .prepare(`SELECT id, max_milli, step_milli FROM criteria WHERE round_id = ? ORDER BY position`)
    .all(finalRound.id) as typeof criteria;
  db.close();
  server = await startServer({ DATABASE_PATH: file, FRONTIER_DEMO: "1", PORT: String(await freePort()) });
  organizer = await signIn("organizer@frontier.demo", "frontier-organizer");
  secondOrganizer = await signIn("second-organizer@frontier.demo", "frontier-organizer");
  for (const p of panel) judges.set(p.judgeId, await signIn(p.email, "frontier-judge"));
  const started = await fetch(server.url + "/admin/live", {
    method: "POST",
    body: new URLSearchParams({ intent: "start" }),
    headers: { Origin: server.url, Cookie: organizer },
    redirect: "manual",
  });
  expect(started.status).toBe(302);
  order = (JSON.parse(liveRow().control) as { order: number[] }).order;
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("correcting a judge's mark on the live final", () => {
  it("reveals the revised mark and a recomputed result after undo, reopen for one judge and a revision with a reason; the withdrawn mark is never shown again", async () => {
    const entryId = order[0]!;
    const org = await controlRoom(organizer);
    const hall = await audience();
    const [judgeId, otherJudge] = [...judges.keys()];
    expect(await command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(org.socket, { type: "open" })).toEqual({ ok: true });
    await everyoneSubmits(entryId);
    expect(await command(org.socket, { type: "reveal" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.stage.phase === "revealed", "the reveal on the big screen");
    const device = await phone(judgeId!);
    const seat = device.view!.seat;
    const firstReveal = hall.received.flatMap((u) => (u.change.type === "reveal" ? [u.change.reveal] : [])).at(-1)!;
    const oldMark = firstReveal.marks.find((m) => m.seat === seat)!.mark;

    expect(await command(org.socket, { type: "undoReveal", reason: "Judge 1 typed 2 for 9" })).toEqual({ ok: true });
    const undoneAt = liveRow().seq;
    expect(await command(org.socket, { type: "reopen", judgeId: judgeId!, reason: "Judge 1 typed 2 for 9" })).toEqual({
      ok: true,
    });
    // The phone learns of the correction by itself, with the judge's own marks to start from.
    await until(() => device.view?.correction !== null, "the correction on the judge's phone");
    const before = marksOf(judgeId!, entryId);
    expect(device.view!.correction).toEqual({
      entryId,
      marks: Object.fromEntries(before.map((m) => [String(m.criterion_id), formatMilli(m.mark_milli)])),
      comment: "",
      reason: "Judge 1 typed 2 for 9",
    });
    await until(() => hall.follow.state?.stage.phase === "scoring", "the stage reopened on the big screen");

    // A judge who was not reopened cannot resubmit; the reopened one must say why.
    expect(await submitAs(otherJudge!, entryId, marksFor(77), "I changed my mind")).toMatchObject({
      ok: false,
      code: "live.refusal.alreadySubmitted",
    });
    const seqBefore = liveRow().seq;
    expect(await submitAs(judgeId!, entryId, marksFor(3), "  ")).toMatchObject({
      ok: false,
      code: "live.refusal.revisionReasonRequired",
      field: "reason",
    });
    expect(marksOf(judgeId!, entryId)).toEqual(before);
    expect(liveRow().seq).toBe(seqBefore);

    // A revision that changes the judge's total: every criterion one step off where it was.
    const revised = Object.fromEntries(
      criteria.map((c) => {
        const was = before.find((m) => m.criterion_id === c.id)!.mark_milli;
        return [String(c.id), formatMilli(was + c.step_milli <= c.max_milli ? was + c.step_milli : was - c.step_milli)];
      }),
    );
    expect(await submitAs(judgeId!, entryId, revised, "Typed 2 for 9")).toMatchObject({ ok: true, duplicate: false });
    // Every reopened judge has revised: scoring closes again by itself, and the correction is over.
    await until(() => org.view?.control.phase === "closed" && org.view.control.reopened === null, "closed again");
    await until(() => device.view?.correction === null, "the correction gone from the phone");
    const preview = org.view!.preview!;
    expect(preview.marks.find((m) => m.seat === seat)!.mark).not.toBe(oldMark);

    expect(await command(org.socket, { type: "reveal" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.stage.phase === "revealed", "the corrected reveal");
    const after = hall.received.filter((u) => u.seq > undoneAt);
    const reveals = after.flatMap((u) => (u.change.type === "reveal" ? [u.change.reveal] : []));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toEqual(preview);
    expect(reveals[0]!.marks.find((m) => m.seat === seat)!.mark).not.toBe(oldMark);
    expect(reveals[0]!.result).not.toBe(firstReveal.result);
    expect(hall.follow.state!.ranking.find((r) => r.entryId === entryId)!.result).toBe(reveals[0]!.result);
    // No public event after the undo carries the withdrawn marks of this entry.
    const withdrawn = JSON.stringify(firstReveal.marks);
    expect(after.some((u) => JSON.stringify(u.change).includes(withdrawn))).toBe(false);

    const revision = auditRows("score.revised").at(-1)!;
    expect(revision.subject_id).toBe(entryId);
    expect(revision.reason).toBe("Typed 2 for 9");
    expect(JSON.parse(revision.before!)).toMatchObject({
      judgeId,
      marks: Object.fromEntries(before.map((m) => [String(m.criterion_id), formatMilli(m.mark_milli)])),
    });
    expect(JSON.parse(revision.after!)).toMatchObject({ judgeId, marks: revised, revision: 1, stage: true });
    expect(auditRows("live.scoring_reopened").at(-1)).toMatchObject({ reason: "Judge 1 typed 2 for 9" });
    expect(auditRows("live.reveal_undone").at(-1)).toMatchObject({ reason: "Judge 1 typed 2 for 9" });
  });

  it("reopens scoring for the whole panel and closes by itself once every judge has revised", async () => {
    const entryId = order[1]!;
    const org = await controlRoom(organizer);
    expect(await command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(org.socket, { type: "open" })).toEqual({ ok: true });
    await everyoneSubmits(entryId);
    expect(await command(org.socket, { type: "reopen", reason: "The rubric was read out wrong" })).toEqual({
      ok: true,
    });
    await until(() => org.view?.control.reopened?.judgeIds.length === judges.size, "the reopen for all");
    const ids = [...judges.keys()];
    for (const judgeId of ids.slice(0, -1))
      expect(await submitAs(judgeId, entryId, marksFor(judgeId + 1), "Re-read the rubric")).toMatchObject({ ok: true });
    await until(() => org.view?.control.reopened?.revised.length === ids.length - 1, "all but one revised");
    expect(org.view!.control.phase).toBe("scoring");
    expect(await submitAs(ids.at(-1)!, entryId, marksFor(2), "Re-read the rubric")).toMatchObject({ ok: true });
    await until(() => org.view?.control.phase === "closed", "closed again");
    expect(org.view!.control.reopened).toBeNull();
    expect(auditRows("score.revised").filter((r) => r.subject_id === entryId)).toHaveLength(ids.length);
  });

  it("ends a reopen when the organizer closes it early: the judges not yet revised can no longer change their mark", async () => {
    const entryId = order[1]!;
    const org = await controlRoom(organizer);
    const [judgeId] = judges.keys();
    const device = await phone(judgeId!);
    expect(await command(org.socket, { type: "reopen", reason: "One more look" })).toEqual({ ok: true });
    await until(() => device.view?.correction?.entryId === entryId, "the correction on the phone");
    expect(await command(org.socket, { type: "close" })).toEqual({ ok: true });
    await until(() => device.view?.correction === null, "the correction withdrawn from the phone");
    const before = marksOf(judgeId!, entryId);
    expect(await submitAs(judgeId!, entryId, marksFor(9), "Too late")).toMatchObject({
      ok: false,
      code: "live.refusal.scoringClosed",
    });
    expect(marksOf(judgeId!, entryId)).toEqual(before);
    expect(await command(org.socket, { type: "reveal" })).toEqual({ ok: true });
  });

  it("refuses a reopen for a judge who did not submit and a reopen while scoring is open", async () => {
    const entryId = order[2]!;
    const org = await controlRoom(organizer);
    const [judgeId, otherJudge] = [...judges.keys()];
    expect(await command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(org.socket, { type: "open" })).toEqual({ ok: true });
    expect(await command(org.socket, { type: "reopen", reason: "Too soon" })).toMatchObject({
      ok: false,
      code: "live.refusal.notClosed",
    });
    // Closed short (seven of nine), then a reopen for one of the two who never submitted.
    for (const id of [...judges.keys()].slice(2))
      expect(await submitAs(id, entryId, marksFor(id))).toMatchObject({ ok: true });
    expect(await command(org.socket, { type: "close", reason: "Two judges left early" })).toEqual({ ok: true });
    const seq = liveRow().seq;
    expect(await command(org.socket, { type: "reopen", judgeId: judgeId!, reason: "Fix" })).toMatchObject({
      ok: false,
      code: "live.refusal.judgeNotSubmitted",
    });
    expect(liveRow().seq).toBe(seq);
    // Reopened for all who submitted: the two without a mark still cannot add one.
    expect(await command(org.socket, { type: "reopen", reason: "Check the marks" })).toEqual({ ok: true });
    expect(await submitAs(otherJudge!, entryId, marksFor(4))).toMatchObject({
      ok: false,
      code: "live.refusal.scoringClosed",
    });
    for (const id of [...judges.keys()].slice(2))
      expect(await submitAs(id, entryId, marksFor(id), "Checked")).toMatchObject({ ok: true });
    // The panel was short before the reopen; it closes again by itself all the same.
    await until(() => org.view?.control.phase === "closed", "closed again after a short panel");
    expect(await command(org.socket, { type: "reveal" })).toEqual({ ok: true });
  });
});

describe("the control room's forgiving commands", () => {
  it("refuses a command from a stale control room (a second organizer who saw an older version) and changes nothing", async () => {
    const first = await controlRoom(organizer);
    const second = await controlRoom(secondOrganizer);
    const version = first.view!.control.version;
    expect(second.view!.control.version).toBe(version);
    expect(await command(first.socket, { type: "autoReveal", on: true }, version)).toEqual({ ok: true });
    const row = liveRow();
    expect(await command(second.socket, { type: "autoReveal", on: false }, version)).toMatchObject({
      ok: false,
      code: "live.refusal.staleControl",
    });
    expect(liveRow()).toEqual(row);
    expect(JSON.parse(row.control)).toMatchObject({ autoReveal: true, version: version + 1 });
    // Once it has seen the new version, the same command goes through.
    await until(() => second.view?.control.version === version + 1, "the second room's new version");
    expect(await command(second.socket, { type: "autoReveal", on: false }, version + 1)).toEqual({ ok: true });
  });

  it("undoes a ceremony started by mistake and lifts a freeze, each with a reason in the audit log", async () => {
    const org = await controlRoom(organizer);
    const hall = await audience();
    const entryId = order[3]!;
    expect(await command(org.socket, { type: "freeze" })).toEqual({ ok: true });
    expect(await command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(org.socket, { type: "ceremonyStep" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.ceremony === "running", "the ceremony on the big screen");
    expect(await command(org.socket, { type: "undoCeremonyStart", reason: " " })).toMatchObject({
      ok: false,
      code: "live.refusal.reasonRequired",
    });
    expect(await command(org.socket, { type: "undoCeremonyStart", reason: "Clicked by mistake" })).toEqual({
      ok: true,
    });
    await until(() => hall.follow.state?.stage.entryId === entryId, "the ceremony undone");
    expect(hall.follow.state!.ceremony).toBe("none");
    expect(hall.follow.state!.stage).toMatchObject({ entryId, phase: "pitching" });
    expect(auditRows("live.ceremony_start_undone").at(-1)).toMatchObject({ reason: "Clicked by mistake" });

    // The final goes on while frozen: the result is sealed, then the freeze is lifted.
    expect(await command(org.socket, { type: "open" })).toEqual({ ok: true });
    await everyoneSubmits(entryId);
    await until(() => hall.follow.state?.stage.phase !== "scoring", "scoring closed");
    if (hall.follow.state!.stage.phase === "closed")
      expect(await command(org.socket, { type: "reveal" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.sealed.includes(entryId) === true, "the sealed result");
    expect(hall.follow.state!.ranking.some((r) => r.entryId === entryId)).toBe(false);
    expect(await command(org.socket, { type: "unfreeze", reason: "" })).toMatchObject({
      ok: false,
      code: "live.refusal.reasonRequired",
    });
    expect(await command(org.socket, { type: "unfreeze", reason: "Froze too early" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.frozen === false, "the freeze lifted");
    expect(hall.follow.state!.sealed).toEqual([]);
    expect(hall.follow.state!.ranking.some((r) => r.entryId === entryId && r.result !== null)).toBe(true);
    expect(auditRows("live.freeze_lifted").at(-1)).toMatchObject({ reason: "Froze too early" });
    expect(await command(org.socket, { type: "unfreeze", reason: "Again" })).toMatchObject({
      ok: false,
      code: "live.refusal.notFrozen",
    });
  });
});
