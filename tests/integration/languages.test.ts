// The three interface languages over HTTP: who gets Traditional Chinese, who English, the switch
// remembered and stored on the account, Simplified content converted, the reader's separators.
import { describe, expect, it } from "vitest";
import { toTraditional } from "../../app/i18n/traditional.server";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();

const htmlSafe = (s: string) => !/[&<>"']/.test(s);

describe("interface languages", () => {
  it("serves a Hong Kong browser Traditional Chinese, the edition's name converted too", async () => {
    for (const lang of ["zh-HK,zh;q=0.9,en;q=0.8", "zh-TW", "zh-MO"]) {
      const html = await (await demo.get("/c/zgc2026", { lang })).text();
      expect(html, lang).toContain('<html lang="zh-Hant"');
      expect(html).toContain("2026 中關村國際前沿科技創新大賽");
      expect(html).toContain(">登入<"); // the sign-in link: 登入, not the mainland 登录/登錄
      expect(html).not.toContain("中关村");
    }
  });

  it("serves a German, Japanese or Korean browser English, not Chinese", async () => {
    for (const lang of ["de-DE,de;q=0.9", "ja", "ko-KR", "it"]) {
      const html = await (await demo.get("/c/zgc2026", { lang })).text();
      expect(html, lang).toContain('<html lang="en"');
      expect(html).toContain("2026 Zhongguancun International Frontier Technology Innovation Competition");
    }
  });

  it("offers all three languages on the switch, 繁體中文 first to a Taiwan browser", async () => {
    const html = await (await demo.get("/c/zgc2026", { lang: "zh-TW" })).text();
    const order = [...html.matchAll(/name="locale" value="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(["zh-Hant", "zh-Hans", "en"]);
    const en = await (await demo.get("/c/zgc2026", { lang: "de-DE" })).text();
    expect([...en.matchAll(/name="locale" value="([^"]+)"/g)].map((m) => m[1])).toEqual(["en", "zh-Hans", "zh-Hant"]);
  });

  it("remembers 繁體中文 chosen with the switch and stores it on the signed-in account", async () => {
    const session = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    const res = await demo.post("/locale", new URLSearchParams({ locale: "zh-Hant", redirectTo: "/c/zgc2026" }), {
      cookie: session,
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/c/zgc2026");
    const lng = res.headers.get("set-cookie")!.split(";")[0]!;
    const page = await (await demo.get("/c/zgc2026", { lang: "en", cookie: `${session}; ${lng}` })).text();
    expect(page).toContain('<html lang="zh-Hant"');
    expect(page).toMatch(/value="zh-Hant"[^>]*aria-pressed="true"/);
    const [user] = demo.query<{ locale: string }>("SELECT locale FROM users WHERE email = ?", "entrant@frontier.demo");
    expect(user!.locale).toBe("zh-Hant");
  });

  it("stores a language chosen before signing in on the account at sign-in", async () => {
    const choose = await demo.post("/locale", new URLSearchParams({ locale: "zh-Hant", redirectTo: "/login" }));
    const lng = choose.headers.get("set-cookie")!.split(";")[0]!;
    const signIn = await demo.post(
      "/login",
      new URLSearchParams({ email: "judge@frontier.demo", password: "frontier-judge" }),
      { cookie: lng },
    );
    expect(signIn.status).toBe(302);
    const [user] = demo.query<{ locale: string }>("SELECT locale FROM users WHERE email = ?", "judge@frontier.demo");
    expect(user!.locale).toBe("zh-Hant");
  });

  it("shows a title entered in Simplified Chinese in Traditional characters to a zh-Hant reader", async () => {
    const entries = demo.query<{ code: string; title_zh: string }>(
      "SELECT code, title_zh FROM entries WHERE status = 'submitted' AND title_zh IS NOT NULL ORDER BY id LIMIT 200",
    );
    const entry = entries.find((e) => htmlSafe(e.title_zh) && toTraditional(e.title_zh) !== e.title_zh)!;
    expect(entry).toBeDefined();
    const hant = await (await demo.get(`/entries/${entry.code}`, { lang: "zh-HK" })).text();
    expect(hant).toContain(toTraditional(entry.title_zh));
    expect(hant).not.toContain(`>${entry.title_zh}<`);
    const hans = await (await demo.get(`/entries/${entry.code}`, { lang: "zh-CN" })).text();
    expect(hans).toContain(`>${entry.title_zh}<`);
  });

  it("writes results with a German reader's decimal comma and an English reader's point", async () => {
    const path = "/c/zgc2026/results/regional?group=EU";
    const de = await (await demo.get(path, { lang: "de-DE,de;q=0.9,en;q=0.8" })).text();
    const en = await (await demo.get(path, { lang: "en-US" })).text();
    expect(de).toContain('<html lang="en"');
    const marks = (html: string) => [...html.matchAll(/tabular-nums text-slate-900">(\d+[.,]\d+)</g)].map((m) => m[1]!);
    const deMarks = marks(de);
    expect(deMarks.length).toBeGreaterThan(10);
    expect(deMarks.every((m) => m.includes(","))).toBe(true);
    expect(marks(en)).toEqual(deMarks.map((m) => m.replace(",", ".")));
  });
});
