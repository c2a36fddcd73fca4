// A new installation run as a real organizer would run it: the first organizer from the command,
// an edition with 2 groups, 3 tracks and 2 rounds created through the pages, an entrant registers, a
// judge is invited, assigned and scores, the round is published and the next one filled — every
// step a request to the production server on what began as an empty database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freshServerForThisFile } from "../support/fresh-server";

const root = path.resolve(import.meta.dirname, "../..");
const app = freshServerForThisFile();
const ORGANIZER = { email: "chair@edition.example.org", password: "chair-password-2027" };
const EDITION = "zgc2027";

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return body;
};
const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";
/** The organizer's session plus the edition they chose (the cookie the edition pages set). */
let organizer = "";
const post = async (pathname: string, fields: Record<string, string | string[]>, cookie = organizer) =>
  app.post(pathname, form(fields), { cookie });

describe("an organizer runs a new edition from an empty database", () => {
  it("makes the first organizer with the command, and signs in", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "db/cli/organizer-create.ts", "--email", ORGANIZER.email, "--name", "Chair"],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          NODE_ENV: "production",
          DATABASE_PATH: app.dbFile,
          FRONTIER_PASSWORD: ORGANIZER.password,
        } as NodeJS.ProcessEnv,
        input: "",
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(app.count("SELECT count(*) n FROM user_roles WHERE role = 'organizer'")).toBe(1);
  });

  it("creates the edition, its 2 groups and 3 tracks through the pages", async () => {
    organizer = await app.signIn(ORGANIZER.email, ORGANIZER.password);
    const created = await post("/admin/competitions/new", {
      nameZh: "2027 中关村国际前沿科技创新大赛",
      nameEn: "2027 Zhongguancun International Frontier Technology Competition",
      slug: EDITION,
      year: "2027",
      timeZone: "Asia/Shanghai",
      opensAt: "2026-11-01T09:00",
      closesAt: "2027-06-30T18:00",
    });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toMatch(`/admin/competitions/${EDITION}`);
    // The organizer now works on the new edition: keep the edition cookie with the session.
    organizer = `${organizer}; ${cookieOf(created)}`;

    const setup = `/admin/competitions/${EDITION}`;
    for (const group of [
      { code: "BJ", nameZh: "北京赛区", nameEn: "Beijing", preset: "CN" },
      { code: "EU", nameZh: "欧洲赛区", nameEn: "Europe", preset: "EU" },
    ])
      expect((await post(setup, { form: "group", ...group })).status).toBe(302);
    for (const track of [
      { code: "QI", nameZh: "量子信息", nameEn: "Quantum information" },
      { code: "PC", nameZh: "光子计算", nameEn: "Photonic computing" },
      { code: "EAI", nameZh: "具身智能", nameEn: "Embodied AI" },
    ])
      expect((await post(setup, { form: "track", ...track })).status).toBe(302);
    // A second group with a taken code is refused at its field, and nothing is added.
    const taken = await post(setup, { form: "group", code: "EU", nameZh: "重复", nameEn: "Again", preset: "AS" });
    expect(taken.status).toBeGreaterThanOrEqual(400);
    expect(await taken.text()).toContain('id="group-code-error"');
    const competition = app.query<{ id: number }>("SELECT id FROM competitions WHERE slug = ?", EDITION)[0]!;
    expect(app.count("SELECT count(*) n FROM groups WHERE competition_id = ?", competition.id)).toBe(2);
    expect(app.count("SELECT count(*) n FROM tracks WHERE competition_id = ?", competition.id)).toBe(3);
    // The public home names the edition (its registration has opened).
    const home = await app.get("/");
    expect(home.headers.get("location")).toBe(`/c/${EDITION}`);
    expect(await (await app.get(`/c/${EDITION}`)).text()).toContain(
      "2027 Zhongguancun International Frontier Technology Competition",
    );
  });

  it("adds a preliminary and a final round in order, the first advancing one entry per group", async () => {
    const rounds = `/admin/competitions/${EDITION}/rounds/new`;
    const rule = { dropHighest: "0", dropLowest: "0", combine: "mean", decimals: "2", rounding: "half-up" };
    const first = await post(rounds, {
      nameZh: "初赛",
      nameEn: "Preliminary",
      slug: "preliminary",
      kind: "online",
      scope: "group",
      judgesPerEntry: "1",
      advanceCount: "1",
      normalization: "none",
      rubric: "default",
      ...rule,
    });
    expect(first.status).toBe(302);
    const second = await post(rounds, {
      nameZh: "决赛",
      nameEn: "Final",
      slug: "final",
      kind: "stage",
      scope: "all",
      judgesPerEntry: "1",
      advanceCount: "0",
      normalization: "none",
      rubric: "copy",
      copyFrom: "preliminary",
      ...rule,
    });
    expect(second.status).toBe(302);
    expect(
      app.query<{ slug: string; position: number; status: string }>(
        "SELECT r.slug, r.position, r.status FROM rounds r JOIN competitions c ON c.id = r.competition_id WHERE c.slug = ? ORDER BY r.position",
        EDITION,
      ),
    ).toEqual([
      { slug: "preliminary", position: 1, status: "draft" },
      { slug: "final", position: 2, status: "draft" },
    ]);
  });

  let entryId = 0;
  let entrant = "";
  it("lets an entrant sign up and submit an entry in the new edition", async () => {
    const signUp = await post(
      "/signup",
      { displayName: "Lena Hoffmann", email: "lena@mqi.example.de", password: "a-long-password-1" },
      "",
    );
    expect(signUp.status).toBe(302);
    entrant = cookieOf(signUp);
    const res = await post(
      "/me/entries/new",
      {
        group: "EU",
        track: "QI",
        titleZh: "低温量子比特控制芯片",
        titleEn: "Cryogenic qubit control chip",
        summaryEn: "A cryo-CMOS controller that drives 1,000 superconducting qubits from inside the fridge.",
        organization: "Munich Quantum Instruments GmbH",
        country: "DE",
        city: "Munich",
        contactName: "Lena Hoffmann",
        contactEmail: "lena@mqi.example.de",
        "team[0].name": "Lena Hoffmann",
        "team[0].role": "CEO",
        consent: "on",
        intent: "submit",
      },
      entrant,
    );
    expect(res.status).toBe(302);
    const entry = app.query<{ id: number; code: string; status: string; edition: string }>(
      `SELECT e.id, e.code, e.status, c.slug AS edition FROM entries e JOIN competitions c ON c.id = e.competition_id`,
    );
    expect(entry).toEqual([{ id: expect.any(Number), code: "EU-QI-0001", status: "submitted", edition: EDITION }]);
    entryId = entry[0]!.id;
  });

  let judge = "";
  it("invites a judge, who sets a password through the link", async () => {
    const created = await post("/admin/judges", {
      form: "create",
      email: "prof.weber@tu.example.de",
      name: "Anna Weber",
      affiliation: "Technical University of Nowhere",
      country: "DE",
      tracks: ["QI"],
    });
    expect(created.status).toBe(302);
    const judgePage = created.headers.get("location")!.split("?")[0]!;
    const invite = await (await post(judgePage, { form: "invite" })).text();
    const token = /\/invite\/([\w.-]+)/.exec(invite)?.[1];
    expect(token).toBeTruthy();
    const accepted = await post(
      `/invite/${token}`,
      { password: "judge-password-2027", confirm: "judge-password-2027" },
      "",
    );
    expect(accepted.status).toBe(302);
    judge = cookieOf(accepted);
    expect(app.count("SELECT count(*) n FROM judges WHERE accepted_at IS NOT NULL")).toBe(1);
  });

  it("opens the preliminary (entering the submitted entry), assigns it, and the judge scores it", async () => {
    expect((await post("/admin/rounds/preliminary?index", { form: "status", to: "open" })).status).toBe(302);
    expect(app.count("SELECT count(*) n FROM round_entries WHERE entry_id = ?", entryId)).toBe(1);
    const run = await post("/admin/rounds/preliminary/assignments", { form: "run", seed: "2027", mode: "fill" });
    expect(run.status).toBeLessThan(400);
    expect(app.count("SELECT count(*) n FROM assignments WHERE entry_id = ?", entryId)).toBe(1);

    const criteria = app.query<{ id: number; max: number }>(
      `SELECT c.id, c.max_milli AS max FROM criteria c JOIN rounds r ON r.id = c.round_id
       JOIN competitions k ON k.id = r.competition_id WHERE k.slug = ? AND r.slug = 'preliminary' ORDER BY c.position`,
      EDITION,
    );
    expect(criteria.length).toBeGreaterThan(0);
    const sheet: Record<string, string> = { intent: "submit", comment: "Strong device physics." };
    for (const c of criteria) sheet[`m${c.id}`] = String(c.max / 1000 - 1);
    const scored = await post(`/judge/preliminary/${entryId}`, sheet, judge);
    expect(scored.status).toBe(302);
    expect(app.count("SELECT count(*) n FROM scores WHERE entry_id = ? AND status = 'submitted'", entryId)).toBe(1);
  });

  it("closes and publishes the preliminary, and the final holds the entry that advanced", async () => {
    expect((await post("/admin/rounds/preliminary?index", { form: "status", to: "closed" })).status).toBe(302);
    const page = await (await app.get("/admin/rounds/preliminary/results", { cookie: organizer })).text();
    const fingerprint = /name="fingerprint" value="([^"]+)"/.exec(page)?.[1] ?? "";
    expect(fingerprint).not.toBe("");
    const published = await post("/admin/rounds/preliminary/results", { form: "publish", confirm: "on", fingerprint });
    expect(published.status).toBe(302);
    expect(
      app.query<{ round: string; state: string }>(
        `SELECT r.slug AS round, re.state FROM round_entries re JOIN rounds r ON r.id = re.round_id
         WHERE re.entry_id = ? ORDER BY r.position`,
        entryId,
      ),
    ).toEqual([
      { round: "preliminary", state: "advanced" },
      { round: "final", state: "in" },
    ]);
    // The entrant sees the outcome; the public results of the edition show the entry.
    const me = await (await app.get("/me", { cookie: entrant })).text();
    expect(me).toContain("EU-QI-0001");
    const results = await (await app.get(`/c/${EDITION}/results/preliminary?group=EU`)).text();
    expect(results).toContain("Cryogenic qubit control chip");
  });
});
