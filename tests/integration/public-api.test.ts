// The public JSON read API for partners who do not use Socket.IO: live state and published
// results, cacheable and revalidated by ETag, never showing what is not published.
import { io as connect } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import type { Ack } from "../../app/live/protocol";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();

describe("GET /api/v1/results/:competition/:round", () => {
  it("serves a published round's first ranking unit with every row, cacheable and readable from any origin", async () => {
    const res = await demo.get("/api/v1/results/zgc2026/regional");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await res.json()) as {
      unit: string;
      units: string[];
      rows: { rank: number | null; code: string; group: string }[];
      round: { scope: string };
    };
    expect(body.round.scope).toBe("group");
    expect(body.units).toHaveLength(8);
    expect(body.unit).toBe(body.units[0]);
    const expected = demo.count(
      `SELECT count(*) AS n FROM results r JOIN rounds o ON o.id = r.round_id JOIN groups g ON 'group:' || g.id = r.unit WHERE o.slug = 'regional' AND 'group:' || g.code = ?`,
      body.unit,
    );
    expect(body.rows).toHaveLength(expected);
    expect(body.rows.every((r) => `group:${r.group}` === body.unit)).toBe(true);
    expect(body.rows[0]!.rank).toBe(1);
  });

  it("answers 304 with no body when the partner's ETag is still current", async () => {
    const first = await demo.get("/api/v1/results/zgc2026/regional?unit=group:BJ");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await demo.get("/api/v1/results/zgc2026/regional?unit=group:BJ", {
      headers: { "If-None-Match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await demo.get("/api/v1/results/zgc2026/regional?unit=group:AS", {
      headers: { "If-None-Match": etag },
    });
    expect(other.status).toBe(200);
  });

  it("does not show a round that is not published, and explains an unknown unit", async () => {
    const open = await demo.get("/api/v1/results/zgc2026/domain");
    expect(open.status).toBe(404);
    expect(await open.json()).toMatchObject({ error: { code: "not_published" } });
    const bad = await demo.get("/api/v1/results/zgc2026/regional?unit=group:XX");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "bad_unit", message: { en: expect.stringContaining("unit"), zh: expect.any(String) } },
    });
    expect((await demo.get("/api/v1/results/nope/regional")).status).toBe(404);
  });
});

describe("GET /api/v1/live/:competition", () => {
  it("follows the live final: null before it starts, then its state, with an ETag that moves with seq", async () => {
    const before = await demo.get("/api/v1/live/zgc2026");
    expect(before.status).toBe(200);
    expect(before.headers.get("cache-control")).toBe("public, max-age=1");
    expect(await before.json()).toEqual({
      protocol: 1,
      competition: "zgc2026",
      state: null,
      serverNow: expect.any(Number) as number,
    });

    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    expect(
      (await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie: organizer })).status,
    ).toBe(302);
    const started = await demo.get("/api/v1/live/zgc2026");
    const etag = started.headers.get("etag")!;
    expect(etag).toBe('"live-zgc2026-final-0"');
    const state = ((await started.json()) as { state: { entries: unknown[]; seq: number } }).state;
    expect(state.entries).toHaveLength(22);
    expect((await demo.get("/api/v1/live/zgc2026", { headers: { "If-None-Match": etag } })).status).toBe(304);

    const socket: LiveSocket = connect(demo.url + "/live", {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: organizer },
    });
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const ack = (await socket.timeout(5000).emitWithAck("control", {
      competition: "zgc2026",
      command: {
        type: "card",
        card: { kind: "break", title: { zh: "休息", en: "Break" }, body: { zh: "", en: "" } },
      },
    })) as Ack;
    socket.disconnect();
    expect(ack).toEqual({ ok: true });
    const moved = await demo.get("/api/v1/live/zgc2026", { headers: { "If-None-Match": etag } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).toBe('"live-zgc2026-final-1"');
    expect(((await moved.json()) as { state: { card: { title: { en: string } } } }).state.card.title.en).toBe("Break");
    expect((await demo.get("/api/v1/live/nosuch")).status).toBe(404);
  });
});
