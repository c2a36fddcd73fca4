// In Chromium: a demo investor signs in and lands on the partner pages, opens its profile from the
// area's navigation, is told at the field that the largest ticket is below the smallest, corrects
// it and saves; the page says so and the stored profile holds the new range.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

describe("a partner's own profile", () => {
  it("lands on the partner pages, refuses a reversed ticket range at its field, then saves", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "investor@frontier.demo", "frontier-investor");
    expect(new URL(page.url()).pathname).toBe("/partner");
    await page.getByTestId("partner-bar").waitFor();
    await screenshot(page, "partner-area-home");
    await page.getByRole("navigation", { name: "Partner pages" }).getByRole("link", { name: "Profile" }).click();
    await page.waitForURL(/\/partner\/profile$/);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Smallest ticket (万元)").fill("900");
    await page.getByLabel("Largest ticket (万元)").fill("300");
    await page.getByRole("button", { name: "Save profile" }).click();
    const error = page.locator("#partner-ticketMaxWan-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/below the smallest|cannot be (less|lower|smaller)/i);
    await screenshot(page, "partner-area-profile-error");
    await page.getByLabel("Largest ticket (万元)").fill("4000");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.").waitFor();
    await screenshot(page, "partner-area-profile-saved");
    const stored = demo.query<{ ticket_min_wan: number; ticket_max_wan: number }>(
      `SELECT p.ticket_min_wan, p.ticket_max_wan FROM partners p JOIN partner_people pp ON pp.partner_id = p.id
       JOIN users u ON u.id = pp.user_id WHERE u.email = 'investor@frontier.demo'`,
    );
    expect(stored).toEqual([{ ticket_min_wan: 900, ticket_max_wan: 4000 }]);
    // The refused save is answered 400 (the browser logs that response); nothing else went wrong.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });
});
