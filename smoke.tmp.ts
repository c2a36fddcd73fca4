import { launchBrowser, watchErrors } from "./tests/support/browser";
const base = "http://127.0.0.1:3300";
const browser = await launchBrowser();
async function as(email: string, pw: string, paths: string[], viewport = { width: 1280, height: 900 }) {
  const ctx = await browser.newContext({ viewport, locale: "en-US" });
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(base + "/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(pw);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForLoadState("networkidle");
  for (const p of paths) {
    const r = await page.goto(base + p);
    await page.waitForLoadState("networkidle");
    const name = p.replace(/[^a-z0-9]+/gi, "_");
    await page.screenshot({ path: `/tmp/smoke/${email.split("@")[0]}${name}.png`, fullPage: true });
    console.log(r?.status(), p, errors.splice(0).join(" | "));
  }
  await ctx.close();
}
const rounds = process.argv.slice(2);
await as("organizer@frontier.demo", "frontier-organizer", ["/admin/rounds", "/admin/rounds/domain", "/admin/rounds/domain/assignments", "/admin/rounds/domain/dashboard", "/admin/rounds/regional/results", "/admin/rounds/domain/results", "/admin/judges", "/admin/judges/1"]);
await as("judge@frontier.demo", "frontier-judge", ["/judge", "/judge/domain"], { width: 390, height: 844 });
await browser.close();
