// An organizer adds the first round of a new edition in a browser, lands on its set-up page, and
// sees the edition's rounds with what each still allows.
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";
import { buildEdition } from "../support/new-edition";

const demo = demoServerForThisFile({}, (file) => {
  const sqlite = new Database(file);
  try {
    buildEdition(
      (sql, ...p) => sqlite.prepare(sql).run(...p),
      (sql) => sqlite.prepare(sql).all() as never[],
      "look2027",
      2027,
    );
  } finally {
    sqlite.close();
  }
});
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

describe("adding a round in the browser", () => {
  it("fills the form, is told about a bad slug at the field, adds the round and opens its set-up page", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 1400 } });
    const [name, value] = (await demo.signIn("organizer@frontier.demo", "frontier-organizer")).split("=");
    await context.addCookies([{ name: name!, value: value!, url: demo.url }]);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${demo.url}/admin/competitions/look2027/rounds/new`);
    await page.fill("#round-nameZh", "初赛");
    await page.fill("#round-nameEn", "Preliminary round");
    await page.fill("#round-slug", "pre lim");
    await screenshot(page, "round-create-form");
    await page.click('button[type="submit"]:has-text("Add the round")');
    await expect.poll(() => page.locator("#round-slug-error").textContent()).toContain("lowercase letters");
    expect(await page.inputValue("#round-nameEn")).toBe("Preliminary round");
    await page.fill("#round-slug", "prelim");
    await Promise.all([
      page.waitForURL(/\/admin\/rounds\/prelim/),
      page.click('button[type="submit"]:has-text("Add the round")'),
    ]);
    await expect.poll(() => page.locator("h1, h2").allTextContents()).toContain("Rubric");
    expect(await page.locator('input[name="criteria[0].nameEn"]').inputValue()).toBe("Innovation");
    await page.goto(`${demo.url}/admin/competitions/look2027/rounds`);
    await expect.poll(() => page.locator("li").first().textContent()).toContain("Preliminary round");
    await screenshot(page, "round-create-list");
    // The refused slug is answered 400, as it should be; the browser logs that, and nothing else may fail.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });
});
