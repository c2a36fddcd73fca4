// A judge's phone in Chromium during a correction: the organizer reopens scoring for this judge,
// the phone shows why, starts from the judge's own marks and asks why they change them.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserForThisFile, devicesIn, screenshot, signInThroughForm, type Devices } from "../support/browser";
import { JUDGE, ORGANIZER, liveHarnessForThisFile } from "../support/live-harness";
import { preparePanel, scriptedPanelForThisFile } from "../support/live-panel";
import type { LiveSocket } from "../../app/live/follower";
import type { Command } from "../../app/domain/live-final";

// The final is started (by the harness's second organizer); this organizer's socket sends the commands.
const live = liveHarnessForThisFile({}, preparePanel);
/** The panel's other judges (not the demo judge, who uses the phone) on scripted phones. */
const others = scriptedPanelForThisFile(live, { withoutDemoJudge: true });
let hall: Devices;
browserForThisFile((browser) => (hall = devicesIn(browser)));
let organizer: LiveSocket;

const command = (cmd: Command) => live.command(organizer, cmd);

const marksOfPhone = (page: Page) =>
  page
    .locator('[data-testid="stage-sheet"] input[name^="m"]')
    .evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((i) => i.value));

beforeAll(async () => {
  organizer = await live.connected({ cookie: await live.signIn(ORGANIZER.email, ORGANIZER.password) });
});

describe("a correction on the judge's phone", () => {
  it("shows the organizer's reason, starts from the judge's own marks, asks why at its field, and sends the revised score", async () => {
    const { context, page: phone } = await hall.open({ width: 390, height: 844 }, true);
    await signInThroughForm(phone, live.url, JUDGE.email, JUDGE.password);
    await phone.goto(live.url + "/judge/live");
    await phone.locator('[data-connection="live"]').waitFor();
    const order = (
      JSON.parse(live.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as { order: number[] }
    ).order;
    const entryId = order[0]!;

    expect(await command({ type: "stage", entryId })).toEqual({ ok: true });
    expect(await command({ type: "open" })).toEqual({ ok: true });
    await others.submit(entryId, "7");
    for (const input of await phone.locator('[data-testid="stage-sheet"] input[name^="m"]').all())
      await input.fill("8");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await phone.locator('[data-testid="outcome"][data-kind="accepted"]').waitFor();

    // The organizer reopens for this judge: the phone follows by itself, with the judge's marks filled in.
    expect(await command({ type: "reopen", judgeId: others.panel.demoJudge, reason: "Judge 1 typed 8 for 6" })).toEqual(
      {
        ok: true,
      },
    );
    await phone.getByText("The organizer reopened scoring: Judge 1 typed 8 for 6").waitFor();
    expect(await marksOfPhone(phone)).toEqual(["8", "8", "8"]);
    await screenshot(phone, "live-correction-phone");

    // Without a reason nothing is sent: the phone says why at the field.
    await phone.locator('input[name="m9"]').fill("6");
    await phone.getByRole("button", { name: "Submit my corrected score" }).click();
    await phone.getByText("Say why you change your mark.").waitFor();
    expect(await phone.getByLabel("Why do you change your mark?").getAttribute("aria-invalid")).toBe("true");
    expect(live.count(`SELECT count(*) AS n FROM audit_log WHERE action = 'score.revised'`)).toBe(0);

    await phone.getByLabel("Why do you change your mark?").fill("I typed 8 for 6");
    await phone.getByRole("button", { name: "Submit my corrected score" }).click();
    await phone.locator('[data-testid="outcome"][data-kind="accepted"]').waitFor();
    await expect.poll(() => live.count(`SELECT count(*) AS n FROM audit_log WHERE action = 'score.revised'`)).toBe(1);
    const revision = live.query<{ reason: string; after: string }>(
      `SELECT reason, after FROM audit_log WHERE action = 'score.revised'`,
    )[0]!;
    expect(revision.reason).toBe("I typed 8 for 6");
    expect(JSON.parse(revision.after)).toMatchObject({
      judgeId: others.panel.demoJudge,
      marks: { "9": "6", "10": "8", "11": "8" },
    });
    // Scoring closed again by itself; the phone no longer offers the correction.
    await phone.getByText("The organizer reopened scoring", { exact: false }).waitFor({ state: "detached" });
    expect(await phone.locator('[data-testid="stage-sheet"]').count()).toBe(0);
    expect(hall.errors()).toEqual([]);
    await context.close();
  });
});
