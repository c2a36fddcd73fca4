// The live channel's defences over the real server and real socket.io clients: who may act is
// decided at every command, ended sessions close their sockets, a sibling site cannot borrow a
// visitor's cookie, replay cannot be amplified, and one address cannot hold every socket.
import { describe, expect, it } from "vitest";
import { errorEvent, type ErrorEvent } from "../../app/live/protocol";
import type { LiveSocket } from "../../app/live/follower";
import { JUDGE, liveHarnessForThisFile, ORGANIZER, SECOND_ORGANIZER, SLUG, until } from "../support/live-harness";

const MAX_PER_ADDRESS = 40;
const live = liveHarnessForThisFile({ LIVE_MAX_CONNECTIONS_PER_ADDRESS: String(MAX_PER_ADDRESS) });

const card = (title: string) => ({
  type: "card",
  card: { kind: "notice", title: { zh: title, en: title }, body: { zh: "", en: "" } },
});
const publicCard = () =>
  (
    JSON.parse(live.query<{ public: string }>(`SELECT public FROM live_state`)[0]!.public) as {
      card: { title: { en: string } } | null;
    }
  ).card;
const seq = () => live.query<{ seq: number }>(`SELECT seq FROM live_state`)[0]!.seq;
const closed = (socket: LiveSocket) =>
  new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));

async function watch(socket: LiveSocket) {
  const seen = { updates: [] as number[], snapshots: 0, errors: [] as ErrorEvent[], control: 0 };
  socket.on("update", (u) => seen.updates.push(u.seq));
  socket.on("snapshot", () => (seen.snapshots += 1));
  socket.on("error", (e) => seen.errors.push(errorEvent.parse(e)));
  socket.on("control", () => (seen.control += 1));
  return seen;
}

describe("who may act on the live channel", () => {
  it("closes an organizer's control socket the moment their account is disabled, and refuses what it sent after", async () => {
    const victim = await live.signIn(ORGANIZER.email, ORGANIZER.password);
    const colleague = await live.signIn(SECOND_ORGANIZER.email, SECOND_ORGANIZER.password);
    const socket = await live.connected({ cookie: victim });
    expect(await live.command(socket, card("before"))).toEqual({ ok: true });
    const userId = live.query<{ id: number }>(`SELECT id FROM users WHERE email = ?`, ORGANIZER.email)[0]!.id;
    const gone = closed(socket);
    const res = await live.post(
      "/admin/users",
      new URLSearchParams({ form: "disable", userId: String(userId), disabled: "1", reason: "laptop stolen" }),
      { cookie: colleague },
    );
    expect(res.status).toBe(302);
    expect(await gone).toBe("io server disconnect");
    // Reconnecting with the same cookie gives an audience socket: commands are refused.
    const again = await live.connected({ cookie: victim });
    expect(await live.command(again, card("after"))).toMatchObject({ ok: false, code: "live.refusal.forbidden" });
    expect(publicCard()?.title.en).toBe("before");
    await live.post(
      "/admin/users",
      new URLSearchParams({ form: "disable", userId: String(userId), disabled: "0", reason: "found it" }),
      { cookie: colleague },
    );
  });

  it("re-reads the role for every command, so an account disabled elsewhere cannot send the next one", async () => {
    const cookie = await live.signIn(ORGANIZER.email, ORGANIZER.password);
    const socket = await live.connected({ cookie });
    expect(await live.command(socket, card("one"))).toEqual({ ok: true });
    // Written by another process: no notification reaches this server's hub.
    live.run(`UPDATE users SET disabled_at = '2026-12-01T00:00:00Z' WHERE email = ?`, ORGANIZER.email);
    try {
      expect(await live.command(socket, card("two"))).toMatchObject({ ok: false, code: "live.refusal.forbidden" });
      expect(publicCard()?.title.en).toBe("one");
    } finally {
      live.run(`UPDATE users SET disabled_at = NULL WHERE email = ?`, ORGANIZER.email);
    }
  });

  it("counts no score from a judge disabled mid-pitch", async () => {
    const organizer = await live.connected({ cookie: await live.signIn(ORGANIZER.email, ORGANIZER.password) });
    const judgeId = live.query<{ id: number }>(
      `SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = ?`,
      JUDGE.email,
    )[0]!.id;
    const order = (
      JSON.parse(live.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as { order: number[] }
    ).order;
    const entryId = order.find(
      (id) =>
        live.query(
          `SELECT 1 FROM assignments a JOIN rounds r ON r.id = a.round_id WHERE r.slug = 'final' AND a.judge_id = ? AND a.entry_id = ?`,
          judgeId,
          id,
        ).length,
    )!;
    expect(await live.command(organizer, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await live.command(organizer, { type: "open" })).toEqual({ ok: true });
    const phone = await live.connected({ cookie: await live.signIn(JUDGE.email, JUDGE.password) });
    const criteria = live.query<{ id: number; max_milli: number }>(
      `SELECT c.id, c.max_milli FROM criteria c JOIN rounds r ON r.id = c.round_id WHERE r.slug = 'final'`,
    );
    const marks = Object.fromEntries(criteria.map((c) => [String(c.id), String(c.max_milli / 1000)]));
    live.run(`UPDATE users SET disabled_at = '2026-12-01T00:00:00Z' WHERE email = ?`, JUDGE.email);
    try {
      const ack = await phone
        .timeout(5000)
        .emitWithAck("submit", { competition: SLUG, submissionId: "disabled-judge-1", entryId, marks });
      expect(ack).toMatchObject({ ok: false, code: "live.refusal.forbidden" });
      expect(live.query(`SELECT 1 FROM scores WHERE submission_key = 'disabled-judge-1'`)).toHaveLength(0);
    } finally {
      live.run(`UPDATE users SET disabled_at = NULL WHERE email = ?`, JUDGE.email);
    }
  });

  it("closes the live sockets of a session when its holder signs out", async () => {
    const cookie = await live.signIn(JUDGE.email, JUDGE.password);
    const other = await live.signIn(JUDGE.email, JUDGE.password);
    const socket = await live.connected({ cookie });
    const stays = await live.connected({ cookie: other });
    const gone = closed(socket);
    expect((await live.post("/logout", new URLSearchParams(), { cookie })).status).toBe(302);
    expect(await gone).toBe("io server disconnect");
    // Only that session ended: the judge's other phone is still connected.
    await new Promise((r) => setTimeout(r, 200));
    expect(stays.connected).toBe(true);
  });

  it("checks a connection that Socket.IO recovered again, and takes it out of the control room", async () => {
    const cookie = await live.signIn(ORGANIZER.email, ORGANIZER.password);
    const socket = live.socket({ cookie, reconnection: true });
    await until(() => socket.connected, "the connection");
    const seen = await watch(socket);
    socket.emit("join", { competition: SLUG });
    await until(() => seen.control > 0, "the control view");
    const sessionHash = live.query<{ id_hash: string }>(
      `SELECT id_hash FROM sessions WHERE revoked_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    )[0]!.id_hash;
    // The session ends behind the hub's back (another process), then the transport drops.
    live.run(
      `UPDATE sessions SET revoked_at = '2026-12-01T00:00:00Z', revoked_reason = 'revoked' WHERE id_hash = ?`,
      sessionHash,
    );
    socket.io.engine.close();
    await until(() => socket.connected && socket.recovered, "the recovered connection");
    const before = seen.control;
    const colleague = await live.connected({
      cookie: await live.signIn(SECOND_ORGANIZER.email, SECOND_ORGANIZER.password),
    });
    expect(await live.command(colleague, card("after recovery"))).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.control).toBe(before);
    expect(await live.command(socket, card("from the recovered socket"))).toMatchObject({
      ok: false,
      code: "live.refusal.forbidden",
    });
    socket.disconnect();
  });
});

describe("cross-site use of the live channel", () => {
  it("refuses a page of an unlisted origin, and treats a listed partner's page as the audience, even with the organizer's cookie", async () => {
    const cookie = await live.signIn(ORGANIZER.email, ORGANIZER.password);
    const ours = await live.connected({ cookie, origin: live.url });
    expect(await live.command(ours, card("ours"))).toEqual({ ok: true });
    const sibling = new URL(live.url);
    sibling.port = String(Number(sibling.port) + 1);
    await expect(live.connected({ cookie, origin: sibling.origin })).rejects.toThrow("origin_not_allowed");
    const listed = await live.post("/admin/live/embedding", new URLSearchParams({ origins: sibling.origin }), {
      cookie,
    });
    expect(listed.status).toBe(200);
    const theirs = await live.connected({ cookie, origin: sibling.origin });
    expect(await live.command(theirs, card("hijacked"))).toMatchObject({ ok: false, code: "live.refusal.forbidden" });
    expect(publicCard()?.title.en).toBe("ours");
    const seen = await watch(theirs);
    theirs.emit("join", { competition: SLUG });
    await until(() => seen.snapshots === 1, "the public snapshot");
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.control).toBe(0);
  });
});

describe("replay and connection limits", () => {
  it("answers a client that missed a long stretch with one snapshot, and replays a short gap exactly", async () => {
    const organizer = await live.connected({ cookie: await live.signIn(ORGANIZER.email, ORGANIZER.password) });
    const acks = await Promise.all(Array.from({ length: 80 }, (_, i) => live.command(organizer, card(`n${i}`))));
    expect(acks.every((a) => a.ok)).toBe(true);
    const now = seq();
    const far = await live.connected();
    const farSeen = await watch(far);
    far.emit("join", { competition: SLUG, lastSeq: now - 70 });
    await until(() => farSeen.snapshots === 1, "a snapshot");
    expect(farSeen.updates).toEqual([]);
    const near = await live.connected();
    const nearSeen = await watch(near);
    near.emit("join", { competition: SLUG, lastSeq: now - 5 });
    await until(() => nearSeen.updates.length === 5, "five replayed updates");
    expect(nearSeen.updates).toEqual([now - 4, now - 3, now - 2, now - 1, now]);
    expect(nearSeen.snapshots).toBe(0);
  });

  it("charges a replay to the socket's rate, so a flood of joins with an old seq gets snapshots and then refusals while the site stays quick", async () => {
    const now = seq();
    const flooders = await Promise.all(Array.from({ length: 20 }, () => live.connected()));
    const seen = await Promise.all(flooders.map(watch));
    for (let round = 0; round < 30; round++)
      for (const f of flooders) f.emit("join", { competition: SLUG, lastSeq: now - 45 });
    const started = Date.now();
    const health = await fetch(live.url + "/healthz");
    expect(health.status).toBe(200);
    await until(
      () => seen.every((s) => s.errors.some((e) => e.code === "live.refusal.rateLimited")),
      "rate limiting of every flooder",
    );
    // 10 tokens of burst: a 45-update replay costs 5 more, so each socket got at most two replays.
    for (const s of seen) expect(s.updates.length).toBeLessThanOrEqual(2 * 45);
    expect(Date.now() - started).toBeLessThan(5000);
    for (const f of flooders) f.disconnect();
  });

  it("refuses more live connections from one address than the configured cap, and accepts again once some close", async () => {
    const opened: LiveSocket[] = [];
    let refusal: Error | null = null;
    for (let i = 0; i <= MAX_PER_ADDRESS && !refusal; i++) {
      try {
        opened.push(await live.connected());
      } catch (error) {
        refusal = error as Error;
      }
    }
    expect(refusal?.message).toBe("too_many_connections");
    expect(opened.length).toBeLessThanOrEqual(MAX_PER_ADDRESS);
    for (const s of opened) s.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    const fresh = await live.connected();
    expect(fresh.connected).toBe(true);
    fresh.disconnect();
  });
});
