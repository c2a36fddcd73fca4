import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, watchErrors } from "../support/browser";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

describe("a newcomer browsing the demo in Chromium", () => {
  it("opens the competition in English, switches to Simplified then Traditional Chinese, and the choice sticks", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(demo.url + "/");
    await expect
      .poll(() => page.locator("h1").textContent())
      .toContain("Zhongguancun International Frontier Technology");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByText("Countries and regions").first().isVisible()).toBe(true);
    await screenshot(page, "home-en-1920");

    await page.getByRole("button", { name: "简体中文", exact: true }).click();
    await page.waitForURL(/\/c\/zgc2026$/);
    await expect.poll(() => page.locator("h1").textContent()).toContain("中关村国际前沿科技创新大赛");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");
    await page.reload();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hans");

    // The third language: Traditional Chinese, the edition's name converted, after a reload too.
    await page.getByRole("button", { name: "繁體中文", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toContain("中關村國際前沿科技創新大賽");
    await page.reload();
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-Hant");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("reads a group's ranking, filters it by country with JavaScript on, and opens an entry", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(demo.url + "/c/zgc2026/results/regional");
    const europe = page.getByRole("link", { name: "Europe", exact: true });
    await europe.click();
    await page.waitForURL(/group=EU/);
    await expect.poll(() => europe.getAttribute("aria-current"), { timeout: 15_000 }).toBe("page");
    const rows = page.locator("table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(50);
    expect(await rows.first().locator("td").first().textContent()).toBe("1");

    await page.locator('select[name="country"]').selectOption("DE");
    await page.waitForURL(/country=DE/);
    // The navigation replaces the rows: wait until every row shown is from Germany, and there are some.
    await expect
      .poll(
        async () => {
          const texts = await rows.allTextContents();
          return texts.length > 0 && texts.every((text) => text.includes("Germany"));
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    const title = (await rows.first().locator("a").textContent())!;
    await rows.first().locator("a").click();
    await page.waitForURL(/\/entries\/EU-/);
    await expect.poll(() => page.locator("h1").textContent()).toBe(title);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the results as cards on a phone", async () => {
    const context = await browser.newContext({
      locale: "zh-CN",
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(demo.url + "/c/zgc2026/results/regional?group=BJ");
    expect(await page.locator("table").isVisible()).toBe(false);
    expect(await page.locator("ol li").first().isVisible()).toBe(true);
    // Nothing wider than the screen: the page does not scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "results-zh-phone");
    expect(errors).toEqual([]);
    await context.close();
  });
});
