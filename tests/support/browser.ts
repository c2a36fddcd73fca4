import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const ARTIFACTS = path.resolve(import.meta.dirname, "../../test-results");

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Launches Chromium for the current test file and closes it afterwards; `use` receives it. */
export function browserForThisFile(use: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    use(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}

/** Collects what the page logs as an error or throws, so a test can assert there was none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/** Signs in through the English sign-in form, as a person would, and waits to leave it. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(baseUrl + "/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export type Devices = {
  /** A page in a context of its own, as a separate device in the hall (a phone with `mobile`). */
  open(viewport: { width: number; height: number }, mobile?: boolean): Promise<{ context: BrowserContext; page: Page }>;
  /** What every page opened so far logged as an error or threw. */
  errors(): string[];
  /** Closes every context opened. */
  close(): Promise<void>;
};

/** The devices of a hall (big screen, control room, phones), each its own browser context. */
export function devicesIn(browser: Browser): Devices {
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];
  return {
    async open(viewport, mobile = false) {
      const context = await browser.newContext({
        viewport,
        locale: "en-US",
        ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      });
      contexts.push(context);
      const page = await context.newPage();
      errors.push(watchErrors(page));
      return { context, page };
    },
    errors: () => errors.flat(),
    async close() {
      for (const context of contexts) await context.close();
    },
  };
}
