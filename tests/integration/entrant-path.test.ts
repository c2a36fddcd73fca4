// The entrant's path over HTTP on the demo: the page after submitting, the register button, ranks
// as "48 of 563", and the group an entrant of another region is pointed to.
import { describe, expect, it, beforeAll } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const html = async (res: Response) => (await res.text()).replaceAll("&amp;", "&").replaceAll("&#x27;", "'");

async function signUp(name: string, email: string, redirectTo?: string): Promise<{ cookie: string; location: string }> {
  const body = new URLSearchParams({ displayName: name, email, password: "a-long-password-1" });
  if (redirectTo) body.set("redirectTo", redirectTo);
  const res = await demo.post("/signup", body);
  expect(res.status).toBe(302);
  return { cookie: res.headers.get("set-cookie")!.split(";")[0]!, location: res.headers.get("location")! };
}

const entry = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    group: "EU",
    track: "QI",
    titleEn: "Trapped-ion clock on a chip",
    summaryEn: "An optical clock the size of a matchbox.",
    organization: "Garching Photonics GmbH",
    country: "DE",
    contactName: "Jonas Weber",
    contactEmail: "jonas@garching.example.de",
    "team[0].name": "Jonas Weber",
    "team[0].role": "CEO",
    consent: "on",
    intent: "submit",
    ...overrides,
  });

type Named = { name_zh: string; name_en: string };
const competition = () =>
  demo.query<{
    id: number;
    slug: string;
    time_zone: string;
    registration_opens_at: string;
    registration_closes_at: string;
  }>(
    "SELECT id, slug, time_zone, registration_opens_at, registration_closes_at FROM competitions ORDER BY id LIMIT 1",
  )[0]!;
const groupNamed = (code: string) => demo.query<Named>("SELECT name_zh, name_en FROM groups WHERE code = ?", code)[0]!;
const when = (language: string, timeZone: string, iso: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(iso));

let jonas: string;
let mira: string;
let submittedId: number;
beforeAll(async () => {
  jonas = (await signUp("Jonas Weber", "jonas.weber@example.de")).cookie;
  mira = (await signUp("Mira Novak", "mira.novak@example.cz")).cookie;
});

describe("the page after submitting", () => {
  it("is where submitting a new entry leads, and shows its code, title, group and track by name", async () => {
    const res = await demo.post("/me/entries/new", entry(), { cookie: jonas });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/me\/entries\/\d+\/submitted$/);
    submittedId = Number(/entries\/(\d+)/.exec(location)![1]);
    const [row] = demo.query<{ code: string; status: string; group: string; track: string }>(
      `SELECT e.code, e.status, g.name_en AS "group", t.name_en AS track
       FROM entries e JOIN groups g ON g.id = e.group_id JOIN tracks t ON t.id = e.track_id WHERE e.id = ?`,
      submittedId,
    );
    expect(row!.status).toBe("submitted");
    const page = await demo.get(location, { cookie: jonas });
    expect(page.status).toBe(200);
    const text = await html(page);
    expect(text).toContain("Your entry has been submitted");
    expect(text).toContain(row!.code);
    expect(text).toContain("Trapped-ion clock on a chip");
    expect(text).toContain(row!.group);
    expect(text).toContain(row!.track);
    expect(text).toContain(`href="/me/entries/${submittedId}"`);
    expect(text).toContain('href="/me"');
  });

  it("says until when the entry can change, the round ahead with its dates, when results come and where the receipt went", async () => {
    const c = competition();
    const [round] = demo.query<{ name_en: string; opens_at: string; closes_at: string }>(
      "SELECT name_en, opens_at, closes_at FROM rounds WHERE competition_id = ? AND status != 'published' ORDER BY position LIMIT 1",
      c.id,
    );
    const text = await html(await demo.get(`/me/entries/${submittedId}/submitted`, { cookie: jonas }));
    const date = (iso: string) => when("en", c.time_zone, iso);
    expect(text).toContain(`You may still change your entry until ${date(c.registration_closes_at)}`);
    expect(text).toContain(
      `${round!.name_en}: judges score the entries from ${date(round!.opens_at)} to ${date(round!.closes_at)}.`,
    );
    expect(text).toContain(`Results of the ${round!.name_en} are expected after ${date(round!.closes_at)}`);
    expect(text).toContain("We have sent a receipt to jonas.weber@example.de and jonas@garching.example.de.");
    expect(text).toContain(c.time_zone);
  });

  it("reads in Chinese with the dates written the Chinese way, in the competition's time zone", async () => {
    const c = competition();
    const text = await html(await demo.get(`/me/entries/${submittedId}/submitted`, { cookie: jonas, lang: "zh-CN" }));
    expect(text).toContain("你的参赛项目已提交");
    expect(text).toContain(groupNamed("EU").name_zh);
    expect(text).toContain(`报名截止（${when("zh-Hans", c.time_zone, c.registration_closes_at)}）前`);
  });

  it("is also where submitting a saved draft leads", async () => {
    const draft = await demo.post("/me/entries/new", entry({ intent: "save", titleEn: "Draft first" }), {
      cookie: jonas,
    });
    const id = Number(/entries\/(\d+)/.exec(draft.headers.get("location")!)![1]);
    const draftPage = await demo.get(`/me/entries/${id}/submitted`, { cookie: jonas });
    expect(draftPage.status).toBe(302);
    expect(draftPage.headers.get("location")).toBe(`/me/entries/${id}`);
    const submitted = await demo.post(`/me/entries/${id}`, entry({ titleEn: "Draft first" }), { cookie: jonas });
    expect(submitted.headers.get("location")).toBe(`/me/entries/${id}/submitted`);
  });

  it("is not found for another entrant, and asks a visitor to sign in", async () => {
    const other = await demo.get(`/me/entries/${submittedId}/submitted`, { cookie: mira });
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("Trapped-ion clock on a chip");
    const missing = await demo.get(`/me/entries/99999999/submitted`, { cookie: mira });
    expect(missing.status).toBe(404);
    const anonymous = await demo.get(`/me/entries/${submittedId}/submitted`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });
});

describe("the group an entrant of another region is pointed to", () => {
  const errorAt = (text: string) => /id="[^"]*-country-error"[^>]*>([^<]*)</.exec(text)?.[1] ?? null;

  it("names the right group at the country field when Germany is sent in the North America group", async () => {
    const before = demo.count("SELECT count(*) n FROM entries");
    const res = await demo.post("/me/entries/new", entry({ group: "NA" }), { cookie: mira });
    expect(res.status).toBe(400);
    expect(errorAt(await html(res))).toContain(`Germany enters in the ${groupNamed("EU").name_en} group.`);
    const zh = await demo.post("/me/entries/new", entry({ group: "NA" }), { cookie: mira, lang: "zh-CN" });
    expect(errorAt(await html(zh))).toContain(`来自德国的项目应报名${groupNamed("EU").name_zh}。`);
    expect(demo.count("SELECT count(*) n FROM entries")).toBe(before);
  });

  it("names every group China may enter when it is sent in an overseas group", async () => {
    const domestic = demo.query<Named>(
      "SELECT name_zh, name_en FROM groups WHERE region = 'domestic' AND competition_id = ? ORDER BY sort_order",
      competition().id,
    );
    const res = await demo.post("/me/entries/new", entry({ country: "CN" }), { cookie: mira });
    const list = new Intl.ListFormat("en", { type: "disjunction" }).format(domestic.map((g) => g.name_en));
    expect(errorAt(await html(res))).toContain(`China enters in one of these groups: ${list}.`);
  });

  it("says so when no group takes the country", async () => {
    const res = await demo.post("/me/entries/new", entry({ country: "UY" }), { cookie: mira });
    expect(res.status).toBe(400);
    expect(errorAt(await html(res))).toContain("No group of this competition takes entries from Uruguay.");
  });
});

describe("ranks as 'rank of N in the unit'", () => {
  let entrant: string;
  beforeAll(async () => {
    entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
  });

  const ownRank = () =>
    demo.query<{ code: string; rank: number; round_id: number; unit: string; group: string; group_zh: string }>(
      `SELECT e.code, r.rank, r.round_id, r.unit, g.name_en AS "group", g.name_zh AS group_zh
       FROM results r JOIN entries e ON e.id = r.entry_id JOIN rounds ro ON ro.id = r.round_id
       JOIN groups g ON 'group:' || g.id = r.unit JOIN users u ON u.id = e.entrant_user_id
       WHERE u.email = 'entrant@frontier.demo' AND ro.status = 'published' AND r.rank IS NOT NULL`,
    )[0]!;
  const rankedInUnit = (roundId: number, unit: string) =>
    demo.count("SELECT count(*) n FROM results WHERE round_id = ? AND unit = ? AND rank IS NOT NULL", roundId, unit);

  it("shows the entrant their rank out of the ranked entries of their group, on the dashboard", async () => {
    const own = ownRank();
    const total = rankedInUnit(own.round_id, own.unit);
    expect(total).toBeGreaterThan(own.rank);
    const nf = new Intl.NumberFormat("en");
    const text = await html(await demo.get("/me", { cookie: entrant }));
    expect(text).toContain(`Rank ${nf.format(own.rank)} of ${nf.format(total)} in ${own.group}`);
    const zh = await html(await demo.get("/me", { cookie: entrant, lang: "zh-CN" }));
    expect(zh).toContain(
      `${own.group_zh}第 ${own.rank} 名（共 ${new Intl.NumberFormat("zh-Hans").format(total)} 个项目）`,
    );
  });

  it("shows the same figures on the entry's own page and its public page", async () => {
    const own = ownRank();
    const total = new Intl.NumberFormat("en").format(rankedInUnit(own.round_id, own.unit));
    const [{ id }] = demo.query<{ id: number }>("SELECT id FROM entries WHERE code = ?", own.code) as [{ id: number }];
    const mine = await html(await demo.get(`/me/entries/${id}`, { cookie: entrant }));
    expect(mine).toContain(`Rank ${own.rank} of ${total} in ${own.group}`);
    const pub = await html(await demo.get(`/entries/${own.code}`));
    expect(pub).toContain(`Rank ${own.rank} of ${total} in ${own.group}`);
  });
});

describe("the register button", () => {
  const home = () => `/c/${competition().slug}`;
  const headerButton = (text: string) => {
    const tag = /<a[^>]*data-register="true"[^>]*>/.exec(text)?.[0];
    return tag ? (/href="([^"]*)"/.exec(tag)?.[1] ?? null) : null;
  };

  it("sends a visitor to sign up, and after signing up to the new-entry form", async () => {
    const text = await html(await demo.get(home()));
    expect(headerButton(text)).toBe("/signup?redirectTo=%2Fme%2Fentries%2Fnew");
    expect(text).toContain('data-register-call="open"');
    expect(text).toContain("Register an entry");
    const signedUp = await signUp("Ines Duarte", "ines.duarte@example.pt", "/me/entries/new");
    expect(signedUp.location).toBe("/me/entries/new");
  });

  it("sends a signed-in entrant straight to the new-entry form", async () => {
    const text = await html(await demo.get(home(), { cookie: mira }));
    expect(headerButton(text)).toBe("/me/entries/new");
    expect(text).toContain('data-register-call="open"');
  });

  it("is not shown to judges and organizers", async () => {
    for (const [email, password] of [
      ["judge@frontier.demo", "frontier-judge"],
      ["organizer@frontier.demo", "frontier-organizer"],
    ] as const) {
      const text = await html(await demo.get(home(), { cookie: await demo.signIn(email, password) }));
      expect(headerButton(text)).toBeNull();
      expect(text).not.toContain("data-register-call");
    }
  });

  it("gives way to the date registration closed on once it has closed", async () => {
    const c = competition();
    const closedAt = "2026-01-31T15:59:59.000Z";
    demo.run(
      "UPDATE competitions SET registration_opens_at = ?, registration_closes_at = ? WHERE id = ?",
      "2026-01-01T00:00:00.000Z",
      closedAt,
      c.id,
    );
    try {
      const text = await html(await demo.get(home()));
      expect(headerButton(text)).toBeNull();
      expect(text).toContain('data-register-call="closed"');
      expect(text).toContain(`Registration closed on ${when("en", c.time_zone, closedAt)}.`);
    } finally {
      demo.run(
        "UPDATE competitions SET registration_opens_at = ?, registration_closes_at = ? WHERE id = ?",
        c.registration_opens_at,
        c.registration_closes_at,
        c.id,
      );
    }
  });
});
