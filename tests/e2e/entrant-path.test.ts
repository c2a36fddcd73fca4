// An entrant in Chromium: from the register button through the group hint to the page after submitting.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

describe("an overseas entrant in Chromium", () => {
  it("registers from the header, is told Germany enters in Europe, switches group, submits and lands on the confirmation", async () => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const [slug] = demo.query<{ slug: string }>("SELECT slug FROM competitions ORDER BY id LIMIT 1").map((c) => c.slug);
    await page.goto(`${demo.url}/c/${slug}`);
    await page.getByRole("link", { name: "Register now" }).click();
    await page.waitForURL(/\/signup\?redirectTo=/);
    await page.getByLabel("Your name").fill("Katrin Vogel");
    await page.getByLabel("E-mail").fill("katrin.vogel@example.de");
    await page.getByLabel("Password").fill("a-strong-password-2026");
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.waitForURL(/\/me\/entries\/new$/);

    // The hint needs no round trip: nothing is asked of the server while she chooses.
    // (Counted once the page has settled: scripts and route manifests still loading are not questions.)
    await page.waitForLoadState("networkidle");
    let requests = 0;
    page.on("request", (request) => {
      const asks = ["document", "fetch", "xhr"].includes(request.resourceType());
      if (asks && request.url().startsWith(demo.url) && !request.url().includes("/__manifest")) requests += 1;
    });
    await page.getByLabel("Group", { exact: true }).selectOption("NA");
    await page.getByLabel("Track", { exact: true }).selectOption("QI");
    await page.getByLabel("Country or region").selectOption("DE");
    // Said as she chooses, before anything is sent.
    const hint = page.locator("[data-group-hint]");
    await expect.poll(() => hint.textContent(), { timeout: 15_000 }).toBe("Germany enters in the Europe group.");
    expect(requests).toBe(0);
    await screenshot(page, "entrant-group-hint");
    await page.getByLabel("Group", { exact: true }).selectOption("EU");
    await expect.poll(() => hint.count()).toBe(0);

    await page.getByLabel("Title in English").fill("Optical lattice clock on a chip");
    await page.getByLabel("Summary in English").fill("A strontium clock small enough for a satellite.");
    await page.getByLabel("Organization").fill("Garching Photonics GmbH");
    await page.getByLabel("Contact person").fill("Katrin Vogel");
    await page.getByLabel("Contact e-mail").fill("katrin.vogel@example.de");
    await page.getByLabel("Name").first().fill("Katrin Vogel");
    await page.getByLabel("Role").first().fill("CEO");
    await page.locator('input[name="consent"]').check();
    await page.getByRole("button", { name: "Submit entry" }).click();
    await page.waitForURL(/\/me\/entries\/\d+\/submitted$/, { timeout: 15_000 });

    const id = Number(/entries\/(\d+)/.exec(page.url())![1]);
    const [entry] = demo.query<{ code: string; status: string }>("SELECT code, status FROM entries WHERE id = ?", id);
    expect(entry).toMatchObject({ status: "submitted" });
    expect(entry!.code).toMatch(/^EU-QI-\d{4}$/);
    await expect.poll(() => page.getByRole("heading", { name: "Your entry has been submitted" }).count()).toBe(1);
    expect(await page.locator("[data-entry-code]").textContent()).toBe(entry!.code);
    await expect.poll(() => page.getByText("We have sent a receipt to katrin.vogel@example.de.").count()).toBe(1);
    await screenshot(page, "entrant-submitted");
    expect(errors).toEqual([]);
    await context.close();
  });
});
