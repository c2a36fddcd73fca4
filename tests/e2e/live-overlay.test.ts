// The livestream overlays in Chromium at the usual OBS canvas (1920×1080), as a browser source
// draws them (issue 14, item 6): the backdrop is transparent (or the chroma key asked for), there
// is no QR code, badge or vote panel, the lower third follows the finalist on stage with the timer
// and then the result, the ranking gets its row when the result is revealed, and everything lies
// inside the 5% safe-title area.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ControlState } from "../../app/domain/live-final";
import type { LiveSocket } from "../../app/live/follower";
import type { Ack } from "../../app/live/protocol";
import { launchBrowser, screenshot, watchErrors } from "../support/browser";
import { liveHarnessForThisFile, ORGANIZER, SLUG, until } from "../support/live-harness";

const live = liveHarnessForThisFile();
const CANVAS = { width: 1920, height: 1080 };
let browser: Browser;
let organizer: LiveSocket;
/** Session cookies of every judge on the final's panel (the demo judge's password for all). */
const judges: string[] = [];
const errors: string[][] = [];

const controlState = () =>
  JSON.parse(live.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as ControlState;

async function open(path: string, viewport = CANVAS) {
  const context = await browser.newContext({ viewport, locale: "en-US" });
  const page = await context.newPage();
  errors.push(watchErrors(page));
  await page.goto(live.url + path);
  return page;
}

const backgrounds = (page: Page) =>
  page.evaluate(() => ({
    html: getComputedStyle(document.documentElement).backgroundColor,
    body: getComputedStyle(document.body).backgroundColor,
  }));

/** Every drawn element of the overlay, as boxes: each must lie within 5% of the canvas's edges. */
async function outsideSafeArea(page: Page, selector: string) {
  return page.evaluate(
    ({ selector }) => {
      const [width, height] = [window.innerWidth, window.innerHeight];
      const [left, top, right, bottom] = [width * 0.05, height * 0.05, width * 0.95, height * 0.95];
      const outside: string[] = [];
      for (const el of document.querySelectorAll(`${selector}, ${selector} *`)) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.left < left - 0.5 || box.top < top - 0.5 || box.right > right + 0.5 || box.bottom > bottom + 0.5)
          outside.push(`${el.tagName}.${el.className} ${JSON.stringify(box)}`);
      }
      return outside;
    },
    { selector },
  );
}

async function command(command: unknown) {
  const ack: Ack = await live.command(organizer, command);
  expect(ack, JSON.stringify(command)).toEqual({ ok: true });
}

/** Every panel judge submits a mark for the entry on stage (the demo's three criteria); `first` for the first judge. */
async function submitAll(entryId: number, mark: string, first = mark) {
  await Promise.all(
    judges.map(async (cookie, i) => {
      const socket = await live.connected({ cookie });
      const ack = (await socket.timeout(5000).emitWithAck("submit", {
        competition: SLUG,
        submissionId: `overlay-${entryId}-${i}`,
        entryId,
        marks: i === 0 ? { "9": first, "10": first, "11": first } : { "9": mark, "10": mark, "11": mark },
      } as never)) as Ack;
      socket.disconnect();
      expect(ack).toMatchObject({ ok: true });
    }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  const round = live.query<{ id: number }>(`SELECT id FROM rounds WHERE slug = 'final'`)[0]!.id;
  const emails = live.query<{ email: string }>(
    `SELECT DISTINCT u.email FROM assignments a JOIN judges j ON j.id = a.judge_id JOIN users u ON u.id = j.user_id WHERE a.round_id = ? ORDER BY j.id`,
    round,
  );
  live.run(
    `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'judge@frontier.demo') WHERE email IN (${emails.map(() => "?").join(",")})`,
    ...emails.map((e) => e.email),
  );
  for (const { email } of emails) judges.push(await live.signIn(email, "frontier-judge"));
  organizer = await live.connected({ cookie: await live.signIn(ORGANIZER.email, ORGANIZER.password) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the livestream overlays", () => {
  it("draw on a transparent backdrop, or the chroma key asked for, without QR code, badges or vote panel", async () => {
    const ranking = await open(`/live/${SLUG}/overlay/ranking`);
    await ranking.locator('[data-testid="overlay-ranking"][data-rows="0"]').waitFor({ state: "attached" });
    expect(await backgrounds(ranking)).toEqual({ html: "rgba(0, 0, 0, 0)", body: "rgba(0, 0, 0, 0)" });
    const lower = await open(`/live/${SLUG}/overlay/lower-third`);
    await lower.locator('[data-testid="lower-third"][data-shown="false"]').waitFor({ state: "attached" });
    expect(await backgrounds(lower)).toEqual({ html: "rgba(0, 0, 0, 0)", body: "rgba(0, 0, 0, 0)" });
    for (const page of [ranking, lower]) {
      for (const absent of ['[data-testid="phone-qr"]', "[data-connection]", "header", '[data-testid="vote-panel"]'])
        expect(await page.locator(absent).count(), absent).toBe(0);
    }
    const green = await open(`/live/${SLUG}/overlay/ranking?background=green`);
    await green.locator('[data-testid="safe-area"]').waitFor({ state: "attached" });
    expect(await backgrounds(green)).toEqual({ html: "rgb(0, 177, 64)", body: "rgb(0, 177, 64)" });
    const magenta = await open(`/live/${SLUG}/overlay/lower-third?background=magenta`);
    await magenta.locator('[data-testid="safe-area"]').waitFor({ state: "attached" });
    expect(await backgrounds(magenta)).toEqual({ html: "rgb(255, 0, 255)", body: "rgb(255, 0, 255)" });
    expect(errors.flat()).toEqual([]);
  });

  it("show the finalist on stage with the timer, then the result, and the ranking's row, all inside the safe area", async () => {
    const ranking = await open(`/live/${SLUG}/overlay/ranking`);
    const lower = await open(`/live/${SLUG}/overlay/lower-third`);
    await ranking.locator('[data-testid="overlay-ranking"]').waitFor({ state: "attached" });
    const [first, second] = controlState().order as [number, number];

    await command({ type: "stage", entryId: first });
    await command({ type: "timer", action: "start" });
    const stage = lower.locator(`[data-testid="lower-third"][data-entry="${first}"]`);
    await stage.waitFor();
    await lower.locator('[data-testid="pitch-timer"][data-running="true"]').waitFor();
    expect(await lower.locator('[data-testid="lower-third-title"]').textContent()).toBeTruthy();
    expect(await outsideSafeArea(lower, '[data-testid="lower-third"]')).toEqual([]);

    await command({ type: "open" });
    await submitAll(first, "7");
    await until(() => controlState().phase === "closed", "scoring to close by itself", 10_000);
    await command({ type: "reveal" });
    await lower.locator('[data-testid="lower-third-result"]').waitFor();
    expect(await lower.locator('[data-testid="pitch-timer"]').count()).toBe(0);
    await ranking.locator(`[data-testid="overlay-row"][data-entry="${first}"][data-rank="1"]`).waitFor();

    // A second, higher result: it takes first place and the row below it moves down, with its arrow.
    await command({ type: "stage", entryId: second });
    await command({ type: "open" });
    await submitAll(second, "8");
    await until(() => controlState().phase === "closed", "scoring to close by itself", 10_000);
    await command({ type: "reveal" });
    await ranking.locator(`[data-testid="overlay-row"][data-entry="${second}"][data-rank="1"]`).waitFor();
    const moved = ranking.locator(`[data-testid="overlay-row"][data-entry="${first}"][data-rank="2"]`);
    await moved.locator('[data-testid="rank-move"][data-move="down"]').waitFor();
    expect(await ranking.locator('[data-testid="overlay-row"]').count()).toBe(2);

    // A third at the same trimmed result (7.00) but a higher untrimmed mean: the tie-break puts the
    // first finalist below it, and its row says so.
    const third = controlState().order[2]!;
    await command({ type: "stage", entryId: third });
    await command({ type: "open" });
    await submitAll(third, "7", "10");
    await until(() => controlState().phase === "closed", "scoring to close by itself", 10_000);
    await command({ type: "reveal" });
    const tied = ranking.locator(`[data-testid="overlay-row"][data-entry="${first}"][data-rank="3"]`);
    await tied.locator('[data-testid="tie-break"]').getByText("tie-break: untrimmed mean").waitFor();
    await ranking.locator(`[data-testid="overlay-row"][data-entry="${third}"][data-rank="2"]`).waitFor();
    // The JSON API carries the same: the deciding tie-break and each row's previous rank.
    const api = (await (await fetch(`${live.url}/api/v1/live/${SLUG}`)).json()) as {
      state: { ranking: { entryId: number; decidedBy?: string | null; previousRank?: number | null }[] };
    };
    expect(api.state.ranking.find((r) => r.entryId === first)).toMatchObject({
      decidedBy: "untrimmed-mean",
      previousRank: 2,
    });
    expect(api.state.ranking.find((r) => r.entryId === third)).toMatchObject({ previousRank: null });
    expect(await outsideSafeArea(ranking, '[data-testid="overlay-ranking"]')).toEqual([]);
    expect(await outsideSafeArea(lower, '[data-testid="lower-third"]')).toEqual([]);
    await screenshot(ranking, "overlay-ranking-1920x1080");
    await screenshot(lower, "overlay-lower-third-1920x1080");
    expect(errors.flat()).toEqual([]);
  });

  it("stay inside the safe area on a 720p and a 4K canvas, the text scaled with the canvas", async () => {
    const sizes: number[] = [];
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 3840, height: 2160 },
    ]) {
      const ranking = await open(`/live/${SLUG}/overlay/ranking?rows=30&background=blue`, viewport);
      await ranking.locator('[data-testid="overlay-row"]').first().waitFor();
      expect(await backgrounds(ranking)).toEqual({ html: "rgb(0, 71, 187)", body: "rgb(0, 71, 187)" });
      expect(await outsideSafeArea(ranking, '[data-testid="overlay-ranking"]'), `${viewport.width}`).toEqual([]);
      const lower = await open(`/live/${SLUG}/overlay/lower-third`, viewport);
      await lower.locator('[data-testid="lower-third"][data-shown="true"]').waitFor();
      expect(await outsideSafeArea(lower, '[data-testid="lower-third"]'), `${viewport.width}`).toEqual([]);
      sizes.push(
        await lower
          .locator('[data-testid="lower-third-title"]')
          .evaluate((el) => el.getBoundingClientRect().height / window.innerHeight),
      );
    }
    // The title takes the same share of the canvas's height at 720p as on a 4K wall.
    expect(Math.abs(sizes[0]! - sizes[1]!)).toBeLessThan(0.01);
    expect(errors.flat()).toEqual([]);
  });
});
