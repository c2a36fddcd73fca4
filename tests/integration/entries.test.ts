import { describe, expect, it, beforeAll } from "vitest";
import { createServices } from "../../app/services/index.server";
import { action as editEntryAction } from "../../app/routes/me.entries.$id";
import { createTestDatabase } from "../support/db";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const post = (path: string, body: URLSearchParams | string, cookie: string, headers: Record<string, string> = {}) =>
  demo.post(path, body, { cookie, headers });
const get = (path: string, cookie: string) => demo.get(path, { cookie });
const query = <T>(sql: string, ...params: unknown[]) => demo.query<T>(sql, ...params);
const count = (sql: string, ...params: unknown[]) => demo.count(sql, ...params);

async function signUp(name: string, email: string): Promise<string> {
  const res = await post(
    "/signup",
    new URLSearchParams({ displayName: name, email, password: "a-long-password-1" }),
    "",
  );
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const europeEntry = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    group: "EU",
    track: "QI",
    titleZh: "低温量子比特控制芯片",
    titleEn: "Cryogenic qubit control chip",
    summaryEn: "A cryo-CMOS controller that drives 1,000 superconducting qubits from inside the fridge.",
    organization: "Munich Quantum Instruments GmbH",
    country: "DE",
    city: "Munich",
    website: "https://mqi.example.de",
    contactName: "Lena Hoffmann",
    contactEmail: "lena@mqi.example.de",
    "team[0].name": "Lena Hoffmann",
    "team[0].role": "CEO",
    "team[0].email": "lena@mqi.example.de",
    "team[1].name": "王小明",
    "team[1].role": "CTO",
    "team[2].name": "نور الهدى 🚀",
    "team[2].role": "Cryogenic engineer",
    consent: "on",
    intent: "save",
    ...overrides,
  });

// One entrant and one entry, followed through the tests of the next two blocks in order.
let lena: string;
let entryId: number;
beforeAll(async () => {
  lena = await signUp("Lena Hoffmann", "lena.hoffmann@example.de");
});

describe("an entrant registering an entry", () => {
  it("saves a draft in the Europe group with its whole team, names in any script kept exactly", async () => {
    const res = await post("/me/entries/new", europeEntry(), lena);
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/me\/entries\/\d+\?saved=1$/);
    entryId = Number(location.match(/entries\/(\d+)/)![1]);
    const [entry] = query<{ code: string; status: string; country: string }>(
      "SELECT code, status, country FROM entries WHERE id = ?",
      entryId,
    );
    expect(entry).toMatchObject({ status: "draft", country: "DE" });
    expect(entry!.code).toMatch(/^EU-QI-\d{4}$/);
    const team = query<{ name: string; role: string }>(
      "SELECT name, role FROM team_members WHERE entry_id = ? ORDER BY position",
      entryId,
    );
    expect(team.map((m) => m.name)).toEqual(["Lena Hoffmann", "王小明", "نور الهدى 🚀"]);
  });

  it("submits it and sees it with its code on the dashboard", async () => {
    const res = await post(`/me/entries/${entryId}`, europeEntry({ intent: "submit" }), lena);
    expect(res.headers.get("location")).toBe(`/me/entries/${entryId}/submitted`);
    const [entry] = query<{ code: string; status: string; submitted_at: string }>(
      "SELECT code, status, submitted_at FROM entries WHERE id = ?",
      entryId,
    );
    expect(entry!.status).toBe("submitted");
    const dashboard = await (await get("/me", lena)).text();
    expect(dashboard).toContain(entry!.code);
    expect(dashboard).toContain("Cryogenic qubit control chip");
    expect(
      count(
        "SELECT count(*) n FROM audit_log WHERE subject_type = 'entry' AND subject_id = ? AND action = 'entry.submitted'",
        entryId,
      ),
    ).toBe(1);
  });

  it("explains at the country field why Germany cannot enter a mainland group, and stores nothing", async () => {
    const before = count("SELECT count(*) n FROM entries");
    const html = await (await post("/me/entries/new", europeEntry({ group: "BJ" }), lena)).text();
    expect(html).toContain("This group is for entries from mainland China.");
    const zh = await (
      await post("/me/entries/new", europeEntry({ group: "HMT" }), lena, { "Accept-Language": "zh-CN" })
    ).text();
    expect(zh).toContain("该赛区面向中国香港、中国澳门和中国台湾的项目。");
    expect(count("SELECT count(*) n FROM entries")).toBe(before);
  });

  it("refuses markup in a title and an over-long title at their fields, showing them back as text", async () => {
    const html = await (
      await post(
        "/me/entries/new",
        europeEntry({ titleEn: '<img src=x onerror="alert(1)">', titleZh: "长".repeat(61) }),
        lena,
      )
    ).text();
    expect(html).toContain("Please use plain text: markup such as &lt;b&gt; is not allowed.");
    expect(html).toContain("This is too long.");
    expect(html).not.toContain('<img src=x onerror="alert(1)">');
  });
});

describe("an entrant's entry refused, guarded and withdrawn", () => {
  it("answers an entry form with bad input with 400 and the message at its field", async () => {
    const errorAt = (html: string, field: string) =>
      new RegExp(`id="[^"]*-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
    const badEmail = await post("/me/entries/new", europeEntry({ contactEmail: "not-an-email" }), lena);
    expect(badEmail.status).toBe(400);
    expect(errorAt(await badEmail.text(), "contactEmail")).toBe("Please enter a valid e-mail address.");
    // The schema passes, the service refuses: still a 400, at the country field.
    const ineligible = await post("/me/entries/new", europeEntry({ group: "BJ" }), lena);
    expect(ineligible.status).toBe(400);
    expect(errorAt(await ineligible.text(), "country")).toMatch(/^This group is for entries from mainland China\./);
  });

  it("refuses a 50 MB body before reading it", async () => {
    const before = count("SELECT count(*) n FROM entries");
    const huge = "titleEn=" + "a".repeat(50 * 1024 * 1024);
    const res = await post("/me/entries/new", huge, lena);
    expect(res.status).toBe(413);
    expect(count("SELECT count(*) n FROM entries")).toBe(before);
  });

  it("adds a team member without JavaScript: the server sends the form back with one more row", async () => {
    const body = europeEntry();
    body.set(
      "__intent__",
      JSON.stringify({ type: "insert", payload: { name: "team", defaultValue: { name: "", role: "", email: "" } } }),
    );
    const html = await (await post("/me/entries/new", body, lena)).text();
    expect(html).toContain('name="team[3].name"');
  });

  it("does not let another entrant read or change my entry by guessing its id", async () => {
    const mallory = await signUp("Mallory", "mallory@example.org");
    expect((await get(`/me/entries/${entryId}`, mallory)).status).toBe(404);
    const res = await post(`/me/entries/${entryId}`, europeEntry({ titleEn: "Hijacked" }), mallory);
    expect(res.status).toBe(404);
    const withdraw = await post(
      `/me/entries/${entryId}`,
      new URLSearchParams({ form: "withdraw", reason: "gone" }),
      mallory,
    );
    expect(withdraw.status).toBe(404);
    const [entry] = query<{ title_en: string; status: string }>(
      "SELECT title_en, status FROM entries WHERE id = ?",
      entryId,
    );
    expect(entry).toEqual({ title_en: "Cryogenic qubit control chip", status: "submitted" });
    expect(await (await get("/me", mallory)).text()).not.toContain("Cryogenic qubit control chip");
  });

  it("withdraws with a reason, recorded in the audit log", async () => {
    const res = await post(
      `/me/entries/${entryId}`,
      new URLSearchParams({ form: "withdraw", reason: "Merged with another team" }),
      lena,
    );
    expect(res.status).toBe(302);
    expect(query("SELECT status, status_reason FROM entries WHERE id = ?", entryId)).toEqual([
      { status: "withdrawn", status_reason: "Merged with another team" },
    ]);
    expect(
      count(
        "SELECT count(*) n FROM audit_log WHERE subject_id = ? AND action = 'entry.withdrawn' AND reason = 'Merged with another team'",
        entryId,
      ),
    ).toBe(1);
  });
});

describe("the registration deadline", () => {
  it("refuses an edit after the deadline and changes nothing", async () => {
    const db = createTestDatabase("demo");
    try {
      const afterDeadline = () => new Date("2027-01-05T00:00:00.000Z");
      const services = createServices(db.db, { sessionSecret: "s".repeat(32), clock: afterDeadline });
      const entrant = await services.auth.signIn(
        { email: "entrant@frontier.demo", password: "frontier-entrant" },
        "127.0.0.1",
      );
      if (!entrant.ok) throw new Error("demo entrant should sign in");
      const cookie = (await services.auth.startSession(new Request("http://localhost/"), entrant.user.id)).split(
        ";",
      )[0]!;
      const [own] = db.sqlite
        .prepare("SELECT id, title_en FROM entries WHERE entrant_user_id = ?")
        .all(entrant.user.id) as { id: number; title_en: string }[];
      const request = new Request(`http://localhost/me/entries/${own!.id}`, {
        method: "POST",
        body: europeEntry({ titleEn: "Changed too late" }),
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
      });
      const context = { db: db.db, services, now: afterDeadline, cspNonce: "n", clientIp: "127.0.0.1" };
      const result = (await editEntryAction({ request, context, params: { id: String(own!.id) } })) as unknown as {
        data: { refusal: { code: string } };
        init: { status: number };
      };
      // Registration has closed: a conflict with the state of the competition, not bad input.
      expect(result.init.status).toBe(409);
      expect(result.data.refusal.code).toBe("registration.closed");
      expect(
        (db.sqlite.prepare("SELECT title_en FROM entries WHERE id = ?").get(own!.id) as { title_en: string }).title_en,
      ).toBe(own!.title_en);
    } finally {
      await db.remove();
    }
  });
});
