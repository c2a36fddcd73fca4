// Embedding the live final in a partner's page (issue 14, item 6) over the real server: the
// organizer lists the partner origins (a wrong one refused at the field, nothing stored; the change
// audited), the live pages and overlays may then be framed by exactly those origins while every
// other page stays same-origin, a partner's page opens the live channel and gets the snapshot while
// an unlisted origin is refused, and the JSON API carries the server's clock.
import { describe, expect, it } from "vitest";
import { snapshotEvent } from "../../app/live/protocol";
import { JUDGE, liveHarnessForThisFile, ORGANIZER, SLUG } from "../support/live-harness";

const live = liveHarnessForThisFile();
const PARTNER = "https://partner.example";
const LOCAL_PARTNER = "http://localhost:5173";

const stored = () =>
  live.query<{ embed_origins: string }>(`SELECT embed_origins FROM competitions WHERE slug = ?`, SLUG)[0]!;
const audits = () =>
  live.query<{ before: string; after: string; actor_user_id: number }>(
    `SELECT before, after, actor_user_id FROM audit_log WHERE action = 'competition.embed_origins' ORDER BY id`,
  );
const save = (origins: string, cookie: string) =>
  live.post("/admin/live/embedding", new URLSearchParams({ origins }), { cookie });
const frameAncestors = (res: Response) =>
  /frame-ancestors ([^;]*)/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? null;

describe("the organizer's list of partner sites", () => {
  it("refuses a wrong origin at the field, in the reader's language, and stores nothing", async () => {
    const cookie = await live.signIn(ORGANIZER.email, ORGANIZER.password);
    const withPath = await save(`${PARTNER}\nhttps://other.example/live`, cookie);
    expect(withPath.status).toBe(400);
    expect(await withPath.text()).toContain(
      "“https://other.example/live”: write the origin only, without a path or a trailing slash",
    );
    const html = await (await save("ftp://files.example", cookie)).text();
    expect(html).toMatch(
      /id="embed-origins-error"[^>]*>“ftp:\/\/files\.example”: use https \(plain http only for localhost\)/,
    );
    expect(html).toContain('aria-invalid="true"');
    const chinese = await (
      await live.post("/admin/live/embedding", new URLSearchParams({ origins: "https://x.example/" }), {
        cookie,
        lang: "zh-CN",
      })
    ).text();
    expect(chinese).toContain("只写源，不要路径");
    const tooMany = Array.from({ length: 21 }, (_, i) => `https://p${i}.example`).join("\n");
    expect((await save(tooMany, cookie)).status).toBe(400);
    expect(stored().embed_origins).toBe("");
    expect(audits()).toEqual([]);
  });

  it("is for organizers only", async () => {
    const judge = await live.signIn(JUDGE.email, JUDGE.password);
    const res = await save(PARTNER, judge);
    expect(res.status).not.toBe(200);
    expect(stored().embed_origins).toBe("");
  });

  it("saves the list in one audited change, each origin once", async () => {
    const cookie = await live.signIn(ORGANIZER.email, ORGANIZER.password);
    const res = await save(`${PARTNER}\n  ${LOCAL_PARTNER} ${PARTNER}\n`, cookie);
    expect(res.status).toBe(200);
    expect(stored().embed_origins).toBe(`${PARTNER}\n${LOCAL_PARTNER}`);
    const [row, ...more] = audits();
    expect(more).toEqual([]);
    expect(JSON.parse(row!.before)).toEqual({ origins: [] });
    expect(JSON.parse(row!.after)).toEqual({ origins: [PARTNER, LOCAL_PARTNER] });
    // Saving the same list again changes nothing and records nothing.
    expect((await save(`${PARTNER}\n${LOCAL_PARTNER}`, cookie)).status).toBe(200);
    expect(audits()).toHaveLength(1);
  });
});

describe("who may frame the live pages", () => {
  it("lets the listed partners frame the big screen and the overlays, and nobody frame any other page", async () => {
    for (const path of [`/live/${SLUG}`, `/live/${SLUG}/overlay/ranking`, `/live/${SLUG}/overlay/lower-third`]) {
      const res = await live.get(path);
      expect(res.status, path).toBe(200);
      expect(frameAncestors(res), path).toBe(`'self' ${PARTNER} ${LOCAL_PARTNER}`);
      expect(res.headers.get("x-frame-options"), path).toBeNull();
      // The rest of the policy is helmet's, untouched.
      expect(res.headers.get("content-security-policy"), path).toMatch(/script-src 'self' 'nonce-/);
    }
    for (const path of ["/", `/c/${SLUG}`, "/login", `/live/${SLUG}/rehearsal`]) {
      const res = await live.get(path);
      expect(frameAncestors(res), path).toBe("'self'");
      expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
    }
  });

  it("answers a wrong overlay query with 400, naming the parameter", async () => {
    const typo = await live.get(`/live/${SLUG}/overlay/ranking?background=gren`);
    expect(typo.status).toBe(400);
    expect(await typo.text()).toContain("background must be one of transparent, green, blue, magenta");
    expect((await live.get(`/live/${SLUG}/overlay/ranking?rows=31`)).status).toBe(400);
    expect((await live.get(`/live/${SLUG}/overlay/lower-third?background=blue`)).status).toBe(200);
    expect((await live.get(`/live/nosuch/overlay/ranking`)).status).toBe(404);
  });
});

describe("a partner's page on the live channel", () => {
  it("connects from a listed origin and gets the snapshot; an unlisted origin is refused", async () => {
    const partner = await live.connected({ origin: PARTNER });
    const snapshot = new Promise<unknown>((resolve) => partner.once("snapshot", resolve));
    partner.emit("join", { competition: SLUG });
    const event = snapshotEvent.parse(await snapshot);
    expect(event.state?.entries.length).toBeGreaterThan(0);
    expect(event.serverNow).toBeGreaterThan(0);
    await expect(live.connected({ origin: "https://stranger.example" })).rejects.toThrow("origin_not_allowed");
    await expect(live.connected({ origin: "null" })).rejects.toThrow("origin_not_allowed");
  });

  it("gets CORS headers for long-polling from a listed origin only", async () => {
    const poll = (origin: string) =>
      fetch(`${live.url}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: origin } });
    const listed = await poll(PARTNER);
    expect(listed.headers.get("access-control-allow-origin")).toBe(PARTNER);
    const stranger = await poll("https://stranger.example");
    expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("GET /api/v1/live/:competition", () => {
  it("carries the server's clock beside the state, with the pitch timer", async () => {
    const before = Date.now();
    const body = (await (await live.get(`/api/v1/live/${SLUG}`)).json()) as {
      serverNow: number;
      state: { timer: { durationMs: number; startedAt: number | null } };
    };
    expect(body.serverNow).toBeGreaterThanOrEqual(before - 1000);
    expect(body.serverNow).toBeLessThanOrEqual(Date.now() + 1000);
    expect(body.state.timer).toMatchObject({ durationMs: 360_000, startedAt: null });
  });
});
