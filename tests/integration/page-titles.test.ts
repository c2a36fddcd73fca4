// Every page says what it is in the browser's tab and history, in the reader's language.
import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const titleOf = async (path: string, cookie = "", lang = "en") => {
  const html = await (await demo.get(path, { cookie, lang })).text();
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null;
};

describe("page titles", () => {
  it("name each page in English and in Chinese", async () => {
    expect(await titleOf("/login")).toBe("Sign in · Frontier");
    expect(await titleOf("/login", "", "zh-CN")).toBe("登录 · Frontier 前沿");
    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    const pages: [string, string, string][] = [
      ["/admin/users", organizer, "Accounts · Frontier"],
      ["/admin/judges", organizer, "Judges · Frontier"],
      ["/admin/rounds/domain", organizer, "Round settings · Frontier"],
      ["/admin/rounds/domain/assignments", organizer, "Assignment · Frontier"],
      ["/admin/live", organizer, "Control room · Frontier"],
      ["/judge", judge, "Judging · Frontier"],
    ];
    for (const [path, cookie, title] of pages) expect(await titleOf(path, cookie), path).toBe(title);
    expect(await titleOf("/admin/live", organizer, "zh-CN")).toBe("现场控制台 · Frontier 前沿");
  });
});

describe("a failing page inside an area", () => {
  it("keeps the site's header and says, in the reader's language, that the page is for another role", async () => {
    const judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    const res = await demo.get("/admin/users", { cookie: judge });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Not for this account");
    expect(html).toContain("Back to the organizer&#x27;s pages");
    expect(html).toMatch(/<header/);
    const zh = await (await demo.get("/admin/users", { cookie: judge, lang: "zh-CN" })).text();
    expect(zh).toContain("此账号无权访问");
  });

  it("sends an organizer at /admin to the rounds", async () => {
    const res = await demo.get("/admin");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/rounds");
  });
});
