// Editions side by side: an organizer creates one through the pages (from nothing, or copied from the
// demo with or without its judges), adds its groups and tracks, and is refused at the field for bad
// input with nothing written; the old edition's published results stay as they were, and the public
// home shows the newest edition whose registration has opened.
import { beforeAll, describe, expect, it } from "vitest";
import { competitionFormSchema, type CompetitionFormInput } from "../../app/domain/edition-schemas";
import { demoServerForThisFile } from "../support/demo-server";
import { servicesForThisFile } from "../support/services";

const local = servicesForThisFile("demo");
const demo = demoServerForThisFile();

const form = (over: Record<string, string> = {}): Record<string, string> => ({
  nameZh: "2027 前沿大赛",
  nameEn: "Frontier 2027",
  slug: "frontier2027",
  year: "2027",
  timeZone: "Asia/Shanghai",
  opensAt: "2027-03-01T00:00",
  closesAt: "2027-06-30T23:59",
  ...over,
});
const input = (over: Record<string, string> = {}): CompetitionFormInput => competitionFormSchema.parse(form(over));

/** Rows of the tables an edition's structure and its history live in, to show nothing else was written. */
const TABLES = ["competitions", "groups", "tracks", "rounds", "criteria", "judges", "judge_expertise", "audit_log"];
function countsOf(count: (sql: string) => number) {
  return Object.fromEntries(TABLES.map((t) => [t, count(`SELECT count(*) AS n FROM ${t}`)]));
}
const localCounts = () => countsOf((sql) => local.one<{ n: number }>(sql).n);
const serverCounts = () => countsOf((sql) => demo.count(sql));

describe("copying an earlier edition (services)", () => {
  it("copies groups, tracks, rounds as drafts with their rubrics, and no entry, score or judge", async () => {
    const outcome = await local.services.editions.create(local.organizer, input({ copyFrom: "zgc2026" }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const id = outcome.competition.id;
    const demoId = local.one<{ id: number }>("SELECT id FROM competitions WHERE slug = 'zgc2026'").id;
    const n = (sql: string, cid = id) => local.one<{ n: number }>(sql, cid).n;
    expect(outcome.copied).toMatchObject({
      groups: n("SELECT count(*) AS n FROM groups WHERE competition_id = ?", demoId),
      tracks: n("SELECT count(*) AS n FROM tracks WHERE competition_id = ?", demoId),
      rounds: 3,
      judges: 0,
    });
    expect(
      local.all(
        "SELECT code, name_en, region, eligible_countries, sort_order FROM groups WHERE competition_id = ? ORDER BY sort_order",
        id,
      ),
    ).toEqual(
      local.all(
        "SELECT code, name_en, region, eligible_countries, sort_order FROM groups WHERE competition_id = ? ORDER BY sort_order",
        demoId,
      ),
    );
    const rounds = local.all<{ slug: string; status: string; opens_at: string | null; id: number; tie_breaks: string }>(
      "SELECT id, slug, status, opens_at, tie_breaks FROM rounds WHERE competition_id = ? ORDER BY position",
      id,
    );
    expect(rounds.map((r) => [r.slug, r.status, r.opens_at])).toEqual([
      ["regional", "draft", null],
      ["domain", "draft", null],
      ["final", "draft", null],
    ]);
    const rubric = (cid: number) =>
      local.all(
        `SELECT r.slug, c.position, c.name_en, c.weight_bp, c.max_milli, c.step_milli FROM criteria c
         JOIN rounds r ON r.id = c.round_id WHERE r.competition_id = ? ORDER BY r.position, c.position`,
        cid,
      );
    expect(rubric(id)).toEqual(rubric(demoId));
    // A tie-break naming a criterion names the copy's criterion, never the old edition's.
    for (const round of rounds)
      for (const key of JSON.parse(round.tie_breaks) as { kind: string; criterionId?: string }[])
        if (key.kind === "criterion")
          expect(
            local.one<{ round_id: number }>("SELECT round_id FROM criteria WHERE id = ?", key.criterionId).round_id,
          ).toBe(round.id);
    for (const sql of [
      "SELECT count(*) AS n FROM entries WHERE competition_id = ?",
      "SELECT count(*) AS n FROM judges WHERE competition_id = ?",
      "SELECT count(*) AS n FROM round_entries WHERE round_id IN (SELECT id FROM rounds WHERE competition_id = ?)",
      "SELECT count(*) AS n FROM assignments WHERE round_id IN (SELECT id FROM rounds WHERE competition_id = ?)",
      "SELECT count(*) AS n FROM scores WHERE round_id IN (SELECT id FROM rounds WHERE competition_id = ?)",
      "SELECT count(*) AS n FROM results WHERE round_id IN (SELECT id FROM rounds WHERE competition_id = ?)",
    ])
      expect(n(sql), sql).toBe(0);
    const audit = local.all<{ action: string }>(
      "SELECT action FROM audit_log WHERE subject_type = 'competition' AND subject_id = ? ORDER BY id",
      id,
    );
    expect(audit.map((a) => a.action)).toEqual(["competition.created", "competition.copied"]);
  });

  it("copies the judge pool when asked: the same people, acceptance kept, expertise on the new tracks, no conflict about an entry", async () => {
    const outcome = await local.services.editions.create(
      local.organizer,
      input({ slug: "withjudges", copyFrom: "zgc2026", copyJudges: "on", year: "2028" }),
    );
    if (!outcome.ok) throw new Error(outcome.code);
    const id = outcome.competition.id;
    const pool = (cid: number) =>
      local.all(
        "SELECT user_id, name, affiliation, country, accepted_at FROM judges WHERE competition_id = ? ORDER BY user_id",
        cid,
      );
    const demoId = local.one<{ id: number }>("SELECT id FROM competitions WHERE slug = 'zgc2026'").id;
    expect(pool(id)).toEqual(pool(demoId));
    expect(outcome.copied?.judges).toBe(pool(demoId).length);
    const expertise = (cid: number) =>
      local.all(
        `SELECT j.user_id, t.code FROM judge_expertise x JOIN judges j ON j.id = x.judge_id JOIN tracks t ON t.id = x.track_id
         WHERE j.competition_id = ? ORDER BY j.user_id, t.code`,
        cid,
      );
    expect(expertise(id)).toEqual(expertise(demoId));
    expect(
      local.one<{ n: number }>(
        "SELECT count(*) AS n FROM judge_expertise x JOIN judges j ON j.id = x.judge_id JOIN tracks t ON t.id = x.track_id WHERE j.competition_id = ? AND t.competition_id != ?",
        id,
        id,
      ).n,
    ).toBe(0);
    expect(
      local.one<{ n: number }>(
        "SELECT count(*) AS n FROM judge_conflicts c JOIN judges j ON j.id = c.judge_id WHERE j.competition_id = ? AND c.entry_id IS NOT NULL",
        id,
      ).n,
    ).toBe(0);
    // A judge of both editions stays on the one under way until the new one opens, then works on it.
    const user = local.one<{ user_id: number }>("SELECT user_id FROM judges WHERE competition_id = ? LIMIT 1", id);
    const judged = (at: string) => local.services.competitions.newestJudgedBy(user.user_id, new Date(at));
    expect((await judged("2026-11-24T08:00:00Z"))?.slug).toBe("zgc2026");
    expect((await judged("2027-03-01T00:00:00Z"))?.slug).toBe("withjudges");
  });

  it("refuses a copy from an edition that does not exist at its field, and a taken slug at its own, writing nothing", async () => {
    const before = localCounts();
    const missing = await local.services.editions.create(local.organizer, input({ slug: "ghost", copyFrom: "nosuch" }));
    expect(missing).toMatchObject({
      ok: false,
      kind: "invalid",
      code: "editions.errors.copyFromMissing",
      field: "copyFrom",
    });
    const taken = await local.services.editions.create(local.organizer, input({ slug: "zgc2026" }));
    expect(taken).toMatchObject({ ok: false, code: "editions.errors.slugTaken", field: "slug" });
    expect(localCounts()).toEqual(before);
  });

  it("refuses anyone but an organizer", async () => {
    const judge = local.judgeUser(local.one<{ id: number }>("SELECT id FROM judges LIMIT 1").id);
    const outcome = await local.services.editions.create(judge, input({ slug: "byjudge" }));
    expect(outcome).toMatchObject({ ok: false, kind: "forbidden" });
    expect(local.one<{ n: number }>("SELECT count(*) AS n FROM competitions WHERE slug = 'byjudge'").n).toBe(0);
  });

  it("features the newest edition whose registration has opened, not one still being prepared", async () => {
    const at = new Date("2026-11-24T08:00:00Z");
    // frontier2027 and withjudges open in 2027: the demo stays on the home page.
    expect((await local.services.competitions.featured(at))?.slug).toBe("zgc2026");
    expect((await local.services.competitions.latest())?.slug).toBe("withjudges");
    expect((await local.services.competitions.featured(new Date("2027-03-02T00:00:00Z")))?.slug).toBe("withjudges");
    expect((await local.services.competitions.openForRegistration(at))?.slug).toBe("zgc2026");
  });
});

// ---- Through the pages, on the built server ----

let organizer = "";
/** The first cookie a response sets ("name=value"). */
const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";
/** The text of the message at a field (`id` is the field's id), or null when it has none. */
function errorAt(html: string, id: string): string | null {
  const match = new RegExp(`id="${id}-error"[^>]*>([^<]*)<`).exec(html);
  return match ? match[1]! : null;
}
const post = (path: string, fields: Record<string, string | string[]>, cookie = organizer) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return demo.post(path, body, { cookie });
};
const publishedResults = () =>
  demo.query(
    `SELECT r.entry_id, r.unit, r.rank, r.result, r.kept, r.dropped FROM results r JOIN rounds ro ON ro.id = r.round_id
     JOIN competitions c ON c.id = ro.competition_id WHERE c.slug = 'zgc2026' AND ro.status = 'published' ORDER BY r.round_id, r.entry_id`,
  );

describe("a new edition through the pages", () => {
  let resultsBefore: unknown[] = [];
  let apiBefore = "";
  let edition = "";

  beforeAll(async () => {
    organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    resultsBefore = publishedResults();
    apiBefore = await (await demo.get("/api/v1/results/zgc2026/regional")).text();
  });

  it("creates the edition, works on it, and lands on its set-up page", async () => {
    const res = await post("/admin/competitions/new", form({ slug: "fresh2027", nameEn: "Fresh 2027" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/competitions/fresh2027?created=1");
    edition = cookieOf(res);
    expect(edition).toMatch(/^edition=./);
    const row = demo.query<Record<string, unknown>>("SELECT * FROM competitions WHERE slug = 'fresh2027'")[0]!;
    expect(row).toMatchObject({
      edition: 2027,
      time_zone: "Asia/Shanghai",
      registration_opens_at: "2027-02-28T16:00:00.000Z",
      registration_closes_at: "2027-06-30T15:59:00.000Z",
    });
    const page = await demo.get("/admin/competitions/fresh2027?created=1", { cookie: `${organizer}; ${edition}` });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Edition: Fresh 2027 (2027)");
    expect(html).toContain('href="/admin/competitions/fresh2027/rounds/new"');
  });

  it("adds two groups and three tracks from the set-up page's forms", async () => {
    const path = "/admin/competitions/fresh2027";
    const answers = [
      await post(path, { form: "group", code: "cn", nameZh: "中国大陆", nameEn: "Mainland China", preset: "CN" }),
      await post(path, {
        form: "group",
        code: "INT",
        nameZh: "国际",
        nameEn: "International",
        preset: "NA",
        countries: ["GB, DE", "JP"],
      }),
      await post(path, { form: "track", code: "QI", nameZh: "量子信息", nameEn: "Quantum information" }),
      await post(path, { form: "track", code: "6g", nameZh: "6G", nameEn: "6G" }),
      await post(path, { form: "track", code: "AI", nameZh: "人工智能", nameEn: "Artificial intelligence" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([302, 302, 302, 302, 302]);
    const id = demo.query<{ id: number }>("SELECT id FROM competitions WHERE slug = 'fresh2027'")[0]!.id;
    expect(
      demo.query(
        "SELECT code, region, eligible_countries, sort_order FROM groups WHERE competition_id = ? ORDER BY sort_order",
        id,
      ),
    ).toEqual([
      { code: "CN", region: "domestic", eligible_countries: '["CN"]', sort_order: 1 },
      { code: "INT", region: "overseas", eligible_countries: '["CA","DE","GB","JP","MX","US"]', sort_order: 2 },
    ]);
    expect(demo.query("SELECT code, sort_order FROM tracks WHERE competition_id = ? ORDER BY sort_order", id)).toEqual([
      { code: "QI", sort_order: 1 },
      { code: "6G", sort_order: 2 },
      { code: "AI", sort_order: 3 },
    ]);
    expect(demo.count("SELECT count(*) AS n FROM audit_log WHERE action IN ('group.created', 'track.created')")).toBe(
      5,
    );
    const listing = await (await demo.get("/admin/competitions", { cookie: `${organizer}; ${edition}` })).text();
    expect(listing).toContain('data-edition="fresh2027"');
    expect(listing).toContain("You are working on this one");
    expect(listing).toContain("Shown on the public home");
  });

  it("refuses bad input at the field that caused it, writing nothing", async () => {
    const before = serverCounts();
    const path = "/admin/competitions/fresh2027";
    const cases: [Promise<Response>, string, string][] = [
      [
        post("/admin/competitions/new", form({ slug: "zgc2026" })),
        "edition-slug",
        "Another edition already uses this short name.",
      ],
      [
        post("/admin/competitions/new", form({ slug: "x2", timeZone: "Mars/Base" })),
        "edition-timeZone",
        "Please choose a time zone from the list (e.g. Asia/Shanghai).",
      ],
      [
        post("/admin/competitions/new", form({ slug: "x3", copyFrom: "nosuch" })),
        "edition-copyFrom",
        "There is no such edition to copy from.",
      ],
      [
        post("/admin/competitions/new", form({ slug: "x4", closesAt: "2027-01-01T00:00" })),
        "edition-closesAt",
        "Registration must close after it opens.",
      ],
      [
        post(path, { form: "group", code: "CN", nameZh: "重复", nameEn: "Again", preset: "CN" }),
        "group-code",
        "This edition already has CN.",
      ],
      [
        post(path, { form: "group", code: "NOB", nameZh: "无", nameEn: "Nobody", preset: "custom", countries: "" }),
        "group-countries",
        "Nobody could enter this group: choose a preset or give at least one country or region.",
      ],
      [
        post(path, { form: "group", code: "BAD", nameZh: "错", nameEn: "Bad", countries: "US XX" }),
        "group-countries",
        "XX is not a country or region code.",
      ],
      [
        post(path, { form: "track", code: "QI", nameZh: "重复", nameEn: "Again" }),
        "track-code",
        "This edition already has QI.",
      ],
    ];
    for (const [answer, field, message] of cases) {
      const res = await answer;
      expect(res.status, field).toBe(400);
      expect(errorAt(await res.text(), field), field).toBe(message);
    }
    expect(serverCounts()).toEqual(before);
  });

  it("copies from the demo through the form, with and without its judges, and never its entries or scores", async () => {
    const entriesBefore = demo.count("SELECT count(*) AS n FROM entries");
    const scoresBefore = demo.count("SELECT count(*) AS n FROM scores");
    const plain = await post("/admin/competitions/new", form({ slug: "copy2027", copyFrom: "zgc2026" }));
    expect(plain.status).toBe(302);
    expect(plain.headers.get("location")).toMatch(
      /^\/admin\/competitions\/copy2027\?copied=zgc2026&groups=8&tracks=\d+&rounds=3&judges=0$/,
    );
    const judged = await post(
      "/admin/competitions/new",
      form({ slug: "pool2027", copyFrom: "zgc2026", copyJudges: "on" }),
    );
    const judges = demo.count(
      "SELECT count(*) AS n FROM judges j JOIN competitions c ON c.id = j.competition_id WHERE c.slug = 'zgc2026'",
    );
    expect(judged.headers.get("location")).toContain(`&judges=${judges}`);
    const of = (slug: string, table: string) =>
      demo.count(
        `SELECT count(*) AS n FROM ${table} t JOIN competitions c ON c.id = t.competition_id WHERE c.slug = ?`,
        slug,
      );
    expect([of("copy2027", "judges"), of("pool2027", "judges")]).toEqual([0, judges]);
    expect([of("copy2027", "entries"), of("pool2027", "entries")]).toEqual([0, 0]);
    expect(demo.count("SELECT count(*) AS n FROM entries")).toBe(entriesBefore);
    expect(demo.count("SELECT count(*) AS n FROM scores")).toBe(scoresBefore);
    const setup = await (
      await demo.get("/admin/competitions/pool2027", { cookie: `${organizer}; ${cookieOf(judged)}` })
    ).text();
    expect(setup).toContain("/admin/rounds/regional");
  });

  it("leaves the demo's published results exactly as they were", async () => {
    expect(publishedResults()).toEqual(resultsBefore);
    const page = await demo.get("/c/zgc2026/results/regional");
    expect(page.status).toBe(200);
    expect(await (await demo.get("/api/v1/results/zgc2026/regional")).text()).toBe(apiBefore);
  });

  it("keeps the demo on the public home while the new editions have not opened, and lists the others there", async () => {
    const home = await demo.get("/");
    expect(home.headers.get("location")).toBe("/c/zgc2026");
    const html = await (await demo.get("/c/zgc2026")).text();
    expect(html).toContain("Edition 2026");
    expect(html).toContain("Other editions");
    expect(html).toContain('href="/c/fresh2027"');
    const fresh = await demo.get("/c/fresh2027");
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain('href="/c/zgc2026"');
  });

  it("moves the public home to a newer edition once its registration has opened", async () => {
    const res = await post(
      "/admin/competitions/new",
      form({ slug: "open2027", opensAt: "2026-11-01T00:00", closesAt: "2027-06-30T00:00" }),
    );
    expect(res.status).toBe(302);
    expect((await demo.get("/")).headers.get("location")).toBe("/c/open2027");
    // Entrants now register in the edition whose registration is open: the newer one.
    const entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    demo.run(
      "INSERT INTO groups (competition_id, code, name_zh, name_en, region, eligible_countries, sort_order) SELECT id, 'OPN', '开放组', 'Open group', 'overseas', '[\"US\"]', 1 FROM competitions WHERE slug = 'open2027'",
    );
    expect(await (await demo.get("/me/entries/new", { cookie: entrant })).text()).toContain("Open group");
  });

  it("switches the organizer's edition with the work-on button, and the bar says so", async () => {
    const res = await post("/admin/competitions", { slug: "zgc2026" }, `${organizer}; ${edition}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/competitions/zgc2026");
    const chosen = cookieOf(res);
    expect(chosen).toMatch(/^edition=./);
    const page = await (await demo.get("/admin/rounds", { cookie: `${organizer}; ${chosen}` })).text();
    expect(page).toContain(
      "Edition: 2026 Zhongguancun International Frontier Technology Innovation Competition (2026)",
    );
    expect((await post("/admin/competitions", { slug: "nosuch" })).status).toBe(404);
  });
});
