// Public pages on results day: anonymous visitors get cacheable answers that a browser, nginx or a
// CDN can revalidate, the server renders each page once per data version, and a signed-in visitor's
// page is never kept or shared.
import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const RESULTS = "/c/zgc2026/results/regional";

describe("public pages for anonymous visitors", () => {
  it("are cacheable by shared caches, with an ETag, and vary on what picks the language", async () => {
    for (const path of ["/c/zgc2026", "/c/zgc2026/results", RESULTS]) {
      const res = await demo.get(path);
      // The results index sends the visitor on to the latest published round: kept like a page.
      expect([200, 302], path).toContain(res.status);
      expect(res.headers.get("cache-control")).toBe("public, max-age=5, s-maxage=30, stale-while-revalidate=60");
      expect(res.headers.get("etag")).toMatch(/^W\/"\d+-[\w-]+"$/);
      expect(res.headers.get("vary")).toContain("Accept-Language, Cookie");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
  });

  it("answer 304 with no body while the ETag is current, and the page again for another ETag", async () => {
    const first = await demo.get(RESULTS);
    const etag = first.headers.get("etag")!;
    const again = await demo.get(RESULTS, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const stale = await demo.get(RESULTS, { headers: { "If-None-Match": 'W/"0-old"' } });
    expect(stale.status).toBe(200);
  });

  it("serve a page kept in memory with the very Content-Security-Policy its nonce was rendered under", async () => {
    await demo.get(RESULTS);
    const kept = await demo.get(RESULTS);
    expect(kept.headers.get("x-public-cache")).toBe("hit");
    const nonce = /'nonce-([^']+)'/.exec(kept.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const html = await kept.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html.match(/nonce="([^"]+)"/g)!.every((n) => n === `nonce="${nonce}"`)).toBe(true);
  });

  it("render once for a burst of identical requests", async () => {
    // A change no page shows as such still moves the version: the burst meets an empty cache.
    demo.run("UPDATE competitions SET name_en = name_en WHERE slug = 'zgc2026'");
    const burst = await Promise.all(Array.from({ length: 20 }, () => demo.get("/c/zgc2026/results")));
    const states = burst.map((r) => r.headers.get("x-public-cache"));
    expect(states.filter((s) => s === "miss")).toHaveLength(1);
    expect(states.every((s) => s === "miss" || s === "shared" || s === "hit")).toBe(true);
    const bodies = new Set(await Promise.all(burst.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    expect(new Set(burst.map((r) => r.headers.get("etag"))).size).toBe(1);
  });

  it("give another language its own page and ETag", async () => {
    const en = await demo.get(RESULTS, { lang: "en" });
    const zh = await demo.get(RESULTS, { lang: "zh-CN" });
    const chosen = await demo.get(RESULTS, { lang: "zh-CN", cookie: "lng=ImVuIg%3D%3D" });
    expect(en.headers.get("etag")).not.toBe(zh.headers.get("etag"));
    expect(await en.text()).toContain('lang="en"');
    expect(await zh.text()).toContain('lang="zh-Hans"');
    // The language switch's cookie wins over the browser's language, and is part of the key.
    expect(chosen.headers.get("etag")).not.toBe(zh.headers.get("etag"));
  });

  it("change their ETag and show the change when an organizer disqualifies an entry", async () => {
    const [entry] = demo.query<{ id: number; code: string }>(
      "SELECT id, code FROM entries WHERE status = 'submitted' ORDER BY id DESC LIMIT 1",
    );
    const page = `/entries/${encodeURIComponent(entry!.code)}`;
    const withoutNonce = (html: string) => html.replace(/nonce="[^"]*"/g, "");
    const before = await demo.get(page);
    const etag = before.headers.get("etag")!;
    const beforeHtml = withoutNonce(await before.text());
    expect(withoutNonce(await (await demo.get(page)).text())).toBe(beforeHtml);
    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const done = await demo.post(
      `/admin/entries/${entry!.id}`,
      new URLSearchParams({ form: "status", status: "disqualified", reason: "Plagiarised pitch deck" }),
      { cookie: organizer },
    );
    expect(done.status).toBe(302);
    const after = await demo.get(page, { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(withoutNonce(await after.text())).not.toBe(beforeHtml);
  });
});

describe("public pages for signed-in visitors", () => {
  it("are private, never stored, and never answered from the anonymous cache", async () => {
    const anonymous = await demo.get("/c/zgc2026");
    expect(anonymous.headers.get("cache-control")).toMatch(/^public/);
    const entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    const mine = await demo.get("/c/zgc2026", {
      cookie: entrant,
      headers: { "If-None-Match": anonymous.headers.get("etag")! },
    });
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    expect(mine.headers.get("etag")).toBeNull();
    expect(mine.headers.get("x-public-cache")).toBeNull();
  });
});
