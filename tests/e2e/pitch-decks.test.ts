// An entrant attaching a pitch deck in Chromium: the file is posted in place and listed on the
// entry's page, a file over 20 MB is refused at the field before it is sent, and the deck shows
// in a frame on the same site (as on the judge's sheet) without a security-policy error.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";
import { tinyPdf } from "../support/tiny-pdf";

const demo = demoServerForThisFile();
let browser: Browser;
let entryId = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  entryId = demo.query<{ id: number }>(
    "SELECT e.id FROM entries e JOIN users u ON u.id = e.entrant_user_id WHERE u.email = 'entrant@frontier.demo'",
  )[0]!.id;
  demo.run(
    `UPDATE competitions SET registration_opens_at = '2019-01-01T00:00:00.000Z', registration_closes_at = '2099-01-01T00:00:00.000Z'
     WHERE id = (SELECT competition_id FROM entries WHERE id = ?)`,
    entryId,
  );
});
afterAll(async () => {
  await browser?.close();
});

describe("pitch deck in the browser", () => {
  it("an entrant attaches a deck on the entry's page, is stopped at once for a file over 20 MB, and the deck shows in a frame", async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "entrant@frontier.demo", "frontier-entrant");
    await page.goto(`${demo.url}/me/entries/${entryId}`);
    await page.waitForLoadState("networkidle");

    const file = page.getByLabel("PDF file");
    await file.setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(21 * 1024 * 1024) });
    await expect
      .poll(() => page.getByRole("alert").allTextContents())
      .toContain("The file is larger than 20 MB: choose a smaller PDF.");

    await file.setInputFiles({
      name: "Our pitch.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(tinyPdf("e2e")),
    });
    await page.getByLabel("Video link (optional)").fill("https://video.example.org/pitch");
    await page.getByRole("button", { name: "Save deck and link" }).click();
    await page.getByText("Deck and link saved.").waitFor();
    const link = page.getByRole("link", { name: /Read the deck: Our pitch\.pdf/ });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/entries\/[A-Z0-9-]+\/deck$/);
    await link.scrollIntoViewIfNeeded();
    await screenshot(page, "pitch-deck-saved");

    // As the judge's sheet will: the deck in a frame of a page of the same site.
    const framed = page.waitForResponse((res) => res.url().endsWith(href!));
    await page.evaluate((src) => {
      const frame = document.createElement("iframe");
      frame.src = src;
      frame.style.width = "600px";
      frame.style.height = "400px";
      document.body.prepend(frame);
    }, href!);
    const response = await framed;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    await page.waitForTimeout(500);
    await screenshot(page, "pitch-deck-framed");
    expect(errors).toEqual([]);
    await page.close();
  });
});
