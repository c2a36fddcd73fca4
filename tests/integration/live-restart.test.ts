// A restart of the server under the live final, with real socket.io-clients that reconnect as the
// pages do: after SIGTERM (a routine stop) and after SIGKILL (a crash) every screen comes back by
// itself and shows the server's state; the control room sees each panel judge's phone come and go.
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../app/domain/live-final";
import { followCompetition, type LiveSocket } from "../../app/live/follower";
import {
  ackSchema,
  controlViewSchema,
  judgeViewSchema,
  type ControlView,
  type JudgeView,
} from "../../app/live/protocol";
import { reconnectAlways } from "../../app/live/reconnect";
import { JUDGE, SLUG, until } from "../support/live-harness";
import { liveFinalForThisFile } from "../support/live-final";

const live = liveFinalForThisFile();
const sockets: LiveSocket[] = [];
/** The demo judge's session cookie. */
let judge = "";

/**
 * A screen as the pages open one: Socket.IO's own reconnection with the pages' backoff (at most
 * 3 s), the follower, and the retry after any disconnect; what it was sent, kept for the checks.
 */
function screen(cookie?: string) {
  const socket: LiveSocket = connect(live.url + "/live", {
    transports: ["websocket"],
    reconnection: true,
    reconnectionDelayMax: 3000,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  sockets.push(socket);
  reconnectAlways(socket, { maxMs: 3000 });
  const seen = { control: null as ControlView | null, judge: null as JudgeView | null, reasons: [] as string[] };
  socket.on("control", (v) => (seen.control = controlViewSchema.parse(v)));
  socket.on("judge", (v) => (seen.judge = judgeViewSchema.parse(v)));
  socket.on("disconnect", (reason) => seen.reasons.push(reason));
  const follow = followCompetition(socket, SLUG, null, () => undefined);
  return { socket, follow, seen };
}

const card = (n: number): Command => ({
  type: "card",
  card: { kind: "notice", title: { zh: `通知 ${n}`, en: `Notice ${n}` }, body: { zh: "", en: "" } },
});

beforeAll(async () => {
  judge = live.judges.get(live.panel.demoJudge)!;
  expect(await live.control({ type: "stage", entryId: live.order[0]! })).toEqual({ ok: true });
  expect(await live.control({ type: "open" })).toEqual({ ok: true });
});

afterAll(() => sockets.forEach((s) => s.disconnect()));

describe("the control room sees each panel judge's phone", () => {
  it("shows a judge online when their phone joins, and offline since when it leaves", async () => {
    const room = screen(live.organizer);
    await until(() => room.seen.control !== null, "the control view");
    const phone = screen(judge);
    await until(() => phone.seen.judge !== null, "the judge's view");
    const seat = phone.seen.judge!.seat;
    const device = () => room.seen.control!.panel.find((p) => p.seat === seat)?.device;
    await until(() => device()?.connected === true, "the judge to show as online", 3000);
    expect(device()).toMatchObject({ connected: true, offlineSince: null, lastSeen: expect.any(String) });
    // The other judges have not opened their phones since the server started.
    expect(room.seen.control!.panel.filter((p) => p.seat !== seat).map((p) => p.device)).toEqual(
      Array.from({ length: room.seen.control!.panel.length - 1 }, () => ({
        connected: false,
        offlineSince: null,
        lastSeen: null,
      })),
    );
    const left = Date.now();
    phone.socket.disconnect();
    await until(() => device()?.connected === false, "the judge to show as offline", 3000);
    const offlineSince = Date.parse(device()!.offlineSince!);
    expect(Math.abs(offlineSince - left)).toBeLessThan(2000);
    expect(Date.parse(device()!.lastSeen!)).toBeLessThanOrEqual(offlineSince);
    room.socket.disconnect();
  });
});

describe.each(["SIGTERM", "SIGKILL"] as const)("a restart by %s", (signal) => {
  it(`brings back the big screen, the control room and the judge's phone by themselves, on the server's state within 10 s (${signal})`, async () => {
    const audience = screen();
    const room = screen(live.organizer);
    const phone = screen(judge);
    await until(
      () => [audience, room, phone].every((s) => s.follow.state !== null) && !!room.seen.control && !!phone.seen.judge,
      "every screen to follow the final",
    );
    const before = audience.follow.state!.seq;
    room.seen.control = null;
    phone.seen.judge = null;

    const { code } = await live.stop(signal);
    // A routine stop ends cleanly, and no screen is told not to come back.
    if (signal === "SIGTERM") expect(code).toBe(0);
    await until(() => [audience, room, phone].every((s) => !s.socket.connected), "every screen to lose the server");
    for (const s of [audience, room, phone]) {
      expect(s.seen.reasons).toHaveLength(1);
      expect(s.seen.reasons).not.toContain("io server disconnect");
      if (signal === "SIGTERM") expect(s.seen.reasons).toEqual(["transport close"]);
    }

    await live.start();
    const back = Date.now();
    // The final moves on while the screens are still coming back: they must catch up by seq.
    expect(await live.control(card(1))).toEqual({ ok: true });
    expect(await live.control({ type: "card", card: null })).toEqual({ ok: true });
    const truth = await live.serverState();
    expect(truth.seq).toBe(before + 2);
    await until(
      () =>
        [audience, room, phone].every((s) => s.socket.connected && s.follow.state?.seq === truth.seq) &&
        !!room.seen.control &&
        !!phone.seen.judge,
      "every screen to resync",
      10_000 - (Date.now() - back),
    );
    for (const s of [audience, room, phone]) {
      expect(s.follow.state).toEqual(truth);
      // The new process has no memory of the old connections: each resynced through join.
      expect(s.socket.recovered).toBe(false);
    }
    expect(room.seen.control!.control).toMatchObject({ current: live.order[0], phase: "scoring" });
    const seat = phone.seen.judge!.seat;
    await until(
      () => room.seen.control!.panel.find((p) => p.seat === seat)?.device?.connected === true,
      "the control room to see the judge's phone back",
      3000,
    );
    for (const s of [audience, room, phone]) s.socket.disconnect();
  }, 60_000);
});

describe("a screen the server disconnected itself", () => {
  it("comes back by itself after its session ended, as the audience, on the server's state", async () => {
    const otherJudge = await live.signIn(JUDGE.email, JUDGE.password);
    const phone = screen(otherJudge);
    await until(() => phone.seen.judge !== null && phone.follow.state !== null, "the judge's phone to follow");
    const signedOut = await live.post("/logout", new URLSearchParams(), { cookie: otherJudge });
    expect(signedOut.status).toBe(302);
    await until(() => phone.seen.reasons.includes("io server disconnect"), "the server to disconnect the phone");
    expect(await live.control(card(2))).toEqual({ ok: true });
    const truth = await live.serverState();
    await until(() => phone.socket.connected && phone.follow.state?.seq === truth.seq, "the phone to come back", 5000);
    expect(phone.follow.state).toEqual(truth);
    // Its session is over: it is back as the audience, refused a judge's submission.
    const ack = ackSchema.parse(
      await phone.socket.timeout(5000).emitWithAck("submit", {
        competition: SLUG,
        submissionId: "after-sign-out-1",
        entryId: live.order[0]!,
        marks: {},
      }),
    );
    expect(ack).toMatchObject({ ok: false, code: "live.refusal.forbidden" });
    expect(await live.control({ type: "card", card: null })).toEqual({ ok: true });
  });
});
