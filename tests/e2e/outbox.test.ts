// In Chromium: "forgot password" from the sign-in page, the organizer reading the message in the
// outbox as it will arrive (the HTML in a sandboxed frame the page's CSP allows), and the link
// setting a new password.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("forgot password, read in the outbox", () => {
  it("asks for a link, shows the message in the outbox, and the link sets a new password", async () => {
    const visitor = await browser.newContext({ locale: "en-US" });
    const page = await visitor.newPage();
    const errors = watchErrors(page);
    await page.goto(demo.url + "/login");
    await page.waitForLoadState("networkidle");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("E-mail").fill("entrant@frontier.demo");
    await page.getByRole("button", { name: "Send the link" }).click();
    await page.getByRole("heading", { name: "Check your inbox" }).waitFor();

    const office = await browser.newContext({ locale: "en-US" });
    const admin = await office.newPage();
    const adminErrors = watchErrors(admin);
    const csp: string[] = [];
    admin.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await signInThroughForm(admin, demo.url, "organizer@frontier.demo", "frontier-organizer");
    await admin.goto(demo.url + "/admin/rounds");
    await admin.getByRole("link", { name: "Outbox" }).first().click();
    await admin.waitForURL(/\/admin\/outbox$/);
    await admin.getByRole("link", { name: "Choose a new password" }).first().click();
    const frame = admin.frameLocator('iframe[data-testid="message-html"]');
    await frame.getByRole("heading", { name: "A new password for your account" }).waitFor();
    const href = await frame.getByRole("link", { name: "Choose a new password" }).getAttribute("href");
    expect(href).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    await screenshot(admin, "outbox-message");
    expect(csp).toEqual([]);
    expect(adminErrors).toEqual([]);

    await page.goto(demo.url + new URL(href!).pathname);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("New password", { exact: true }).fill("entrant new pass 1");
    await page.getByLabel("The new password again").fill("entrant new pass 1");
    await page.getByRole("button", { name: "Set the password and sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/me");
    expect(errors).toEqual([]);
    await visitor.close();
    await office.close();
  });
});
