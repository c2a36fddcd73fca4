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
