// The agenda and outcome pages in Chromium: a partner's person reads the published agenda, downloads
// the calendar file, and records an outcome (a bad amount shown at its field first); the organizer
// reads the dashboard. No page logs an error beyond the refused post's 400.
import Database from "better-sqlite3";
import fs from "node:fs";
import type { Browser } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";
import { addPartner, demoRound, entriesInRound, giveNeeds, openFollowOn } from "../support/follow-on";
import { acceptedMeeting, placeMeeting, publishSchedule } from "../support/follow-on-agenda";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));
let password = "";
let meetingId = 0;
let code = "";

beforeAll(async () => {
  const sqlite = new Database(demo.dbFile);
  sqlite.pragma("busy_timeout = 5000");
  const { competitionId, roundId } = demoRound(sqlite, "final");
  openFollowOn(sqlite, competitionId, roundId);
  const [a] = entriesInRound(sqlite, roundId);
  giveNeeds(sqlite, a!.id, { financing: { amountWan: 800, stage: "A" } });
  code = (sqlite.prepare("SELECT code FROM entries WHERE id = ?").get(a!.id) as { code: string }).code;
  const p = await addPartner(sqlite, competitionId, { kind: "investor", email: "browser@inv.test" });
  password = p.password;
  meetingId = acceptedMeeting(sqlite, competitionId, p.partnerId, a!.id);
  placeMeeting(sqlite, meetingId, { startsAt: "2026-12-10T01:00:00.000Z", tableNo: 7, sequence: 1 });
  publishSchedule(sqlite, competitionId);
  sqlite.close();
});

const REFUSED = /the server responded with a status of 400/;

describe("a partner's agenda and outcomes in the browser", () => {
  it("reads the agenda, downloads the calendar and records an outcome", async () => {
    const context = await browser.newContext({ locale: "en-US", acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "browser@inv.test", password);
    await page.goto(demo.url + "/partner/agenda");
    const row = page.getByTestId(`agenda-${meetingId}`);
    await expect.poll(() => row.textContent()).toContain(code);
    // 09:00 in the edition's zone (Asia/Shanghai) is 01:00 UTC.
    expect(await row.textContent()).toMatch(/9:00/);
    expect(await row.textContent()).toContain("Table 7");
    await screenshot(page, "partner-agenda");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the calendar (.ics)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = fs.readFileSync((await download.path())!, "utf8");
    expect(ics).toContain("DTSTART:20261210T010000Z");
    expect(ics).toContain("SEQUENCE:1");

    await page.goto(demo.url + "/partner/meetings");
    const item = page.getByTestId(`meeting-${meetingId}`);
    await item.getByLabel("Yes").check();
    await item.getByLabel("What came of it").selectOption("investment");
    await item.getByLabel("Amount (万元)").fill("12.5");
    await item.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => item.getByRole("alert").first().textContent()).toContain("whole 万元");
    expect(await item.getByLabel("Amount (万元)").getAttribute("aria-invalid")).toBe("true");
    await item.getByLabel("Amount (万元)").fill("300");
    await item.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => item.getByRole("status").textContent()).toContain("saved");
    expect(
      demo.count("SELECT count(*) n FROM meeting_outcomes WHERE request_id = ? AND amount_wan = 300", meetingId),
    ).toBe(1);
    expect(errors.filter((e) => !REFUSED.test(e))).toEqual([]);
    await context.close();
  });

  it("shows the organizer the outcome dashboard", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "organizer@frontier.demo", "frontier-organizer");
    await page.goto(demo.url + "/admin/follow-on/outcomes");
    await expect.poll(() => page.locator("h1").textContent()).toContain("Outcomes of follow-on meetings");
    expect(await page.getByRole("figure", { name: "By track" }).isVisible()).toBe(true);
    await screenshot(page, "outcome-dashboard");
    expect(errors).toEqual([]);
    await context.close();
  });
});
