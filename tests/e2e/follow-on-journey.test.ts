// The follow-on path in Chromium on the demo: the demo investor finds the demo entrant's entry in its
// ranked list and asks for a meeting; the entrant accepts on the entry's follow-on page; the
// organizer previews, confirms and publishes the meeting schedule; both sides then see the slot on
// their agenda and download it as a calendar file. No page logs an error.
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

let entry: { id: number; code: string };
let investorName = "";

beforeAll(() => {
  entry = demo.query<{ id: number; code: string }>(
    `SELECT e.id, e.code FROM entries e JOIN users u ON u.id = e.entrant_user_id
     JOIN entry_needs n ON n.entry_id = e.id
     WHERE u.email = 'entrant@frontier.demo' AND n.consented_at IS NOT NULL`,
  )[0]!;
  investorName = demo.query<{ name_en: string }>(
    `SELECT p.name_en FROM partners p JOIN partner_people pp ON pp.partner_id = p.id
     JOIN users u ON u.id = pp.user_id WHERE u.email = 'investor@frontier.demo'`,
  )[0]!.name_en;
});

type Actor = { context: BrowserContext; page: Page; errors: string[] };
async function signedIn(email: string, password: string): Promise<Actor> {
  const context = await browser.newContext({ locale: "en-US", acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signInThroughForm(page, demo.url, email, password);
  return { context, page, errors };
}

/** Downloads the agenda's calendar file from the agenda page and returns its text. */
async function downloadAgenda(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the calendar (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  return fs.readFileSync((await download.path())!, "utf8");
}

const requestBetween = () =>
  demo.query<{ id: number; state: string }>(
    `SELECT r.id, r.state FROM meeting_requests r JOIN partner_people pp ON pp.partner_id = r.partner_id
     JOIN users u ON u.id = pp.user_id WHERE u.email = 'investor@frontier.demo' AND r.entry_id = ?`,
    entry.id,
  );

describe("an investor meets an entry through follow-on", () => {
  it("requests, is accepted, is scheduled, and both sides download the slot", async () => {
    expect(requestBetween()).toEqual([]);

    const investor = await signedIn("investor@frontier.demo", "frontier-investor");
    expect(new URL(investor.page.url()).pathname).toBe("/partner");
    await investor.page.locator(`a[href="/partner/entries/${entry.code}"]`).first().click();
    await investor.page.waitForURL(new RegExp(`/partner/entries/${entry.code}$`));
    await investor.page.getByRole("link", { name: "Back to the list" }).waitFor();
    await investor.page.getByLabel("Message (optional)").fill("We invest at Series A in your track. Shall we meet?");
    await investor.page.getByRole("button", { name: "Request a meeting" }).click();
    await expect.poll(() => requestBetween()[0]?.state).toBe("pending");
    await screenshot(investor.page, "follow-on-journey-requested");

    const entrant = await signedIn("entrant@frontier.demo", "frontier-entrant");
    await entrant.page.goto(`${demo.url}/me/entries/${entry.id}/follow-on`);
    const requests = entrant.page
      .locator("section")
      .filter({ has: entrant.page.getByRole("heading", { name: "Meeting requests" }) });
    const item = requests.getByRole("listitem").filter({ hasText: investorName });
    await expect.poll(() => item.first().textContent()).toContain("Shall we meet?");
    await item.first().getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => requestBetween()[0]?.state).toBe("accepted");

    const organizer = await signedIn("organizer@frontier.demo", "frontier-organizer");
    await runAndPublishSchedule(organizer.page);
    const placed = demo.query<{ starts_at: string | null; table_no: number | null }>(
      "SELECT starts_at, table_no FROM meeting_placements WHERE request_id = ?",
      requestBetween()[0]!.id,
    )[0];
    expect(placed?.starts_at).toBeTruthy();
    const dtstart = `DTSTART:${placed!.starts_at!.replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z")}`;

    for (const [who, path] of [
      [investor, "/partner/agenda"],
      [entrant, "/me/agenda"],
    ] as const) {
      await who.page.goto(demo.url + path);
      await expect.poll(() => who.page.getByRole("main").textContent()).toContain(entry.code);
      expect(await who.page.getByRole("main").textContent()).toContain(`Table ${placed!.table_no}`);
      const ics = await downloadAgenda(who.page);
      expect(ics).toContain(dtstart);
      await screenshot(who.page, `follow-on-journey-agenda${path.replace(/\//g, "-")}`);
    }

    for (const who of [investor, entrant, organizer]) {
      expect(who.errors).toEqual([]);
      await who.context.close();
    }
  });
});

/** The organizer's schedule page: the proposal's numbers, confirm them, then publish with the count of e-mails. */
async function runAndPublishSchedule(page: Page) {
  await page.goto(demo.url + "/admin/follow-on/schedule");
  const proposal = page.getByRole("region", { name: "A new scheduling run" });
  await proposal.getByRole("button", { name: /^Confirm: place \d+ meetings?$/ }).click();
  await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Schedule written: \d+ placed/);
  await screenshot(page, "follow-on-journey-schedule");
  await page
    .getByRole("region", { name: "Publishing" })
    .getByRole("button", { name: /^Publish/ })
    .click();
  await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/Published: \d+ e-mails queued/);
}
