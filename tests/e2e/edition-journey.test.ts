// A whole edition in Chromium on a new installation: the operator makes the first organizer with the
// command; the organizer creates the edition, its groups, tracks and two rounds; invites a judge; an
// entrant registers and submits; the first round is opened, assigned, scored, closed and published,
// and the entry stands in the second round with its outcome on the entrant's page. No page logs an error.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserForThisFile, screenshot, signInThroughForm, watchErrors } from "../support/browser";
import { freshServerForThisFile } from "../support/fresh-server";

const root = path.resolve(import.meta.dirname, "../..");
const server = freshServerForThisFile();
let browser: Browser;
browserForThisFile((launched) => (browser = launched));

const ORGANIZER = { email: "lin.wei@frontier.example.cn", name: "Lin Wei", password: "a-long-organizer-password-2026" };
const JUDGE = { email: "ingrid.berg@kth.example.se", name: "Ingrid Berg", password: "a-long-judge-password-2026" };
const ENTRANT = { email: "sanne@delft-qd.example.nl", name: "Sanne de Vries", password: "a-strong-password-2026" };
const TITLE = "Spin qubits on 300 mm wafers";

/** A datetime-local value `days` from now (minutes precision); a day's margin covers any time zone. */
const localInput = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

/** Runs the operator's command on the server's database, with no terminal attached. */
function organizerCreate() {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", "db/cli/organizer-create.ts", "--email", ORGANIZER.email, "--name", ORGANIZER.name],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        DATABASE_PATH: server.dbFile,
        FRONTIER_PASSWORD: ORGANIZER.password,
      } as NodeJS.ProcessEnv,
      input: "",
      encoding: "utf8",
    },
  );
}

type Actor = { context: BrowserContext; page: Page; errors: string[] };
async function actor(viewport = { width: 1280, height: 1000 }): Promise<Actor> {
  const context = await browser.newContext({ locale: "en-US", viewport });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await signInThroughForm(page, server.url, who.email, who.password);
}

async function createEdition(page: Page) {
  await page.goto(server.url + "/admin/competitions/new");
  await page.getByLabel("Name in Chinese").fill("2027 前沿大赛");
  await page.getByLabel("Name in English").fill("Frontier 2027");
  await page.getByLabel("Short name in web addresses").fill("frontier2027");
  await page.getByLabel("Year").fill("2027");
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await page.getByLabel("Registration opens").fill(localInput(-1));
  await page.getByLabel("Registration closes").fill(localInput(30));
  await page.getByRole("button", { name: "Create an edition" }).click();
  await page.waitForURL(/\/admin\/competitions\/frontier2027\?created=1$/);

  const groups = [
    { code: "EU", zh: "欧洲赛区", en: "Europe", preset: "EU" },
    { code: "BJ", zh: "北京赛区", en: "Beijing", preset: "CN" },
  ];
  for (const g of groups) {
    const form = page.locator("form", { has: page.locator('input[name="form"][value="group"]') });
    await form.getByLabel("Code").fill(g.code);
    await form.getByLabel("Name in Chinese").fill(g.zh);
    await form.getByLabel("Name in English").fill(g.en);
    await form.getByLabel("Preset").selectOption(g.preset);
    await form.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => page.locator(`[data-group="${g.code}"]`).count()).toBe(1);
  }
  const tracks = [
    { code: "QI", zh: "量子信息", en: "Quantum information" },
    { code: "AI", zh: "人工智能", en: "Artificial intelligence" },
    { code: "6G", zh: "6G 通信", en: "6G communications" },
  ];
  for (const tr of tracks) {
    const form = page.locator("form", { has: page.locator('input[name="form"][value="track"]') });
    await form.getByLabel("Code").fill(tr.code);
    await form.getByLabel("Name in Chinese").fill(tr.zh);
    await form.getByLabel("Name in English").fill(tr.en);
    await form.getByRole("button", { name: "Add" }).click();
    await expect.poll(() => page.locator(`[data-track="${tr.code}"]`).textContent()).toContain(tr.en);
  }
  await screenshot(page, "journey-edition-setup");
}

async function addRound(
  page: Page,
  round: { zh: string; en: string; slug: string; stage: boolean; fields: Record<string, string> },
) {
  await page.goto(`${server.url}/admin/competitions/frontier2027/rounds/new${round.stage ? "?kind=stage" : ""}`);
  await page.fill("#round-nameZh", round.zh);
  await page.fill("#round-nameEn", round.en);
  await page.fill("#round-slug", round.slug);
  await page.selectOption("#round-kind", round.stage ? "stage" : "online");
  for (const [name, value] of Object.entries(round.fields)) {
    const id = `#round-${name}`;
    if ((await page.locator(id).evaluate((el) => el.tagName)) === "SELECT") await page.selectOption(id, value);
    else await page.fill(id, value);
  }
  await page.getByLabel("The default rubric").check();
  await Promise.all([
    page.waitForURL(new RegExp(`/admin/rounds/${round.slug}\\?saved=created`)),
    page.getByRole("button", { name: "Add the round" }).click(),
  ]);
}

async function inviteJudge(organizer: Page, judge: Page) {
  await organizer.goto(server.url + "/admin/judges");
  const form = organizer.locator("form", { has: organizer.locator('input[name="form"][value="create"]') });
  await form.getByLabel("E-mail").fill(JUDGE.email);
  await form.getByLabel("Name", { exact: true }).fill(JUDGE.name);
  await form.getByLabel("Affiliation").fill("KTH Royal Institute of Technology");
  await form.getByLabel("Country or region").selectOption("SE");
  await form.getByLabel("Quantum information").check();
  await form.getByRole("button", { name: "Add the judge" }).click();
  await organizer.waitForURL(/\/admin\/judges\/\d+\?created=1$/);
  await organizer.getByRole("button", { name: "Create an invitation link" }).click();
  const link = (await organizer.getByTestId("invite-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\/[^/]+$/);

  await judge.goto(server.url + new URL(link).pathname);
  await judge.getByLabel("Password", { exact: true }).fill(JUDGE.password);
  await judge.getByLabel("Repeat the password").fill(JUDGE.password);
  await judge.getByRole("button", { name: "Set password and sign in" }).click();
  await judge.waitForURL(/\/judge$/);
}

async function registerAndSubmit(page: Page) {
  await page.goto(server.url + "/signup");
  await page.getByLabel("Your name").fill(ENTRANT.name);
  await page.getByLabel("E-mail").fill(ENTRANT.email);
  await page.getByLabel("Password").fill(ENTRANT.password);
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.waitForURL(/\/me$/);
  await page.goto(server.url + "/me/entries/new");
  await page.getByLabel("Group", { exact: true }).selectOption("EU");
  await page.getByLabel("Track", { exact: true }).selectOption("QI");
  await page.getByLabel("Title in English").fill(TITLE);
  await page.getByLabel("Summary in English").fill("CMOS-compatible spin qubits fabricated in a 300 mm foundry line.");
  await page.getByLabel("Organization").fill("Delft Quantum Devices B.V.");
  await page.getByLabel("Country or region").selectOption("NL");
  await page.getByLabel("Contact person").fill(ENTRANT.name);
  await page.getByLabel("Contact e-mail").fill(ENTRANT.email);
  await page.getByLabel("Name").first().fill(ENTRANT.name);
  await page.getByLabel("Role").first().fill("CEO");
  await page.locator('input[name="consent"]').check();
  await page.getByRole("button", { name: "Submit entry" }).click();
  await page.waitForURL(/\/me\/entries\/\d+\/submitted$/).catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}; the page says: ${(await page.getByRole("alert").allTextContents()).join(" | ")}`,
    );
  });
  await expect
    .poll(() => page.getByRole("heading", { name: "Your entry has been submitted" }).count(), { timeout: 15_000 })
    .toBe(1);
  return Number(/\/me\/entries\/(\d+)/.exec(page.url())![1]);
}

describe("a new installation's first edition, from the command line to published results", () => {
  it("is set up, judged and published through the pages, and the entry moves on to the next round", async () => {
    // 1. The operator makes the first organizer.
    const made = organizerCreate();
    expect(made.status, made.stderr).toBe(0);

    // 2. The organizer sets up the edition and its two rounds.
    const org = await actor();
    await signIn(org.page, ORGANIZER);
    await createEdition(org.page);
    await addRound(org.page, {
      zh: "初赛",
      en: "Preliminary round",
      slug: "prelim",
      stage: false,
      fields: {
        scope: "group",
        judgesPerEntry: "1",
        advanceCount: "1",
        dropHighest: "0",
        dropLowest: "0",
        normalization: "none",
      },
    });
    await addRound(org.page, {
      zh: "决赛",
      en: "Final",
      slug: "final",
      stage: true,
      fields: { advanceCount: "0", dropHighest: "0", dropLowest: "0" },
    });
    const rounds = server.query<{ id: number; slug: string; position: number; status: string }>(
      "SELECT id, slug, position, status FROM rounds ORDER BY position",
    );
    expect(rounds.map((r) => [r.slug, r.position, r.status])).toEqual([
      ["prelim", 1, "draft"],
      ["final", 2, "draft"],
    ]);

    // 3. A judge is added and accepts the invitation in their own browser.
    const judge = await actor({ width: 390, height: 844 });
    await inviteJudge(org.page, judge.page);
    expect(server.count("SELECT count(*) AS n FROM judges WHERE accepted_at IS NOT NULL")).toBe(1);

    // 4. An entrant signs up, registers and submits.
    const entrant = await actor();
    const entryId = await registerAndSubmit(entrant.page);
    expect(server.query("SELECT status FROM entries WHERE id = ?", entryId)).toEqual([{ status: "submitted" }]);

    // 5. Round 1 opens (taking in the submitted entry), is assigned, scored, closed and published.
    await org.page.goto(server.url + "/admin/rounds/prelim");
    await org.page.getByRole("button", { name: "Open scoring" }).click();
    await expect
      .poll(() => server.query<{ status: string }>("SELECT status FROM rounds WHERE slug = 'prelim'")[0]!.status)
      .toBe("open");
    expect(server.count("SELECT count(*) AS n FROM round_entries WHERE round_id = ?", rounds[0]!.id)).toBe(1);

    await org.page.goto(server.url + "/admin/rounds/prelim/assignments");
    await org.page.getByRole("button", { name: "Run the assignment" }).click();
    await expect
      .poll(() => org.page.getByText(/^Done in \d+ ms: judge–entry pairs added 1,/).count(), { timeout: 20_000 })
      .toBe(1);
    expect(server.count("SELECT count(*) AS n FROM assignments WHERE round_id = ?", rounds[0]!.id)).toBe(1);

    await judge.page.goto(`${server.url}/judge/prelim/${entryId}`);
    await judge.page.getByLabel(/^Innovation/).fill("8.5");
    await judge.page.getByLabel(/^Technical feasibility/).fill("8");
    await judge.page.getByLabel(/^Market potential/).fill("7");
    await judge.page.getByLabel(/^Team \(/).fill("9");
    await judge.page.getByLabel("Comment").fill("Convincing wafer-scale results.");
    await screenshot(judge.page, "journey-judge-sheet");
    await judge.page.getByRole("button", { name: "Submit score" }).click();
    await judge.page.waitForURL(/submitted=1$/);
    expect(server.count("SELECT count(*) AS n FROM scores WHERE status = 'submitted'")).toBe(1);

    await org.page.goto(server.url + "/admin/rounds/prelim");
    const close = org.page.getByTestId("close-preview");
    await close.getByText("Every assigned score is submitted: closing only stops further changes.").waitFor();
    await close.getByRole("button", { name: "Close scoring" }).click();
    await org.page.getByTestId("reopen-guard").waitFor();

    await org.page.goto(server.url + "/admin/rounds/prelim/results");
    const publish = org.page.getByTestId("publish-preview");
    await publish.waitFor();
    // With one judge per entry, the suggested rule to compare with drops no marks, so nothing is refused unasked.
    expect(await org.page.getByText(/leaves none to count/).count()).toBe(0);
    const confirmNext = publish.getByLabel("I have read what happens to the next round.");
    if ((await confirmNext.count()) > 0) await confirmNext.check();
    await publish.getByLabel("I have checked the ranking and the advancement.").check();
    await screenshot(org.page, "journey-publish-preview");
    await publish.getByRole("button", { name: "Publish the results" }).click();
    await org.page.getByText("Results published.").waitFor();
    expect(server.query("SELECT status FROM rounds ORDER BY position")).toEqual([
      { status: "published" },
      { status: "draft" },
    ]);
    // The entry now stands in the final.
    expect(server.query("SELECT entry_id FROM round_entries WHERE round_id = ?", rounds[1]!.id)).toEqual([
      { entry_id: entryId },
    ]);

    // The edition's round list says so too: the final holds one entry.
    await org.page.goto(server.url + "/admin/competitions/frontier2027/rounds");
    const final = org.page.locator("li", { has: org.page.getByRole("link", { name: "2. Final" }) });
    const finalEntries = final.locator("dl > div", { has: org.page.locator("dt", { hasText: /^Entries$/ }) });
    await expect.poll(() => finalEntries.locator("dd").textContent()).toBe("1");

    // The entrant sees the outcome of the first round.
    await entrant.page.goto(server.url + "/me");
    const outcome = entrant.page.locator("li li", { hasText: "Preliminary round" });
    await expect.poll(() => outcome.textContent()).toContain("Advanced");
    await expect.poll(() => outcome.textContent()).toContain("Rank 1");
    await screenshot(entrant.page, "journey-entrant-outcome");

    for (const a of [org, judge, entrant]) {
      expect(a.errors).toEqual([]);
      await a.context.close();
    }
  }, 240_000);
});
