// The big screen as the hall sees it, in Chromium at a projector's 1280×720, a 1920×1080 screen and
// a 4K wall: the whole ranking of a final of 22, then of 30, with no row cut off; type large enough
// for the back of the hall; struck marks still legible; the tie-break and the rank change on the
// rows; and the audience's phone with the ranking first and titles whole. Screenshots are kept in
// test-results/ for a person to look at.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import { launchBrowser, screenshot, watchErrors } from "../support/browser";
import { liveHarnessForThisFile, ORGANIZER, SLUG } from "../support/live-harness";
import { preparePanel, readPanel, submitFromPhone, type Panel } from "../support/live-panel";

const FINALISTS = 30;
const live = liveHarnessForThisFile({}, (file) => preparePanel(file, { finalists: FINALISTS }));
const SIZES = [
  { name: "720p", width: 1280, height: 720 },
  { name: "1080p", width: 1920, height: 1080 },
  { name: "4k", width: 3840, height: 2160 },
] as const;

let browser: Browser;
let panel: Panel;
let organizer: LiveSocket;
const judges = new Map<number, string>();
let order: number[] = [];

/** What one judge gives an entry: every criterion the same mark. */
type Sheet = (seat: number) => string;

/**
 * The first two pitches tie on the trimmed mean (7) and are parted by the untrimmed mean (one
 * judge's 10 against one judge's 4), so the board must name that tie-break; the others spread out
 * over the scale, each judge a little off the pitch's own mark.
 */
function sheetFor(index: number): Sheet {
  if (index === 0) return (seat) => (seat === 1 ? "10" : "7");
  if (index === 1) return (seat) => (seat === 1 ? "4" : "7");
  const base = 5 + ((index * 7) % 10) * 0.5;
  return (seat) => String(Math.min(10, base + ((seat % 3) - 1) * 0.5));
}

async function playPitch(index: number) {
  const entryId = order[index]!;
  const sheet = sheetFor(index);
  expect(await live.command(organizer, { type: "stage", entryId })).toEqual({ ok: true });
  expect(await live.command(organizer, { type: "open" })).toEqual({ ok: true });
  await Promise.all(
    [...judges].map(async ([, cookie], seatIndex) => {
      const mark = sheet(seatIndex + 1);
      const marks = Object.fromEntries(panel.criteria.map((c) => [String(c.id), mark]));
      expect(await submitFromPhone(live.url, cookie, entryId, marks)).toMatchObject({ ok: true });
    }),
  );
  expect(await live.command(organizer, { type: "reveal" })).toEqual({ ok: true });
}

async function board(size: { width: number; height: number }, mobile = false) {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    locale: "en-US",
    ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { deviceScaleFactor: 1 }),
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${live.url}/live/${SLUG}`);
  return { page, errors, close: () => context.close() };
}

/** Waits until the rows have slid to their places (the board animates a change of rank). */
async function settled(page: Page, rows: number) {
  await page.locator('[data-connection="live"]').first().waitFor();
  await page
    .locator('[data-testid="ranking-row"]')
    .nth(rows - 1)
    .waitFor();
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="ranking-row"]').length === n &&
      document.getAnimations().every((a) => a.playState !== "running"),
    rows,
  );
}

type Box = { left: number; top: number; right: number; bottom: number };
type Fit = {
  viewport: { width: number; height: number };
  scrollHeight: number;
  rows: { entry: string; box: Box; parts: { name: string; box: Box; clipped: boolean }[] }[];
};

/** Every ranking row's box and the boxes of what it shows, as the browser laid them out. */
const measureRows = (page: Page): Promise<Fit> =>
  page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const rows = [...document.querySelectorAll('[data-testid="ranking-row"]')].map((li) => {
      const card = li.firstElementChild!;
      const parts = [...card.querySelectorAll(":scope > span, :scope > span > span")].map((el) => {
        const h = el as HTMLElement;
        return {
          name: h.dataset.testid ?? h.className.split(" ")[0]!,
          box: box(h),
          // Text taller than a box that hides its overflow is cut at the bottom (an ellipsis at the
          // end is allowed); a box that lets it show is checked by its place in the row instead.
          clipped: getComputedStyle(h).overflowY !== "visible" && h.scrollHeight > h.clientHeight + 1,
        };
      });
      return { entry: (li as HTMLElement).dataset.entry!, box: box(card), parts };
    });
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scrollHeight: document.documentElement.scrollHeight,
      rows,
    };
  });

function expectEveryRowWhole(fit: Fit, rows: number) {
  expect(fit.rows).toHaveLength(rows);
  // The big screen never scrolls: what is not in the viewport is not seen by the hall.
  expect(fit.scrollHeight).toBeLessThanOrEqual(fit.viewport.height);
  const inside = (inner: Box, outer: Box) =>
    inner.left >= outer.left - 1 &&
    inner.top >= outer.top - 1 &&
    inner.right <= outer.right + 1 &&
    inner.bottom <= outer.bottom + 1;
  const screen = { left: 0, top: 0, right: fit.viewport.width, bottom: fit.viewport.height };
  for (const row of fit.rows) {
    expect(inside(row.box, screen), `row of entry ${row.entry} inside the screen`).toBe(true);
    expect(row.box.bottom - row.box.top, `row of entry ${row.entry} has height`).toBeGreaterThan(10);
    for (const part of row.parts) {
      expect(inside(part.box, row.box), `${part.name} of entry ${row.entry} inside its row`).toBe(true);
      expect(part.clipped, `${part.name} of entry ${row.entry} not cut`).toBe(false);
    }
  }
  // No row lies over another.
  for (const [i, a] of fit.rows.entries())
    for (const b of fit.rows.slice(i + 1)) {
      const overlap =
        Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left) > 1 &&
        Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 1;
      expect(overlap, `rows of entries ${a.entry} and ${b.entry} overlap`).toBe(false);
    }
}

/** WCAG's contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(fg: string, bg: string) {
  const luminance = (css: string) => {
    const [r, g, b] = css
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number) as [number, number, number];
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

async function checkEverySize(rows: number) {
  for (const size of SIZES) {
    const { page, errors, close } = await board(size);
    try {
      await settled(page, rows);
      await screenshot(page, `live-board-${rows}-rows-${size.name}`);
      expectEveryRowWhole(await measureRows(page), rows);
      expect(await page.locator('[data-testid="ranking"]').getAttribute("data-columns")).toBe(rows > 14 ? "2" : "1");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  panel = readPanel(live.dbFile);
  for (const [judgeId, email] of panel.judges) judges.set(judgeId, await live.signIn(email, "frontier-judge"));
  const cookie = await live.signIn(ORGANIZER.email, ORGANIZER.password);
  organizer = await live.connected({ cookie, origin: live.url });
  order = (
    JSON.parse(live.query<{ control: string }>(`SELECT control FROM live_state`)[0]!.control) as {
      order: number[];
    }
  ).order;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("the big screen fits any screen", () => {
  it("shows all 22 rows of a final of 22 whole at 720p, 1080p and 4K, in two columns, without scrolling", async () => {
    expect(order).toHaveLength(FINALISTS);
    for (let i = 0; i < 22; i++) await playPitch(i);
    await checkEverySize(22);
  }, 180_000);

  it("names the tie-break that parted two equal results on the row, and marks the rank change with an arrow", async () => {
    const { page, close } = await board(SIZES[1]);
    try {
      await settled(page, 22);
      // The second pitch tied the first on the trimmed mean; the untrimmed mean put it below.
      const second = page.locator(`[data-testid="ranking-row"][data-entry="${order[1]}"]`);
      await expect(second.getByTestId("tie-break").textContent()).resolves.toMatch(/untrimmed mean/i);
      const api = (await (await live.get(`/api/v1/live/${SLUG}`)).json()) as {
        state: { ranking: { entryId: number; decidedBy: string | null; previousRank?: number | null }[] };
      };
      expect(api.state.ranking.find((r) => r.entryId === order[1])?.decidedBy).toBe("untrimmed-mean");
      // The last reveal is new on the board; the rows it passed moved down one place.
      const last = page.locator(`[data-testid="ranking-row"][data-entry="${order[21]}"]`);
      await expect(last.getByTestId("rank-move").getAttribute("data-move")).resolves.toBe("new");
      expect(await page.locator('[data-testid="rank-move"][data-move="down"]').count()).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it("keeps the title large enough for the back of the hall and the struck marks legible, marks written to the rubric's step", async () => {
    const { page, close } = await board(SIZES[1]);
    try {
      await settled(page, 22);
      const titleSize = await page
        .getByTestId("stage-title")
        .evaluate((el) => parseFloat(getComputedStyle(el.firstElementChild ?? el).fontSize));
      expect(titleSize / 1080).toBeGreaterThanOrEqual(0.035);
      // The title is whole: not clipped, not run into by the line beneath, inside its panel.
      const title = await page.getByTestId("stage-title").evaluate((el) => {
        const [main, sub] = [...el.children] as HTMLElement[];
        const panel = el.closest("section")!.getBoundingClientRect();
        const box = main!.getBoundingClientRect();
        return {
          text: main!.textContent ?? "",
          clipped: getComputedStyle(main!).overflowY !== "visible" && main!.scrollHeight > main!.clientHeight + 1,
          runInto: sub ? sub.getBoundingClientRect().top < box.bottom - 1 : false,
          outside: box.bottom > panel.bottom || box.top < panel.top,
        };
      });
      expect(title, title.text).toMatchObject({ clipped: false, runInto: false, outside: false });
      const struck = page.locator('[data-testid="seat-mark"][data-struck="true"]').first();
      await struck.waitFor();
      const colours = await struck.evaluate((el) => {
        const s = getComputedStyle(el);
        return { fg: s.color, bg: s.backgroundColor };
      });
      expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
      const marks = await page.locator('[data-testid="seat-mark"] span:last-child').allTextContents();
      expect(marks.length).toBe(panel.judges.size);
      // A seat's mark is its weighted total: written with the rubric's step (0.5 × 30 % = 0.15, so
      // two decimals for the demo final), the same for every seat ("7.00", never "7").
      const api = (await (await live.get(`/api/v1/live/${SLUG}`)).json()) as {
        state: { round: { markDecimals: number } };
      };
      expect(api.state.round.markDecimals).toBeGreaterThan(0);
      const written = new RegExp(`^\\d+\\.\\d{${api.state.round.markDecimals}}$`);
      for (const mark of marks) expect(mark).toMatch(written);
    } finally {
      await close();
    }
  });

  it("shows all 30 rows of a final of 30 whole at 720p, 1080p and 4K", async () => {
    for (let i = 22; i < FINALISTS; i++) await playPitch(i);
    await checkEverySize(FINALISTS);
  }, 180_000);

  it("puts the ranking first on the audience's phone, with every title whole", async () => {
    const { page, errors, close } = await board({ width: 390, height: 844 }, true);
    try {
      await page
        .locator('[data-testid="ranking-row"]')
        .nth(FINALISTS - 1)
        .waitFor();
      const ranking = await page.locator('[data-testid="ranking"]').boundingBox();
      const stage = await page.getByTestId("stage").boundingBox();
      expect(ranking!.y).toBeLessThan(stage!.y);
      // Whole: not cut, no ellipsis, and given most of the row (not squeezed to a word per line).
      const titles = await page.locator('[data-testid="ranking-row"] span.block:first-child').evaluateAll((els) =>
        els.map((el) => ({
          text: el.textContent ?? "",
          whole:
            el.scrollWidth <= el.clientWidth + 1 &&
            getComputedStyle(el).textOverflow !== "ellipsis" &&
            el.getBoundingClientRect().width >= 0.55 * el.closest("li")!.getBoundingClientRect().width,
        })),
      );
      expect(titles).toHaveLength(FINALISTS);
      for (const title of titles) expect(title, title.text).toMatchObject({ whole: true });
      await screenshot(page, "live-board-phone");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("opens the ceremony on its own heading, whole, at every size, and shows the awards one tier per step", async () => {
    expect(await live.command(organizer, { type: "freeze" })).toEqual({ ok: true });
    expect(await live.command(organizer, { type: "ceremonyStep" })).toEqual({ ok: true });
    for (const size of SIZES) {
      const { page, errors, close } = await board(size);
      try {
        const waiting = page.getByTestId("stage-waiting");
        await waiting.getByText("Award ceremony").first().waitFor();
        // Never the between-pitches line, and the heading is inside its panel, not cut in half.
        expect(await page.getByText("The next pitch will begin shortly").count()).toBe(0);
        const heading = (await waiting.locator(":scope > *").first().boundingBox())!;
        const panel = (await page.getByRole("region", { name: "On stage" }).boundingBox())!;
        expect(heading.y).toBeGreaterThanOrEqual(panel.y);
        expect(heading.y + heading.height).toBeLessThanOrEqual(panel.y + panel.height);
        expect(heading.height).toBeGreaterThan(size.height * 0.035);
        await screenshot(page, `live-board-ceremony-${size.name}`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
    // With nothing sealed, each step is one tier of awards, the newest on top.
    const { page, close } = await board(SIZES[0]);
    try {
      const shown: string[] = [];
      for (;;) {
        expect(await live.command(organizer, { type: "ceremonyStep" })).toEqual({ ok: true });
        await expect.poll(() => page.getByTestId("award-tier").count()).toBe(shown.length + 1);
        const newest = page.locator('[data-testid="award-tier"][data-newest="true"]');
        shown.push((await newest.getAttribute("data-tier"))!);
        const box = (await newest.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(SIZES[0].height);
        if (shown.at(-1) === "champion") break;
      }
      expect(shown.slice(-3)).toEqual(["third", "runnerUp", "champion"]);
      await screenshot(page, "live-board-awards-720p");
    } finally {
      await close();
    }
  }, 120_000);
});
