// The demo's live final started, with its whole panel signed in, as the live-final integration
// tests drive it: audience screens that keep what they were sent, scripted judges' phones, the
// organizer's commands and whole pitches over real socket.io clients.
import { beforeAll, expect } from "vitest";
import type { Command, PublicState } from "../../app/domain/live-final";
import { formatMilli } from "../../app/domain/score-sheet";
import { followCompetition, type Follower, type LiveSocket } from "../../app/live/follower";
import {
  ackSchema,
  controlViewSchema,
  errorEvent,
  judgeViewSchema,
  snapshotEvent,
  updateEvent,
  type Ack,
  type ControlView,
  type ErrorEvent,
  type JudgeView,
  type UpdateEvent,
} from "../../app/live/protocol";
import { JUDGE, ORGANIZER, SLUG, liveHarnessForThisFile, until, type LiveHarness } from "./live-harness";
import { preparePanel, readPanel, signInPanel, type Panel } from "./live-panel";

export type Screen = {
  socket: LiveSocket;
  follow: Follower;
  /** Every update it was sent, in arrival order. */
  received: UpdateEvent[];
  errors: ErrorEvent[];
  snapshots(): number;
};

export type LiveFinal = LiveHarness & {
  /** The demo organizer's session cookie. */
  readonly organizer: string;
  readonly panel: Panel;
  /** Session cookies of the final panel's judges, by judge id (the demo judge among them). */
  readonly judges: Map<number, string>;
  /** The pitch order as the final started. */
  readonly order: number[];
  /** A screen following `channel` (the real final by default) that has its first snapshot. */
  follower(options?: { cookie?: string; channel?: string; reconnection?: boolean }): Promise<Screen>;
  /** A control room that has joined: its latest view as the server sends it. */
  controlRoom(cookie: string): Promise<{ socket: LiveSocket; view: ControlView | null }>;
  /** A panel judge's phone that has joined: its latest judge view. */
  judgePhone(judgeId: number): Promise<{ socket: LiveSocket; view: JudgeView | null }>;
  /** The state a fresh client is given on join. */
  serverState(channel?: string): Promise<PublicState>;
  /** Marks on every criterion, on the rubric's step, that differ with `seed`. */
  marksFor(seed: number): Record<string, string>;
  /** A judge's phone submits once (a fresh submission id unless `key` is given) and disconnects. */
  submitAs(
    judgeId: number,
    entryId: number,
    marks?: Record<string, string>,
    options?: { channel?: string; key?: string; reason?: string },
  ): Promise<Ack>;
  /** Every panel judge submits for the entry, each accepted once (scoring then closes by itself). */
  everyJudgeSubmits(entryId: number, channel?: string): Promise<void>;
  /** The organizer's command from a control room opened for it, as after a restart. */
  control(command: Command, channel?: string): Promise<Ack>;
  /** One pitch from stage to reveal, every panel judge submitting. */
  playPitch(entryId: number, channel?: string): Promise<void>;
};

/**
 * The live final for this file, on the demo server: started, its panel and the organizer signed in.
 * The server can be stopped and started again (`stop`, `start`); cookies stay valid across it.
 */
export function liveFinalForThisFile(): LiveFinal {
  const harness = liveHarnessForThisFile({}, preparePanel);
  const live = Object.create(harness) as LiveFinal;
  let organizer = "";
  let panel: Panel;
  let judges = new Map<number, string>();
  let order: number[] = [];
  Object.defineProperties(live, {
    organizer: { get: () => organizer },
    panel: { get: () => panel },
    judges: { get: () => judges },
    order: { get: () => order },
  });
  beforeAll(async () => {
    organizer = await harness.signIn(ORGANIZER.email, ORGANIZER.password);
    panel = readPanel(harness.dbFile);
    judges = await signInPanel(harness, panel);
    if (judges.get(panel.demoJudge) === undefined) throw new Error(`${JUDGE.email} is not on the final's panel`);
    const [row] = harness.query<{ control: string }>(`SELECT control FROM live_state`);
    order = (JSON.parse(row!.control) as { order: number[] }).order;
  }, 60_000);

  live.follower = async ({ cookie, channel = SLUG, reconnection } = {}) => {
    const socket = harness.socket({ cookie, reconnection });
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
    const follow = followCompetition(socket, channel, null, () => undefined);
    await until(() => follow.state !== null, `the first snapshot of ${channel}`);
    return { socket, follow, received, errors, snapshots: () => snapshots };
  };
  live.controlRoom = async (cookie) => {
    const socket = await harness.connected({ cookie });
    const room = { socket, view: null as ControlView | null };
    socket.on("control", (v) => (room.view = controlViewSchema.parse(v)));
    socket.emit("join", { competition: SLUG });
    await until(() => room.view !== null, "the control view");
    return room;
  };
  live.judgePhone = async (judgeId) => {
    const socket = await harness.connected({ cookie: judges.get(judgeId)! });
    const device = { socket, view: null as JudgeView | null };
    socket.on("judge", (v) => (device.view = judgeViewSchema.parse(v)));
    socket.emit("join", { competition: SLUG });
    await until(() => device.view !== null, "the judge view");
    return device;
  };
  live.serverState = async (channel) => {
    const probe = await live.follower({ channel });
    probe.socket.disconnect();
    return probe.follow.state!;
  };
  live.marksFor = (seed) =>
    Object.fromEntries(
      panel.criteria.map((c, i) => [
        String(c.id),
        formatMilli(Math.floor((c.max_milli * ((seed * 7 + i * 3) % 10)) / 10 / c.step_milli) * c.step_milli),
      ]),
    );
  let keys = 0;
  live.submitAs = async (judgeId, entryId, marks = live.marksFor(judgeId), { channel = SLUG, key, reason } = {}) => {
    const socket = await harness.connected({ cookie: judges.get(judgeId)! });
    try {
      return ackSchema.parse(
        await socket.timeout(5000).emitWithAck("submit", {
          competition: channel,
          submissionId: key ?? `k${String(++keys).padStart(8, "0")}`,
          entryId,
          marks,
          ...(reason === undefined ? {} : { reason }),
        }),
      );
    } finally {
      socket.disconnect();
    }
  };
  live.everyJudgeSubmits = async (entryId, channel) => {
    for (const judgeId of judges.keys())
      expect(await live.submitAs(judgeId, entryId, live.marksFor(judgeId + entryId), { channel })).toMatchObject({
        ok: true,
        duplicate: false,
      });
  };
  live.control = async (command, channel) => {
    const socket = await harness.connected({ cookie: organizer });
    try {
      return await harness.command(socket, command, { channel });
    } finally {
      socket.disconnect();
    }
  };
  live.playPitch = async (entryId, channel) => {
    expect(await live.control({ type: "stage", entryId }, channel)).toEqual({ ok: true });
    expect(await live.control({ type: "open" }, channel)).toEqual({ ok: true });
    await live.everyJudgeSubmits(entryId, channel);
    expect(await live.control({ type: "reveal" }, channel)).toEqual({ ok: true });
  };
  return live;
}
