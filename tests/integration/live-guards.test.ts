// The live channel's guards against what should not reach it: an audience or judge socket sending
// organizer commands, payloads that do not fit the protocol, floods and oversized messages.
import { describe, expect, it, beforeAll } from "vitest";
import { followCompetition } from "../../app/live/follower";
import type { Command } from "../../app/domain/live-final";
import type { Ack, ErrorEvent } from "../../app/live/protocol";
import { JUDGE, ORGANIZER, SLUG, liveHarnessForThisFile, until } from "../support/live-harness";

const live = liveHarnessForThisFile();
let organizer = "";
let judge = "";

beforeAll(async () => {
  organizer = await live.signIn(ORGANIZER.email, ORGANIZER.password);
  judge = await live.signIn(JUDGE.email, JUDGE.password);
});

const liveSeq = () => live.query<{ seq: number }>(`SELECT seq FROM live_state`)[0]!.seq;
const firstInOrder = () =>
  (JSON.parse(live.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as { order: number[] })
    .order[0]!;

/** An audience client that has its first snapshot. */
async function watch() {
  const socket = live.socket();
  const follow = followCompetition(socket, SLUG, null, () => undefined);
  await until(() => follow.state !== null, "the first snapshot");
  return { socket, follow };
}

describe("the live channel's guards", () => {
  it("refuses every command and submission from an audience socket, with a reason, and changes nothing", async () => {
    const before = liveSeq();
    const audience = live.socket();
    const errors: ErrorEvent[] = [];
    audience.on("error", (e) => errors.push(e));
    await new Promise<void>((resolve) => audience.on("connect", () => resolve()));
    expect(await live.command(audience, { type: "card", card: null })).toMatchObject({
      ok: false,
      code: "live.refusal.forbidden",
    });
    const ack = (await audience.timeout(5000).emitWithAck("submit", {
      competition: SLUG,
      submissionId: "abcdefgh1",
      entryId: firstInOrder(),
      marks: { "1": "5" },
    })) as Ack;
    expect(ack).toMatchObject({ ok: false, code: "live.refusal.forbidden" });
    await until(() => errors.length === 2, "two error events");
    expect(errors.map((e) => e.code)).toEqual(["live.refusal.forbidden", "live.refusal.forbidden"]);
    expect(liveSeq()).toBe(before);
  });

  it("refuses organizer commands from a judge's socket", async () => {
    const before = liveSeq();
    const judgeSocket = await live.connected({ cookie: judge });
    for (const c of [{ type: "stage", entryId: firstInOrder() }, { type: "freeze" }, { type: "reveal" }] as Command[]) {
      expect(await live.command(judgeSocket, c)).toMatchObject({ ok: false, code: "live.refusal.forbidden" });
    }
    expect(liveSeq()).toBe(before);
  });

  it("answers an invalid payload with an error event and changes nothing", async () => {
    const before = liveSeq();
    const org = live.socket({ cookie: organizer });
    const errors: ErrorEvent[] = [];
    org.on("error", (e) => errors.push(e));
    await new Promise<void>((resolve) => org.on("connect", () => resolve()));
    const bad = [
      { competition: SLUG, command: { type: "explode" } },
      { competition: SLUG, command: { type: "stage", entryId: "1; DROP TABLE scores" } },
      { competition: "<script>", command: { type: "open" } },
      "not even an object",
    ];
    for (const message of bad)
      expect(await org.timeout(5000).emitWithAck("control", message as never)).toMatchObject({
        ok: false,
        code: "live.refusal.invalidPayload",
      });
    org.emit("join", { competition: 42 } as never);
    await until(() => errors.length === bad.length + 1, "an error event per bad message");
    expect(errors.every((e) => e.code === "live.refusal.invalidPayload")).toBe(true);
    expect(liveSeq()).toBe(before);
  });

  it("refuses a flood of events from one socket with a reason, cuts it off, and stays up for everyone else", async () => {
    const watcher = await watch();
    const flooder = live.socket();
    const errors: ErrorEvent[] = [];
    flooder.on("error", (e) => errors.push(e));
    const gone = new Promise<string>((resolve) => flooder.on("disconnect", (reason) => resolve(reason)));
    await new Promise<void>((resolve) => flooder.on("connect", () => resolve()));
    for (let i = 0; i < 500; i++) flooder.emit("join", { competition: SLUG });
    expect(await gone).toBe("io server disconnect");
    expect(errors.some((e) => e.code === "live.refusal.rateLimited")).toBe(true);
    const org = await live.connected({ cookie: organizer });
    const seq = watcher.follow.state!.seq;
    expect(
      await live.command(org, {
        type: "card",
        card: { kind: "break", title: { zh: "休息", en: "Break" }, body: { zh: "15 分钟", en: "15 minutes" } },
      }),
    ).toEqual({ ok: true });
    await until(() => watcher.follow.state!.seq === seq + 1, "the card");
    expect((await fetch(live.url + "/healthz")).status).toBe(200);
  });

  it("cuts off a socket that sends a message over 64 KB, and stays up for everyone else", async () => {
    const before = liveSeq();
    const big = await live.connected({ cookie: organizer });
    const gone = new Promise<string>((resolve) => big.on("disconnect", (reason) => resolve(reason)));
    big.emit(
      "control",
      {
        competition: SLUG,
        command: {
          type: "card",
          card: { kind: "notice", title: { zh: "x", en: "x" }, body: { zh: "x".repeat(100_000), en: "" } },
        },
      } as never,
      () => undefined,
    );
    expect(await gone).toMatch(/transport (close|error)/);
    expect(liveSeq()).toBe(before);
    expect((await fetch(live.url + "/healthz")).status).toBe(200);
  });
  it("shows the audience page without sign-in, and the control room and stage view only to their users", async () => {
    const get = (path: string, cookie?: string) =>
      fetch(live.url + path, {
        headers: { "Accept-Language": "en", ...(cookie ? { Cookie: cookie } : {}) },
        redirect: "manual",
      });
    const audiencePage = await get("/live/zgc2026");
    expect(audiencePage.status).toBe(200);
    const html = await audiencePage.text();
    expect(html).toContain("Global final");
    // Nothing of the panel is public before a reveal: no judge's name appears on the page.
    const names = live.query<{ name: string }>(
      `SELECT DISTINCT j.name FROM judges j JOIN assignments a ON a.judge_id = j.id WHERE a.round_id = (SELECT round_id FROM live_state)`,
    );
    for (const { name } of names) expect(html).not.toContain(name);
    expect((await get("/admin/live")).status).toBe(302);
    expect((await get("/admin/live", judge)).status).toBe(403);
    expect((await get("/judge/live")).status).toBe(302);
    expect((await get("/judge/live", organizer)).status).toBe(403);
    expect((await get("/live/nosuch")).status).toBe(404);
  });
});
