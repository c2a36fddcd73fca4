// A judge scores on a phone; the organizer's dashboard shows the submission.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

describe("a judge scoring on a phone", () => {
  it("signs in, opens an entry, is told about a bad mark, autosaves a draft, submits, and the organizer's dashboard counts it", async () => {
    const judge = demo.query<{ id: number; name: string }>(
      "SELECT j.id, j.name FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
    )[0]!;
    const round = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'")[0]!;
    const progress = () =>
      demo.query<{ submitted: number; assigned: number }>(
        `SELECT (SELECT count(*) FROM scores WHERE round_id = ? AND judge_id = ? AND status = 'submitted') AS submitted,
                (SELECT count(*) FROM assignments WHERE round_id = ? AND judge_id = ?) AS assigned`,
        round.id,
        judge.id,
        round.id,
        judge.id,
      )[0]!;
    const before = progress();
    const target = demo.query<{ id: number; code: string }>(
      `SELECT e.id, e.code FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted'
       WHERE a.round_id = ? AND a.judge_id = ? AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id)
       ORDER BY e.code LIMIT 1`,
      round.id,
      judge.id,
    )[0]!;
    const score = () =>
      demo.query<{ status: string; marks: number }>(
        "SELECT s.status, (SELECT count(*) FROM score_marks WHERE score_id = s.id) AS marks FROM scores s WHERE s.round_id = ? AND s.judge_id = ? AND s.entry_id = ?",
        round.id,
        judge.id,
        target.id,
      )[0];

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "en-US",
    });
    const page = await phone.newPage();
    const errors = watchErrors(page);
    await page.goto(demo.url + "/login");
    await page.getByLabel("E-mail").fill("judge@frontier.demo");
    await page.getByLabel("Password").fill("frontier-judge");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/judge$/);
    await page
      .getByRole("link", { name: /Domain round/ })
      .first()
      .click();
    await page.waitForURL(/\/judge\/domain$/);
    await expect.poll(() => page.getByText(`${before.submitted} of ${before.assigned} submitted`).count()).toBe(1);
    await page.getByRole("link", { name: new RegExp(target.code) }).click();
    await page.waitForURL(new RegExp(`/judge/domain/${target.id}$`));

    // A mark above the maximum is explained at its field before anything is sent.
    const first = page.getByLabel(/^Frontier technology/);
    await first.fill("11");
    await first.blur();
    await expect.poll(() => page.getByText("This mark is above the criterion's maximum.").count()).toBe(1);
    await first.fill("8.5");
    await page.getByLabel(/^Path to industry/).fill("7");
    // Typing stops: the draft is saved by itself.
    await expect.poll(() => page.getByText(/Draft saved at/).count(), { timeout: 15_000 }).toBe(1);
    expect(score()).toEqual({ status: "draft", marks: 2 });
    await page.getByLabel(/^Team and execution/).fill("9");
    await page.getByLabel("Comment").fill("Convincing lab results; the market plan is thin.");
    // The page fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, "judge-sheet-phone");
    await page.getByRole("button", { name: "Submit score" }).click();
    await page.waitForURL(/submitted=1$/);
    await expect.poll(() => page.getByText("Score submitted. Thank you!").count()).toBe(1);
    expect(score()).toEqual({ status: "submitted", marks: 3 });
    // Once submitted, the sheet asks for a reason before any change.
    await expect.poll(() => page.getByLabel("Reason for the revision").count()).toBe(1);
    expect(errors).toEqual([]);
    await phone.close();

    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const admin = await desk.newPage();
    const adminErrors = watchErrors(admin);
    await signInThroughForm(admin, demo.url, "organizer@frontier.demo", "frontier-organizer");
    await admin.goto(demo.url + "/admin/rounds/domain/dashboard");
    const row = admin.getByTestId("judge-progress").locator(`li[data-judge="${judge.id}"]`);
    expect(await row.textContent()).toContain(judge.name);
    await expect.poll(() => row.textContent()).toContain(`${before.submitted + 1}/${before.assigned}`);
    await screenshot(admin, "judging-dashboard");
    expect(adminErrors).toEqual([]);
    await desk.close();
  });
});

describe("an organizer running the judging", () => {
  it("runs the assignment with a progress indication, opens an entry's panel, and compares the ranking under another rule", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "organizer@frontier.demo", "frontier-organizer");

    await page.goto(demo.url + "/admin/rounds/domain/assignments");
    await page.getByRole("button", { name: "Run the assignment" }).click();
    // The progress bar shows while the server works, then the outcome replaces it.
    await expect
      .poll(
        () =>
          page
            .getByText(/^Done in \d+ ms: judge–entry pairs added \d+, removed 0; each judge now has \d+–\d+ entries\.$/)
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    expect(await page.getByRole("progressbar").count()).toBe(0);

    // An entry with a judge who has not scored it yet: that seat can be swapped.
    const code = demo.query<{ code: string }>(
      `SELECT e.code FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted'
       WHERE a.round_id = (SELECT id FROM rounds WHERE slug = 'domain')
         AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id AND s.status = 'submitted')
       ORDER BY e.code LIMIT 1`,
    )[0]!.code;
    await page.getByLabel("Entry code").fill(code);
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => page.getByText("One entry's panel").count()).toBe(1);
    await expect.poll(() => page.getByRole("button", { name: "Swap" }).count()).toBeGreaterThan(0);

    await page.goto(demo.url + "/admin/rounds/domain/results");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect.poll(() => page.getByText(/entr(y|ies) would move\./).count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, "results-compare");
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
