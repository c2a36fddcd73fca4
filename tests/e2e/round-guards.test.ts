// An organizer closes a round still waiting for scores and publishes it in a browser: each step says
// what it will do in numbers and names, and asks for the confirmation the server checks.
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

const statusOf = () => demo.query<{ status: string }>("SELECT status FROM rounds WHERE slug = 'domain'")[0]!.status;

describe("closing and publishing a round in the browser", () => {
  it("shows the scores waiting before closing, the line-up before publishing, and publishes only once confirmed", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await signInThroughForm(page, demo.url, "organizer@frontier.demo", "frontier-organizer");

    await page.goto(demo.url + "/admin/rounds/domain");
    const preview = page.getByTestId("close-preview");
    await expect(preview.getByText(/drafts \(started, not submitted\)/).count()).resolves.toBe(1);
    await preview.getByRole("checkbox").check();
    await screenshot(page, "round-close-preview");
    await preview.getByRole("button", { name: "Close scoring" }).click();
    await page.getByTestId("reopen-guard").waitFor();
    expect(statusOf()).toBe("closed");

    // The demo final is seated: publishing is refused before anything is typed.
    await page.goto(demo.url + "/admin/rounds/domain/results");
    const publish = page.getByTestId("publish-preview");
    await publish.getByText(/Publishing would remove \d+ entries/).waitFor();
    await expect(publish.getByRole("button", { name: "Publish the results" }).isDisabled()).resolves.toBe(true);

    // Once the final's panel is taken off, the organizer types the number of waiting scores and a reason.
    demo.run("DELETE FROM assignments WHERE round_id = (SELECT id FROM rounds WHERE slug = 'final')");
    await page.reload();
    const label = await publish.getByText(/Type the number of scores still waiting \(\d+\)/).textContent();
    const waiting = /\((\d+)\)/.exec(label ?? "")![1]!;
    await publish.locator('input[name="typedCount"]').fill(waiting);
    await publish.locator('input[name="reason"]').fill("The jury closed the round with scores missing");
    await publish.getByLabel("I have read what happens to the next round.").check();
    await publish.getByLabel("I have checked the ranking and the advancement.").check();
    await screenshot(page, "round-publish-preview");
    await publish.getByRole("button", { name: "Publish the results" }).click();
    await page.getByText("Results published.").waitFor();
    expect(statusOf()).toBe("published");
    await page.getByTestId("unpublish").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
