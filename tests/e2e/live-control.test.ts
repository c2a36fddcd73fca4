// The control room forgives a mis-click (issue 14, item 2): every irreversible step asks first and
// says what it will do in numbers; a cancelled confirmation changes nothing; a freeze can be lifted
// and a ceremony's start undone with a reason (audited); two organizers at once cannot overwrite
// each other (the stale one is refused and changes nothing); the preview shows what the board shows.
import type { Page } from "playwright-core";
import { io as connect } from "socket.io-client";
import { beforeAll, describe, expect, it } from "vitest";
import type { ControlState } from "../../app/domain/live-final";
import type { LiveSocket } from "../../app/live/follower";
import type { Ack } from "../../app/live/protocol";
import { browserForThisFile, devicesIn, screenshot, signInThroughForm, type Devices } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";
import { preparePanel, scriptedPanelForThisFile } from "../support/live-panel";

const demo = demoServerForThisFile({}, preparePanel);
/** Every judge on the final's panel, on scripted phones. */
const panel = scriptedPanelForThisFile(demo);
let hall: Devices;
browserForThisFile((browser) => (hall = devicesIn(browser)));
let organizer: Page;
let audience: Page;
let order: number[] = [];

const controlState = () =>
  JSON.parse(demo.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as ControlState;
const seq = () => demo.query<{ seq: number }>(`SELECT seq FROM live_state`)[0]!.seq;
const auditReason = (action: string) =>
  demo.query<{ reason: string | null }>(`SELECT reason FROM audit_log WHERE action = ? ORDER BY id`, action);

const open = async (viewport = { width: 1440, height: 1000 }) => (await hall.open(viewport)).page;

const click = async (page: Page, label: string, entryId?: number) => {
  const scope = entryId === undefined ? page : page.locator(`[data-testid="pitch-order"] li[data-entry="${entryId}"]`);
  await scope.getByRole("button", { name: label, exact: true }).click();
};
const confirmation = (page: Page) => page.locator('[data-testid="confirm-step"]');
const confirm = async (page: Page) => {
  await confirmation(page).getByRole("button", { name: "Confirm", exact: true }).click();
  await confirmation(page).waitFor({ state: "detached" });
};
const phase = (page: Page, p: string) => page.locator(`[data-testid="control-room"][data-phase="${p}"]`).waitFor();

/** One pitch from stage to reveal, every judge submitting. */
async function pitch(entryId: number, mark: string) {
  await click(organizer, "Put on stage", entryId);
  await phase(organizer, "pitching");
  await click(organizer, "Open scoring");
  await phase(organizer, "scoring");
  await panel.submit(entryId, mark);
  await phase(organizer, "closed");
  await click(organizer, "Reveal the result");
  await phase(organizer, "revealed");
}

beforeAll(async () => {
  organizer = await open();
  await signInThroughForm(organizer, demo.url, "organizer@frontier.demo", "frontier-organizer");
  await organizer.goto(demo.url + "/admin/live");
  await organizer.getByRole("button", { name: "Start the live final" }).click();
  await organizer.locator('[data-testid="control-room"]').waitFor();
  order = controlState().order;
  audience = await open({ width: 1920, height: 1080 });
  await audience.goto(demo.url + "/live/zgc2026");
  await audience.locator('[data-connection="live"]').waitFor();
  await organizer.locator('[data-testid="control-room"] [data-connection="live"]').first().waitFor();
}, 120_000);

describe("the control room forgives a mis-click", () => {
  it("asks before freezing, saying how many finalists are still to pitch; Cancel (or Escape) changes nothing", async () => {
    await pitch(order[0]!, "7");
    const before = seq();
    await click(organizer, "❄ Freeze the public board");
    const step = confirmation(organizer);
    await step
      .getByText(
        `Freeze the public board: the next results (${order.length - 1} finalists still to pitch) will be shown only here until the ceremony.`,
      )
      .waitFor();
    // The safe choice has the focus; Escape is Cancel and hands the focus back.
    expect(await organizer.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await organizer.keyboard.press("Escape");
    await step.waitFor({ state: "detached" });
    expect(await organizer.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("freeze");
    await click(organizer, "❄ Freeze the public board");
    await click(organizer, "Cancel");
    await step.waitFor({ state: "detached" });
    expect(seq()).toBe(before);
    expect(controlState().frozen).toBe(false);
    expect(await audience.locator('[data-testid="frozen"]').count()).toBe(0);
    expect(hall.errors()).toEqual([]);
  });

  it("lifts a freeze made by mistake, with a reason: the sealed result goes public and the audit log keeps the reason", async () => {
    await click(organizer, "❄ Freeze the public board");
    await confirm(organizer);
    await audience.locator('[data-testid="frozen"]').waitFor();
    await pitch(order[1]!, "8");
    await audience.locator('[data-testid="sealed-count"]').getByText("1 result to be revealed").waitFor();

    // Without a reason the lift is not even offered for confirmation.
    await click(organizer, "Lift the freeze");
    await organizer.locator('[data-testid="unfreeze-form"]').getByText("Please give a reason.").waitFor();
    expect(await confirmation(organizer).count()).toBe(0);
    await organizer.getByLabel("Why lift the freeze").fill("Frozen by mistake before the last three pitches");
    await click(organizer, "Lift the freeze");
    await confirmation(organizer)
      .getByText("Lift the freeze: 1 sealed result goes on the public board at once.")
      .waitFor();
    await confirm(organizer);
    await expect.poll(() => audience.locator('[data-testid="frozen"]').count()).toBe(0);
    await audience.locator(`[data-testid="ranking-row"][data-entry="${order[1]}"]`).waitFor();
    expect(await audience.locator('[data-testid="sealed-count"]').count()).toBe(0);
    expect(controlState()).toMatchObject({ frozen: false, sealed: [] });
    expect(auditReason("live.freeze_lifted")).toEqual([{ reason: "Frozen by mistake before the last three pitches" }]);
    expect(hall.errors()).toEqual([]);
  });

  it("undoes a ceremony started by mistake after a pitch, with a reason: 'Put on stage' works again for the next finalist", async () => {
    await click(organizer, "❄ Freeze the public board");
    await confirm(organizer);
    await click(organizer, "Start the ceremony");
    await confirmation(organizer)
      .getByText(
        // Two results so far: the tiers that have an entry are the runner-up and the champion.
        "Start the ceremony: pitches end; 0 sealed results will be revealed bottom-up, then the awards: Runner-up → Champion. You can undo this until the first step.",
      )
      .waitFor();
    await confirm(organizer);
    await audience.getByText("Award ceremony").first().waitFor();
    const third = order[2]!;
    expect(
      await organizer
        .locator(`[data-testid="pitch-order"] li[data-entry="${third}"]`)
        .getByRole("button", { name: "Put on stage", exact: true })
        .isDisabled(),
    ).toBe(true);

    await organizer.getByLabel("Why undo the start").fill("Clicked the ceremony instead of the next pitch");
    await click(organizer, "Undo the ceremony's start");
    await confirmation(organizer)
      .getByText(/goes back on stage and the pitches go on/)
      .waitFor();
    await confirm(organizer);
    await expect.poll(() => controlState().ceremony).toBe("none");
    expect(auditReason("live.ceremony_start_undone")).toEqual([
      { reason: "Clicked the ceremony instead of the next pitch" },
    ]);
    await click(organizer, "Put on stage", third);
    await audience.locator(`[data-testid="stage"][data-entry="${third}"]`).waitFor();
    expect(controlState()).toMatchObject({ current: third, phase: "pitching", ceremony: "none", frozen: true });
    expect(hall.errors()).toEqual([]);
  });

  it("confirms closing short and hiding with their numbers and names; cancelling either changes nothing", async () => {
    const third = order[2]!;
    await click(organizer, "Open scoring");
    await phase(organizer, "scoring");
    await panel.submit(third, "6", panel.cookies.size - 2);
    await organizer
      .locator('[data-testid="panel"] li[data-submitted="true"]')
      .nth(panel.cookies.size - 3)
      .waitFor();
    await organizer.getByLabel("Why close with fewer marks").fill("Two judges left for a flight");
    const before = seq();
    await organizer.locator('[data-testid="close-scoring"]').click();
    await confirmation(organizer)
      .getByText(
        `Close scoring with ${panel.cookies.size - 2} of ${panel.cookies.size} marks: the judges who have not submitted can no longer score this entry.`,
      )
      .waitFor();
    await click(organizer, "Cancel");
    expect(seq()).toBe(before);
    expect(controlState().phase).toBe("scoring");

    const last = order.at(-1)!;
    const code = demo.query<{ code: string }>(`SELECT code FROM entries WHERE id = ?`, last)[0]!.code;
    await click(organizer, "Hide", last);
    const row = organizer.locator(`[data-testid="pitch-order"] li[data-entry="${last}"]`);
    await row.getByLabel("Why hide this entry").fill("Withdrew this morning");
    await row.getByRole("button", { name: "Hide", exact: true }).click();
    await row.locator('[data-testid="confirm-step"]').getByText(`Hide ${code} `).waitFor();
    expect(await row.locator('[data-testid="confirm-step"]').textContent()).toContain(
      "it leaves the pitch order and will not be scored",
    );
    await row.getByRole("button", { name: "Cancel", exact: true }).click();
    expect(seq()).toBe(before);
    expect(controlState().order).toContain(last);

    await organizer.locator('[data-testid="close-scoring"]').click();
    await confirm(organizer);
    await phase(organizer, "closed");
    expect(auditReason("live.scoring_closed").at(-1)).toEqual({ reason: "Two judges left for a flight" });
    expect(hall.errors()).toEqual([]);
  });

  it("reopens scoring of the entry on stage for one judge, with a reason, before the reveal", async () => {
    const third = order[2]!;
    const reopen = organizer.locator('[data-testid="reopen"]');
    await reopen.locator("summary").click();
    const firstJudge = await organizer.locator('[data-testid="panel"] li[data-submitted="true"]').first();
    const judgeId = Number(await firstJudge.getAttribute("data-judge"));
    await reopen.locator("select").selectOption(String(judgeId));
    await reopen.getByLabel("Why reopen").fill("Judge typed 6 for 8 on the first criterion");
    await reopen.getByRole("button", { name: "Reopen scoring for a correction", exact: true }).click();
    await confirmation(organizer)
      .getByText(/for judge \d+ \(.+\) only/)
      .waitFor();
    await confirm(organizer);
    await phase(organizer, "scoring");
    expect(controlState().reopened).toEqual({
      judgeIds: [judgeId],
      revised: [],
      reason: "Judge typed 6 for 8 on the first criterion",
    });
    expect(controlState().current).toBe(third);
    expect(auditReason("live.scoring_reopened")).toEqual([{ reason: "Judge typed 6 for 8 on the first criterion" }]);
    // Closed again as it was (short, with the same reason), then revealed (sealed: the board is frozen).
    await organizer.getByLabel("Why close with fewer marks").fill("Two judges left for a flight");
    await organizer.locator('[data-testid="close-scoring"]').click();
    await confirm(organizer);
    await phase(organizer, "closed");
    await click(organizer, "Reveal the result");
    await phase(organizer, "revealed");
    expect(controlState().sealed).toEqual([third]);
    expect(hall.errors()).toEqual([]);
  });

  it("refuses the command of a second organizer who decided on an older state, says why, and changes nothing", async () => {
    const second = await open();
    await signInThroughForm(second, demo.url, "organizer@frontier.demo", "frontier-organizer");
    await second.goto(demo.url + "/admin/live");
    await second.locator('[data-connection="live"]').first().waitFor();
    const fourth = order[3]!;
    // The second organizer is about to put the fourth finalist on stage… (its confirmation open: hide)
    await click(second, "Hide", fourth);
    const row = second.locator(`[data-testid="pitch-order"] li[data-entry="${fourth}"]`);
    await row.getByLabel("Why hide this entry").fill("Thought they had withdrawn");
    await row.getByRole("button", { name: "Hide", exact: true }).click();
    await row.locator('[data-testid="confirm-step"]').waitFor();
    // …while the first one puts it on stage.
    const version = controlState().version;
    await click(organizer, "Put on stage", fourth);
    await second.locator(`[data-testid="control-room"][data-version="${version + 1}"]`).waitFor();
    const before = seq();
    await row.getByRole("button", { name: "Confirm", exact: true }).click();
    const refusal = second.locator('[data-testid="refusal"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute("data-code")).toBe("live.refusal.staleControl");
    expect(await refusal.textContent()).toContain("Someone else changed the final a moment ago");
    expect(await refusal.textContent()).toContain("Nothing was changed.");
    expect(seq()).toBe(before);
    expect(controlState()).toMatchObject({ current: fourth, phase: "pitching", version: version + 1 });
    expect(controlState().hidden).not.toContain(fourth);
    // The page already holds the state that beat it: the fourth finalist is on stage there too.
    await second.locator(`[data-testid="pitch-order"] li[data-entry="${fourth}"].bg-indigo-50`).waitFor();

    // A scripted control room with an old version is refused the same way.
    const cookie = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const socket: LiveSocket = connect(demo.url + "/live", {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie },
    });
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const ack = (await socket.timeout(5000).emitWithAck("control", {
      competition: "zgc2026",
      command: { type: "open" },
      version: version,
    })) as Ack;
    socket.disconnect();
    expect(ack).toMatchObject({ ok: false, code: "live.refusal.staleControl" });
    expect(seq()).toBe(before);
    expect(controlState().phase).toBe("pitching");
    await second.context().close();
    expect(hall.errors()).toEqual([]);
  });

  it("runs the pitch timer from the control room: start, pause, reset to a new length; the big screen and the judge's phone count the same seconds", async () => {
    const judge = await open({ width: 390, height: 844 });
    await signInThroughForm(judge, demo.url, "judge@frontier.demo", "frontier-judge");
    await judge.goto(demo.url + "/judge/live");
    await judge.locator('[data-testid="stage-entry"]').waitFor();
    const timer = organizer.locator('[data-testid="control-timer"]');
    await timer.locator('[data-testid="timer-remaining"]').getByText("6:00").waitFor();
    await click(organizer, "▶ Start");
    await timer.and(organizer.locator('[data-running="true"]')).waitFor();
    await expect.poll(() => timer.locator('[data-testid="timer-remaining"]').textContent()).not.toBe("6:00");
    expect(await timer.locator('[data-testid="timer-remaining"]').textContent()).toMatch(/^5:5\d$/);
    const running = '[data-testid="pitch-timer"][data-running="true"]';
    await judge.locator(running).waitFor();
    await audience.locator(running).waitFor();
    const [onPhone, onBoard] = await Promise.all(
      [judge, audience].map(async (page) => Number(await page.locator(running).getAttribute("data-remaining"))),
    );
    expect(onPhone).toBeGreaterThan(340);
    expect(Math.abs(onPhone! - onBoard!)).toBeLessThanOrEqual(1);
    await click(organizer, "❚❚ Pause");
    await timer.and(organizer.locator('[data-running="false"]')).waitFor();
    const paused = await timer.locator('[data-testid="timer-remaining"]').textContent();
    await organizer.waitForTimeout(1200);
    expect(await timer.locator('[data-testid="timer-remaining"]').textContent()).toBe(paused);
    expect(controlState().timer.startedAt).toBeNull();
    await timer.getByLabel("Length (minutes)").fill("4");
    await click(organizer, "↺ Reset");
    await timer.locator('[data-testid="timer-remaining"]').getByText("4:00").waitFor();
    expect(controlState()).toMatchObject({ pitchSeconds: 240, timer: { durationMs: 240_000, elapsedMs: 0 } });
    expect(hall.errors()).toEqual([]);
  });

  it("switches the reveal to one mark at a time and opens and closes the audience vote", async () => {
    await organizer.getByLabel("One mark at a time").click();
    await organizer.locator('[data-testid="reveal-mode"][data-mode="stepwise"]').waitFor();
    expect(controlState().revealMode).toBe("stepwise");
    await click(organizer, "Open the audience vote");
    await organizer.locator('[data-testid="voting-state"][data-voting="open"]').waitFor();
    // The award waits for the vote to close.
    expect(await organizer.getByRole("button", { name: "Show the audience award" }).isDisabled()).toBe(true);
    await click(organizer, "Close the audience vote");
    await organizer.locator('[data-testid="voting-state"][data-voting="closed"]').waitFor();
    expect(controlState().voting).toBe("closed");
    expect(await organizer.getByRole("link", { name: /Check the votes/ }).getAttribute("href")).toBe(
      "/admin/live/votes",
    );
    expect(hall.errors()).toEqual([]);
  });

  it("previews what the big screen shows now: the same state, rows and stage", async () => {
    const preview = organizer.locator('[data-testid="board-preview"]');
    const board = audience.locator("[data-seq]").first();
    await expect
      .poll(async () => (await preview.getAttribute("data-seq")) === (await board.getAttribute("data-seq")))
      .toBe(true);
    const rows = async (scope: Page | ReturnType<Page["locator"]>) =>
      scope
        .locator('[data-testid="ranking-row"]')
        .evaluateAll((els) => els.map((el) => `${el.getAttribute("data-entry")}:${el.getAttribute("data-rank")}`));
    expect(await rows(preview)).toEqual(await rows(audience));
    expect(await rows(preview)).toHaveLength(2);
    await preview.locator(`[data-testid="stage"][data-entry="${order[3]}"]`).waitFor();
    expect(await preview.locator('[data-testid="frozen"]').count()).toBe(1);
    // The preview is a 16:9 picture of a 1920×1080 board.
    const box = (await preview.boundingBox())!;
    expect(Math.abs(box.width / box.height - 16 / 9)).toBeLessThan(0.02);
    await organizer.evaluate(() => window.scrollTo(0, 0));
    await screenshot(organizer, "live-control-room-preview");
    expect(hall.errors()).toEqual([]);
  });
});
