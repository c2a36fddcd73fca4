// The live final in Chromium: the organizer's control room, a judge's phone on stage and the
// audience's big screen, each in its own browser context, as they are in the hall.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, devicesIn, screenshot, signInThroughForm, type Devices } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";
import { preparePanel, scriptedPanelForThisFile } from "../support/live-panel";

const demo = demoServerForThisFile({}, preparePanel);
/** The panel's other judges (not the demo judge, who uses the phone) on scripted phones. */
const others = scriptedPanelForThisFile(demo, { withoutDemoJudge: true });
let hall: Devices;
browserForThisFile((browser) => (hall = devicesIn(browser)));
let organizerPage: Page;
let audience: Page;
let phone: Page;
let phoneContext: BrowserContext;
let order: number[] = [];

async function signInPage(page: Page, email: string, password: string) {
  await signInThroughForm(page, demo.url, email, password);
}

/** The other panel judges submit from their own (scripted) phones over the live channel. */
const othersSubmit = (entryId: number, mark: string) => others.submit(entryId, mark);

async function fillSheet(page: Page, mark: string) {
  for (const input of await page.locator('[data-testid="stage-sheet"] input[name^="m"]').all()) await input.fill(mark);
}

const row = (page: Page, entryId: number) => page.locator(`[data-testid="ranking-row"][data-entry="${entryId}"]`);
const control = async (label: string, entryId?: number) => {
  const scope =
    entryId === undefined
      ? organizerPage
      : organizerPage.locator(`[data-testid="pitch-order"] li[data-entry="${entryId}"]`);
  await scope.getByRole("button", { name: label, exact: true }).click();
};
/** An irreversible control asks first: the confirmation says what it will do; this confirms it. */
const confirmStep = async (says?: RegExp) => {
  const step = organizerPage.locator('[data-testid="confirm-step"]');
  if (says) await step.getByText(says).waitFor();
  await step.getByRole("button", { name: "Confirm", exact: true }).click();
  await step.waitFor({ state: "detached" });
};

describe("the live final in the hall", () => {
  it("runs pitches from the control room; the judge's phone follows by itself; the big screen shows the ranking change within a second of the last judge's submission", async () => {
    ({ page: organizerPage } = await hall.open({ width: 1440, height: 900 }));
    await signInPage(organizerPage, "organizer@frontier.demo", "frontier-organizer");
    await organizerPage.goto(demo.url + "/admin/live");
    await organizerPage.getByRole("button", { name: "Start the live final" }).click();
    await organizerPage.locator('[data-testid="control-room"]').waitFor();
    order = (
      JSON.parse(demo.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as { order: number[] }
    ).order;

    ({ page: audience } = await hall.open({ width: 1920, height: 1080 }));
    await audience.goto(demo.url + "/live/zgc2026");
    await audience.getByText("The next pitch will begin shortly").waitFor();
    // The projector shows where to follow on a phone.
    expect(await audience.locator('[data-testid="phone-qr"] svg').isVisible()).toBe(true);
    expect(
      await audience
        .locator('[data-testid="phone-qr"]')
        .getByText(/\/live\/zgc2026$/)
        .count(),
    ).toBe(1);

    ({ page: phone, context: phoneContext } = await hall.open({ width: 390, height: 844 }, true));
    await signInPage(phone, "judge@frontier.demo", "frontier-judge");
    await phone.goto(demo.url + "/judge/live");
    await phone.getByText("Waiting for the next pitch").waitFor();
    await phone.locator('[data-connection="live"]').waitFor();
    await audience.locator('[data-connection="live"]').waitFor();

    // Pitch 1: on stage, the phone and the screen follow without a reload.
    const [first, second] = order as [number, number];
    await control("Put on stage", first);
    await phone.locator(`[data-testid="stage-entry"][data-entry="${first}"]`).waitFor();
    await audience.locator(`[data-testid="stage"][data-entry="${first}"]`).waitFor();
    expect(await phone.getByText("Scoring opens after the pitch.").count()).toBe(1);
    await control("Open scoring");
    await phone.locator('[data-testid="stage-sheet"]').waitFor();
    await othersSubmit(first, "7");
    await audience.locator('[data-testid="stage-progress"][data-submitted="8"]').waitFor();
    expect(await audience.getByText("Judges: 8 of 9").count()).toBe(1);
    // Marks stay hidden until the reveal.
    expect(await audience.locator('[data-testid="seat-mark"]').count()).toBe(0);

    // A mark above the maximum is explained at its field on the phone; nothing is sent.
    await fillSheet(phone, "8");
    await phone.locator('input[name="m9"]').fill("11");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await phone.getByText("This mark is above the criterion's maximum.").waitFor();
    expect(
      demo.count(
        `SELECT count(*) AS n FROM scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?`,
        others.panel.finalRound,
        others.panel.demoJudge,
        first,
      ),
    ).toBe(0);
    await phone.locator('input[name="m9"]').fill("8.5");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await phone.locator('[data-testid="outcome"][data-kind="accepted"]').waitFor();
    // Every judge has submitted: scoring closed by itself, and the organizer reveals.
    await audience.locator('[data-testid="stage-progress"][data-phase="closed"]').waitFor();
    await control("Reveal the result");
    await expect.poll(() => row(audience, first).getAttribute("data-rank"), { timeout: 1000, interval: 25 }).toBe("1");
    expect(await audience.locator('[data-testid="seat-mark"]').count()).toBe(9);
    expect(await audience.locator('[data-testid="seat-mark"][data-dropped="true"]').count()).toBe(2);

    // Pitch 2 reveals by itself: the big screen re-ranks within a second of the phone's submission.
    // The box shows the server's setting: it ticks once the control room has confirmed it.
    await organizerPage.locator('[data-testid="auto-reveal"]').click();
    await expect.poll(() => organizerPage.locator('[data-testid="auto-reveal"]').isChecked()).toBe(true);
    await control("Put on stage", second);
    await phone.locator(`[data-testid="stage-entry"][data-entry="${second}"]`).waitFor();
    await control("Open scoring");
    await othersSubmit(second, "9.5");
    await audience.locator('[data-testid="stage-progress"][data-submitted="8"]').waitFor();
    await fillSheet(phone, "9");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await expect.poll(() => row(audience, second).getAttribute("data-rank"), { timeout: 1000, interval: 25 }).toBe("1");
    await expect.poll(() => row(audience, first).getAttribute("data-rank"), { timeout: 1000, interval: 25 }).toBe("2");
    // The row that lost its place slides down to it rather than jumping.
    await expect
      .poll(
        () =>
          row(audience, first).evaluate((el) => el.getAnimations().map((a) => (a as CSSTransition).transitionProperty)),
        { timeout: 1000, interval: 20 },
      )
      .toContain("transform");
    // Let the rows finish sliding before the picture is taken.
    await audience.waitForTimeout(800);
    await screenshot(audience, "live-big-screen-1920x1080");
    await screenshot(organizerPage, "live-control-room");
    expect(hall.errors()).toEqual([]);
  });

  it("keeps a score typed while the phone is offline, sends it by itself when the connection returns, and tells the judge plainly when scoring closed meanwhile", async () => {
    const [, , third, fourth] = order as [number, number, number, number];
    await organizerPage.locator('[data-testid="auto-reveal"]').click();
    await expect.poll(() => organizerPage.locator('[data-testid="auto-reveal"]').isChecked()).toBe(false);
    await control("Put on stage", third);
    await control("Open scoring");
    await phone.locator('[data-testid="stage-sheet"]').waitFor();

    await phoneContext.setOffline(true);
    await phone.locator('[data-connection="offline"]').waitFor();
    await fillSheet(phone, "6.5");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await phone.locator('[data-testid="pending"]').waitFor();
    expect(await phone.getByText("Kept on this phone").count()).toBe(1);
    expect(
      demo.count(
        `SELECT count(*) AS n FROM scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?`,
        others.panel.finalRound,
        others.panel.demoJudge,
        third,
      ),
    ).toBe(0);
    await phoneContext.setOffline(false);
    await phone.locator('[data-testid="outcome"][data-kind="accepted"]').waitFor({ timeout: 15_000 });
    expect(
      demo.count(
        `SELECT count(*) AS n FROM scores WHERE round_id = ? AND judge_id = ? AND entry_id = ? AND status = 'submitted'`,
        others.panel.finalRound,
        others.panel.demoJudge,
        third,
      ),
    ).toBe(1);

    // Scoring closes while the phone is away (8 of 9, with a reason): the late score is refused in words.
    await othersSubmit(third, "6");
    await control("Reveal the result");
    await control("Put on stage", fourth);
    await control("Open scoring");
    await phone.locator('[data-testid="stage-sheet"]').waitFor();
    await phoneContext.setOffline(true);
    await phone.locator('[data-connection="offline"]').waitFor();
    await fillSheet(phone, "7");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await phone.locator('[data-testid="pending"]').waitFor();
    await othersSubmit(fourth, "7");
    // Closing short without a reason is refused at the reason field.
    await organizerPage.locator('[data-testid="close-scoring"]').click();
    await organizerPage.getByText("Please give a reason.").waitFor();
    expect(await organizerPage.getByLabel("Why close with fewer marks").getAttribute("aria-invalid")).toBe("true");
    await organizerPage.getByLabel("Why close with fewer marks").fill("Judge 1's phone is offline");
    await organizerPage.locator('[data-testid="close-scoring"]').click();
    await confirmStep(/Close scoring with 8 of 9 marks/);
    await organizerPage.locator('[data-testid="control-room"][data-phase="closed"]').waitFor();
    await phoneContext.setOffline(false);
    await phone.locator('[data-testid="outcome"][data-kind="refused"]').waitFor({ timeout: 15_000 });
    expect(
      await phone.getByText("Scoring for that entry was already closed, so the score was not counted.").count(),
    ).toBe(1);
    expect(
      demo.count(
        `SELECT count(*) AS n FROM scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?`,
        others.panel.finalRound,
        others.panel.demoJudge,
        fourth,
      ),
    ).toBe(0);
    await screenshot(phone, "live-judge-phone");

    const small = await hall.open({ width: 390, height: 844 }, true);
    await small.page.goto(demo.url + "/live/zgc2026");
    await small.page.locator('[data-testid="ranking-row"]').first().waitFor();
    expect(await small.page.locator('[data-testid="ranking-row"]').count()).toBe(3);
    await screenshot(small.page, "live-audience-phone");
    expect(hall.errors()).toEqual([]);
  });

  it("puts a message card on the big screen, freezes the board, and reveals the sealed result and the awards at the ceremony", async () => {
    const [, , , fourth, fifth] = order as [number, number, number, number, number];
    await control("Reveal the result");
    await expect.poll(() => audience.locator('[data-testid="ranking-row"]').count()).toBe(4);

    // A break between pitches: the card covers the big screen until it is taken down.
    await organizerPage.getByLabel("Title (English)").fill("Coffee break");
    await organizerPage.getByLabel("Title (Chinese)").fill("茶歇");
    await organizerPage.getByLabel("Text (English)").fill("The final resumes at 15:30");
    await control("Show the card");
    await audience.locator('[data-testid="message-card"]').getByText("Coffee break").waitFor();
    await control("Take the card down");
    await audience.locator('[data-testid="message-card"]').waitFor({ state: "detached" });

    // Frozen: the fifth result reaches the control room, not the public board.
    await control("❄ Freeze the public board");
    await confirmStep(new RegExp(`\\(${order.length - 4} finalists still to pitch\\)`));
    await audience.locator('[data-testid="frozen"]').waitFor();
    await control("Put on stage", fifth);
    await control("Open scoring");
    await phone
      .locator(`[data-testid="stage-entry"][data-entry="${fifth}"] >> xpath=..`)
      .locator('[data-testid="stage-sheet"]')
      .waitFor();
    await othersSubmit(fifth, "10");
    await fillSheet(phone, "10");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await organizerPage.locator('[data-testid="control-room"][data-phase="closed"]').waitFor();
    await control("Reveal the result");
    await audience.locator('[data-testid="sealed-count"]').getByText("1 result to be revealed").waitFor();
    expect(await audience.locator('[data-testid="ranking-row"]').count()).toBe(4);
    expect(await row(audience, fifth).count()).toBe(0);
    await organizerPage
      .locator(`[data-testid="private-ranking"] tr[data-entry="${fifth}"][data-sealed="true"]`)
      .waitFor();

    // The ceremony: start, reveal the sealed result (it lands on top), then the awards one tier per
    // step (third, runner-up, champion); the board thaws with the last.
    await control("Start the ceremony");
    await confirmStep(/1 sealed result will be revealed, then the awards: Third place → Runner-up → Champion/);
    await audience.getByText("Award ceremony").first().waitFor();
    await control("Reveal the next result (bottom up)");
    await confirmStep(/\(rank 1 of 5; 1 sealed left before this step\)/);
    await expect.poll(() => row(audience, fifth).getAttribute("data-rank")).toBe("1");
    await control("Show the awards");
    await confirmStep(/Show Third place: 1 entry/);
    await audience.locator('[data-testid="awards"]').getByText("Third place").waitFor();
    expect(await audience.locator('[data-testid="awards"]').getByText("Champion").count()).toBe(0);
    expect(await audience.locator('[data-testid="frozen"]').count()).toBe(1);
    await control("Show the next award: Runner-up");
    await confirmStep(/Show Runner-up: 1 entry/);
    await control("Show the next award: Champion");
    await confirmStep(/the ceremony ends and the public board thaws/);
    await expect.poll(() => audience.locator('[data-testid="frozen"]').count()).toBe(0);
    expect(await audience.locator('[data-testid="awards"]').getByText("Champion").count()).toBe(1);
    expect(await row(audience, fourth).count()).toBe(1);
    await audience.waitForTimeout(800);
    await screenshot(audience, "live-big-screen-awards-1920x1080");
    expect(hall.errors()).toEqual([]);
  });
});
