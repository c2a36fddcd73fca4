// A judge's phone in Chromium during a correction: the organizer reopens scoring for this judge,
// the phone shows why, starts from the judge's own marks and asks why they change them.
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../app/domain/live-final";
import type { LiveSocket } from "../../app/live/follower";
import { ackSchema } from "../../app/live/protocol";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const SLUG = "zgc2026";
const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((b) => (browser = b));
const sockets: LiveSocket[] = [];
/** Session cookies of the panel's other judges (not the demo judge, who uses the phone). */
const others: string[] = [];
let demoJudge = 0;
let organizer: LiveSocket;

async function connected(cookie: string) {
  const socket: LiveSocket = connect(demo.url + "/live", {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie },
  });
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
  return socket;
}

const command = async (cmd: Command) =>
  ackSchema.parse(await organizer.timeout(5000).emitWithAck("control", { competition: SLUG, command: cmd }));

async function othersSubmit(entryId: number, mark: string) {
  for (const [i, cookie] of others.entries()) {
    const socket = await connected(cookie);
    const ack = ackSchema.parse(
      await socket.timeout(5000).emitWithAck("submit", {
        competition: SLUG,
        submissionId: `fix-${entryId}-${i}`,
        entryId,
        marks: { "9": mark, "10": mark, "11": mark },
      }),
    );
    expect(ack).toMatchObject({ ok: true });
    socket.disconnect();
  }
}

const marksOfPhone = (page: Page) =>
  page
    .locator('[data-testid="stage-sheet"] input[name^="m"]')
    .evaluateAll((inputs) => (inputs as HTMLInputElement[]).map((i) => i.value));

beforeAll(async () => {
  const db = new Database(demo.dbFile);
  const finalRound = (db.prepare(`SELECT id FROM rounds WHERE slug = 'final'`).get() as { id: number }).id;
  demoJudge = (
    db
      .prepare(`SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'`)
      .get() as { id: number }
  ).id;
  const emails = db
    .prepare(
      `SELECT DISTINCT u.email FROM assignments a JOIN judges j ON j.id = a.judge_id JOIN users u ON u.id = j.user_id WHERE a.round_id = ? AND j.id != ? ORDER BY j.id`,
    )
    .all(finalRound, demoJudge) as { email: string }[];
  db.prepare(
    `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'judge@frontier.demo') WHERE email IN (${emails.map(() => "?").join(",")})`,
  ).run(...emails.map((e) => e.email));
  db.close();
  for (const { email } of emails) others.push(await demo.signIn(email, "frontier-judge"));
  const cookie = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  const started = await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie });
  expect(started.status).toBe(302);
  organizer = await connected(cookie);
}, 120_000);

afterAll(() => sockets.forEach((s) => s.disconnect()));

describe("a correction on the judge's phone", () => {
  it("shows the organizer's reason, starts from the judge's own marks, asks why at its field, and sends the revised score", async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "en-US",
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    const errors = watchErrors(phone);
    await signInThroughForm(phone, demo.url, "judge@frontier.demo", "frontier-judge");
    await phone.goto(demo.url + "/judge/live");
    await phone.locator('[data-connection="live"]').waitFor();
    const order = (
      JSON.parse(demo.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as { order: number[] }
    ).order;
    const entryId = order[0]!;

    expect(await command({ type: "stage", entryId })).toEqual({ ok: true });
    expect(await command({ type: "open" })).toEqual({ ok: true });
    await othersSubmit(entryId, "7");
    for (const input of await phone.locator('[data-testid="stage-sheet"] input[name^="m"]').all())
      await input.fill("8");
    await phone.getByRole("button", { name: "Submit my score" }).click();
    await phone.locator('[data-testid="outcome"][data-kind="accepted"]').waitFor();

    // The organizer reopens for this judge: the phone follows by itself, with the judge's marks filled in.
    expect(await command({ type: "reopen", judgeId: demoJudge, reason: "Judge 1 typed 8 for 6" })).toEqual({
      ok: true,
    });
    await phone.getByText("The organizer reopened scoring: Judge 1 typed 8 for 6").waitFor();
    expect(await marksOfPhone(phone)).toEqual(["8", "8", "8"]);
    await screenshot(phone, "live-correction-phone");

    // Without a reason nothing is sent: the phone says why at the field.
    await phone.locator('input[name="m9"]').fill("6");
    await phone.getByRole("button", { name: "Submit my corrected score" }).click();
    await phone.getByText("Say why you change your mark.").waitFor();
    expect(await phone.getByLabel("Why do you change your mark?").getAttribute("aria-invalid")).toBe("true");
    expect(demo.count(`SELECT count(*) AS n FROM audit_log WHERE action = 'score.revised'`)).toBe(0);

    await phone.getByLabel("Why do you change your mark?").fill("I typed 8 for 6");
    await phone.getByRole("button", { name: "Submit my corrected score" }).click();
    await phone.locator('[data-testid="outcome"][data-kind="accepted"]').waitFor();
    await expect.poll(() => demo.count(`SELECT count(*) AS n FROM audit_log WHERE action = 'score.revised'`)).toBe(1);
    const revision = demo.query<{ reason: string; after: string }>(
      `SELECT reason, after FROM audit_log WHERE action = 'score.revised'`,
    )[0]!;
    expect(revision.reason).toBe("I typed 8 for 6");
    expect(JSON.parse(revision.after)).toMatchObject({ judgeId: demoJudge, marks: { "9": "6", "10": "8", "11": "8" } });
    // Scoring closed again by itself; the phone no longer offers the correction.
    await phone.getByText("The organizer reopened scoring", { exact: false }).waitFor({ state: "detached" });
    expect(await phone.locator('[data-testid="stage-sheet"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
