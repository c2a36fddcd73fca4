// A judge's day of scoring in Chromium: on a phone, marks tapped with large buttons move the
// weighted total and "Submit and next" opens the next entry still to submit; on a laptop the
// entry's pitch deck is read in a frame beside the sheet, and on a phone it is a link instead.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
let judgeId = 0;
let roundId = 0;

/** The judge's domain entries in list order (still competing), with their sheet's state. */
const listed = () =>
  demo.query<{ id: number; code: string; state: string | null }>(
    `SELECT e.id, e.code, s.status AS state FROM assignments a JOIN entries e ON e.id = a.entry_id
     LEFT JOIN scores s ON s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id
     LEFT JOIN round_entries re ON re.round_id = a.round_id AND re.entry_id = a.entry_id
     WHERE a.round_id = ? AND a.judge_id = ? AND e.status = 'submitted' ORDER BY re.stage_order, e.code`,
    roundId,
    judgeId,
  );

beforeAll(async () => {
  browser = await launchBrowser();
  roundId = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'")[0]!.id;
  judgeId = demo.query<{ id: number }>(
    "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
  )[0]!.id;
});
afterAll(async () => {
  await browser?.close();
});

const total = (page: Page) => page.getByTestId("running-total-value").textContent();
const tap = (page: Page, criterion: string, mark: string) =>
  page
    .getByRole("group", { name: `Marks for ${criterion}` })
    .getByRole("button", { name: mark, exact: true })
    .click();

describe("a judge scoring on a phone", () => {
  it("taps marks with large buttons, sees the weighted total move, and goes on with Submit and next", async () => {
    const todo = listed().filter((r) => r.state !== "submitted");
    const target = todo.find((r) => r.state === null)!;
    const after = todo[todo.indexOf(target) + 1]!;
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "en-US",
    });
    const page = await phone.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "judge@frontier.demo", "frontier-judge");
    await page.goto(demo.url + "/judge/domain");
    // The list's filter for what is still to do, with its count.
    await page.getByRole("link", { name: `To do (${todo.length})` }).click();
    await page.waitForURL(/\/judge\/domain\?show=todo$/);
    await page.getByRole("link", { name: new RegExp(target.code) }).click();
    await page.waitForURL(new RegExp(`/judge/domain/${target.id}$`));

    // What the marks mean, under each criterion.
    await expect.poll(() => page.getByText(/^9–10: at the international frontier of its field/).count()).toBe(1);
    await expect.poll(() => total(page)).toBe("0 of 10");
    // 40% · 30% · 30%: 8.5 → 3.4, then 7 → 5.5, then 9 → 8.2.
    await tap(page, "Frontier technology", "8.5");
    await expect.poll(() => total(page)).toBe("3.4 of 10");
    expect(await page.getByLabel(/^Frontier technology/).inputValue()).toBe("8.5");
    await tap(page, "Path to industry", "7");
    await expect.poll(() => total(page)).toBe("5.5 of 10");
    await tap(page, "Team and execution", "9");
    await expect.poll(() => total(page)).toBe("8.2 of 10");
    await expect
      .poll(() => page.getByText("Every criterion is marked: this is the mark that will count.").count())
      .toBe(1);
    // The tapped mark shows as chosen; typing moves the total too.
    const chosen = page
      .getByRole("group", { name: "Marks for Team and execution" })
      .getByRole("button", { name: "9", exact: true });
    expect(await chosen.getAttribute("aria-pressed")).toBe("true");
    await page.getByLabel(/^Team and execution/).fill("9.5");
    await expect.poll(() => total(page)).toBe("8.35 of 10");
    // The buttons fit the phone: nothing scrolls sideways, and each is large enough to tap.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await chosen.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await screenshot(page, "judge-sheet-buttons-phone");

    await page.getByRole("button", { name: /Submit and next/ }).click();
    await page.waitForURL(new RegExp(`/judge/domain/${after.id}\\?after=${target.code}$`));
    await expect
      .poll(() =>
        page.getByText(`Score for ${target.code} submitted. This is the next entry you have not submitted.`).count(),
      )
      .toBe(1);
    const stored = demo.query<{ status: string; marks: string }>(
      `SELECT s.status, (SELECT group_concat(mark_milli, ',') FROM (SELECT mark_milli FROM score_marks WHERE score_id = s.id ORDER BY criterion_id)) AS marks
       FROM scores s WHERE s.round_id = ? AND s.judge_id = ? AND s.entry_id = ?`,
      roundId,
      judgeId,
      target.id,
    );
    expect(stored).toEqual([{ status: "submitted", marks: "8500,7000,9500" }]);
    await screenshot(page, "judge-sheet-next-phone");
    expect(errors).toEqual([]);
    await phone.close();
  });
});

// A one-page PDF padded with a comment to the size of a real deck (2.4 million bytes, shown as 2.3 MB), put in the file store as
// an upload would be: the frame reads it through the real deck route.
const PDF = Buffer.concat([
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n",
  ),
  Buffer.from(`%${"x".repeat(2_400_000 - 200)}\n`),
  Buffer.from("trailer<</Root 1 0 R>>\n%%EOF\n"),
]);

function storeDeck(dbFile: string, bytes: Buffer): string {
  const sha = crypto.createHash("sha256").update(bytes).digest("hex");
  const dir = path.join(path.dirname(dbFile), "files", sha.slice(0, 2), sha.slice(2, 4));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, sha), bytes);
  return sha;
}

describe("a judge scoring on a laptop", () => {
  it("reads the entry's pitch deck in a frame beside the sheet, and on a phone gets a link to open it", async () => {
    const entry = listed()
      .filter((r) => r.state !== "submitted")
      .at(-1)!;
    demo.run(
      "INSERT INTO entry_decks (entry_id, sha256, bytes, file_name) VALUES (?, ?, ?, 'deck.pdf')",
      entry.id,
      storeDeck(demo.dbFile, PDF),
      PDF.length,
    );
    demo.run("UPDATE entries SET video_url = 'https://video.example.org/pitch' WHERE id = ?", entry.id);
    const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
    const page = await desk.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "judge@frontier.demo", "frontier-judge");
    await page.goto(`${demo.url}/judge/domain/${entry.id}`);
    const frame = page.getByTestId("deck-frame");
    await expect.poll(() => frame.isVisible()).toBe(true);
    expect(await frame.getAttribute("src")).toBe(`/entries/${entry.code}/deck`);
    expect(await frame.getAttribute("title")).toBe(`Pitch deck of ${entry.code}`);
    // Beside the sheet, not above it: the frame's right edge is left of the sheet, and they share the height.
    const deckBox = (await frame.boundingBox())!;
    const sheetBox = (await page
      .locator("form")
      .filter({ has: page.getByTestId("running-total") })
      .boundingBox())!;
    expect(deckBox.x + deckBox.width).toBeLessThanOrEqual(sheetBox.x);
    expect(deckBox.y).toBeLessThan(sheetBox.y + sheetBox.height);
    expect(deckBox.width).toBeGreaterThan(500);
    expect(deckBox.height).toBeGreaterThan(500);
    expect(await page.getByTestId("deck-link").isVisible()).toBe(false);
    expect(await page.getByTestId("video-link").getAttribute("href")).toBe("https://video.example.org/pitch");
    await screenshot(page, "judge-sheet-deck-laptop");

    // The same page on a phone: no frame, a link that says what it opens.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => frame.isVisible()).toBe(false);
    const link = page.getByTestId("deck-link");
    expect(await link.isVisible()).toBe(true);
    expect(await link.textContent()).toBe("Open the pitch deck (PDF, 2.3 MB)");
    expect(await link.getAttribute("href")).toBe(`/entries/${entry.code}/deck`);
    expect(errors).toEqual([]);
    await desk.close();
  });
});
