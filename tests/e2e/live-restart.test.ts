// A restart of the server during the live final, in Chromium: the big screen, an audience phone,
// the control room and a judge's phone are open when the server stops (SIGTERM, as systemd or
// docker send it, and SIGKILL, a crash); the judge scores while it is down; the server starts
// again on the same port, and every page comes back by itself to the server's state.
import type { Browser } from "playwright-core";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command, PublicState } from "../../app/domain/live-final";
import type { LiveSocket } from "../../app/live/follower";
import { ackSchema } from "../../app/live/protocol";
import { browserForThisFile, devicesIn, screenshot, signInThroughForm, type Devices } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";
import { readPanel, type Panel } from "../support/live-panel";

const SLUG = "zgc2026";
let browser: Browser;
browserForThisFile((b) => (browser = b));

/** What a page may log while its server is away: the failed attempts to reach it, nothing else. */
const UNREACHABLE = /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|WebSocket connection to .* failed/;

describe.each(["SIGTERM", "SIGKILL"] as const)("the hall through a restart by %s", (signal) => {
  // Its own server for each signal: the server is stopped and started again on the same port.
  const demo = demoServerForThisFile();
  let hall: Devices;
  let panel: Panel;
  let entryId = 0;
  const open = async (viewport: { width: number; height: number }, mobile = false) =>
    (await hall.open(viewport, mobile)).page;

  /** The organizer's command over the live channel, as the control room sends it. */
  async function command(cookie: string, command: Command) {
    const socket: LiveSocket = connect(demo.url + "/live", {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie },
    });
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const ack = ackSchema.parse(await socket.timeout(5000).emitWithAck("control", { competition: SLUG, command }));
    socket.disconnect();
    return ack;
  }

  /** The server's state as partners read it: the JSON API. */
  const serverState = async () =>
    ((await (await fetch(`${demo.url}/api/v1/live/${SLUG}`)).json()) as { state: PublicState }).state;

  const scoresOfDemoJudge = () =>
    demo.count(
      `SELECT count(*) AS n FROM scores WHERE round_id = ? AND judge_id = ? AND entry_id = ? AND status = 'submitted'`,
      panel.finalRound,
      panel.demoJudge,
      entryId,
    );

  beforeAll(() => {
    panel = readPanel(demo.dbFile);
    hall = devicesIn(browser);
  });

  afterAll(() => hall.close());

  it(`brings every page back by itself to the server's state within 10 s, and the judge's score typed while it was down is accepted (${signal})`, async () => {
    const control = await open({ width: 1440, height: 900 });
    await signInThroughForm(control, demo.url, "organizer@frontier.demo", "frontier-organizer");
    await control.goto(demo.url + "/admin/live");
    await control.getByRole("button", { name: "Start the live final" }).click();
    await control.locator('[data-testid="control-room"]').waitFor();
    const cookie = (await control.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    entryId = (await serverState()).entries[0]!.id;
    expect(await command(cookie, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(cookie, { type: "open" })).toEqual({ ok: true });

    const bigScreen = await open({ width: 1920, height: 1080 });
    await bigScreen.goto(`${demo.url}/live/${SLUG}`);
    const audiencePhone = await open({ width: 390, height: 844 }, true);
    await audiencePhone.goto(`${demo.url}/live/${SLUG}`);
    const judgePhone = await open({ width: 390, height: 844 }, true);
    await signInThroughForm(judgePhone, demo.url, "judge@frontier.demo", "frontier-judge");
    await judgePhone.goto(demo.url + "/judge/live");
    await judgePhone.locator('[data-testid="stage-sheet"]').waitFor();
    const pages = [bigScreen, audiencePhone, control, judgePhone];
    for (const page of pages) await page.locator('[data-connection="live"]').first().waitFor();
    // The control room sees the judge's phone on the channel.
    await control.locator('[data-testid="panel"] li[data-connected="true"]').waitFor();

    await demo.stop(signal);
    for (const page of pages) await page.locator('[data-connection="reconnecting"]').first().waitFor();

    // While the server is down the judge scores: the score waits on the phone.
    for (const input of await judgePhone.locator('[data-testid="stage-sheet"] input[name^="m"]').all())
      await input.fill("8");
    await judgePhone.getByRole("button", { name: "Submit my score" }).click();
    await judgePhone.locator('[data-testid="pending"]').waitFor();
    expect(scoresOfDemoJudge()).toBe(0);

    await demo.start();
    const deadline = Date.now() + 10_000;
    const left = () => Math.max(1, deadline - Date.now());
    await judgePhone.locator('[data-testid="outcome"][data-kind="accepted"]').waitFor({ timeout: left() });
    expect(scoresOfDemoJudge()).toBe(1);
    const truth = await serverState();
    expect(truth.stage).toMatchObject({ entryId, phase: "scoring", submitted: 1 });
    for (const screen of [bigScreen, audiencePhone])
      await screen.locator(`[data-seq="${truth.seq}"] [data-connection="live"]`).waitFor({ timeout: left() });
    await bigScreen.locator(`[data-testid="stage"][data-entry="${entryId}"]`).waitFor({ timeout: left() });
    await bigScreen
      .locator(`[data-testid="stage-progress"][data-submitted="1"][data-phase="scoring"]`)
      .waitFor({ timeout: left() });
    await control.locator('[data-testid="control-room"][data-phase="scoring"]').waitFor({ timeout: left() });
    await control.locator('[data-connection="live"]').first().waitFor({ timeout: left() });
    await control
      .locator(
        `[data-testid="panel"] li[data-judge="${panel.demoJudge}"][data-submitted="true"][data-connected="true"]`,
      )
      .waitFor({ timeout: left() });
    await judgePhone.locator('[data-testid="judge-stage"][data-phase="scoring"]').waitFor({ timeout: left() });
    await judgePhone.locator(`[data-testid="stage-entry"][data-entry="${entryId}"]`).waitFor({ timeout: left() });
    await judgePhone.locator('[data-connection="live"]').waitFor({ timeout: left() });
    expect(await judgePhone.locator('[data-testid="pending"]').count()).toBe(0);
    expect(Date.now()).toBeLessThanOrEqual(deadline);
    await screenshot(control, `live-restart-${signal.toLowerCase()}-control-room`);
    // Only the failed attempts to reach the stopped server, nothing thrown, nothing else logged.
    expect(hall.errors().filter((e) => !UNREACHABLE.test(e))).toEqual([]);
  });
});
