// An organizer in Chromium creates an edition through the form (checked as fields are left), adds a
// group by preset and a track, and sees the bar name the edition they work on; no page logs an error.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

describe("an organizer setting up a new edition in Chromium", () => {
  it("creates it, adds a group and a track, and works on it", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "organizer@frontier.demo", "frontier-organizer");

    await page.goto(demo.url + "/admin/competitions");
    await expect.poll(() => page.getByTestId("edition-bar").textContent()).toContain("Edition: 2026");
    await page.getByRole("link", { name: "Create an edition" }).click();
    await page.waitForURL(/\/admin\/competitions\/new$/);

    await page.getByLabel("Name in Chinese").fill("2027 前沿大赛");
    await page.getByLabel("Name in English").fill("Frontier 2027");
    // A slug with capitals is refused at its field as soon as the field is left.
    await page.getByLabel("Short name in web addresses").fill("Frontier2027");
    await page.getByLabel("Year").focus();
    await expect.poll(() => page.getByText("Use 2 to 40 lowercase letters and digits").isVisible()).toBe(true);
    await page.getByLabel("Short name in web addresses").fill("frontier2027");
    await page.getByLabel("Year").fill("2027");
    await page.getByLabel("Time zone").selectOption("Europe/London");
    await page.getByLabel("Registration opens").fill("2027-03-01T09:00");
    await page.getByLabel("Registration closes").fill("2027-06-30T18:00");
    await screenshot(page, "edition-new-en");
    await page.getByRole("button", { name: "Create an edition" }).click();
    await page.waitForURL(/\/admin\/competitions\/frontier2027\?created=1$/);
    await expect
      .poll(() => page.getByTestId("edition-bar").textContent())
      .toBe("Edition: Frontier 2027 (2027)Switch edition");
    expect(demo.query("SELECT registration_opens_at FROM competitions WHERE slug = 'frontier2027'")).toEqual([
      { registration_opens_at: "2027-03-01T09:00:00.000Z" },
    ]);

    const addGroup = page.locator("form", { has: page.locator('input[name="form"][value="group"]') });
    await addGroup.getByLabel("Code").fill("NA");
    await addGroup.getByLabel("Name in Chinese").fill("北美赛区");
    await addGroup.getByLabel("Name in English").fill("North America");
    await addGroup.getByLabel("Preset").selectOption("NA");
    await addGroup.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => page.locator('[data-group="NA"]').textContent()).toContain("North America (US, CA, MX)");

    const addTrack = page.locator("form", { has: page.locator('input[name="form"][value="track"]') });
    await addTrack.getByLabel("Code").fill("6G");
    await addTrack.getByLabel("Name in Chinese").fill("6G 通信");
    await addTrack.getByLabel("Name in English").fill("6G communications");
    await addTrack.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => page.locator('[data-track="6G"]').textContent()).toContain("6G communications");
    await screenshot(page, "edition-setup-en");

    await page.goto(demo.url + "/admin/competitions");
    await page.locator('tr[data-edition="zgc2026"]').getByRole("button", { name: "Work on this edition" }).click();
    await page.waitForURL(/\/admin\/competitions\/zgc2026$/);
    await expect.poll(() => page.getByTestId("edition-bar").textContent()).toContain("Edition: 2026");
    expect(errors).toEqual([]);
    await context.close();
  });
});
