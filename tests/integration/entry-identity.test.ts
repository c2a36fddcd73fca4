// An entry keeps its identity: once submitted its group and track stay (only an organizer moves it),
// a code is never handed out twice, a moved entry's old code still finds it, and its history says
// which field changed from what to what, by whom. Services on a real SQLite, then the built server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entryFormInput } from "../support/entry-form";
import type { SessionUser } from "../../app/services/auth.server";
import { nextEntryCode } from "../../app/services/entry-codes.server";
import { createServices, type Services } from "../../app/services/index.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { demoServerForThisFile } from "../support/demo-server";

// Inside the demo's registration window, whatever the day the tests run.
const clock = () => new Date("2026-06-01T08:00:00.000Z");
let db: TestDatabase;
let services: Services;
let organizer: SessionUser;
let entrant: SessionUser;
let competitionId: number;

const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T;
const userOf = (email: string, role: "organizer" | "entrant"): SessionUser => {
  const u = one<{ id: number; display_name: string }>("SELECT id, display_name FROM users WHERE email = ?", email);
  return { id: u.id, email, displayName: u.display_name, locale: "en", roles: [role] };
};
const competition = async () => (await services.competitions.latest())!;
const form = entryFormInput;

beforeAll(async () => {
  db = createTestDatabase("demo");
  services = createServices(db.db, { sessionSecret: "s".repeat(32), clock });
  organizer = userOf("organizer@frontier.demo", "organizer");
  entrant = userOf("entrant@frontier.demo", "entrant");
  competitionId = (await competition()).id;
});
afterAll(() => db?.remove());

describe("an entrant's group and track", () => {
  it("may change while the entry is a draft, and the code it gave up is retired", async () => {
    const created = await services.registration.create(entrant, await competition(), form());
    if (!created.ok) throw new Error(created.code);
    const moved = await services.registration.update(
      entrant,
      await competition(),
      created.entry.id,
      form({ track: "SB" }),
    );
    if (!moved.ok) throw new Error(moved.code);
    expect(moved.entry.code).toMatch(/^EU-SB-\d{4}$/);
    expect(one("SELECT entry_id FROM retired_entry_codes WHERE code = ?", created.entry.code)).toEqual({
      entry_id: created.entry.id,
    });
  });

  it("stay as they are once submitted, even when a changed track is posted: refused at the field", async () => {
    const created = await services.registration.create(entrant, await competition(), form({ intent: "submit" }));
    if (!created.ok) throw new Error(created.code);
    const id = created.entry.id;
    const audits = () => one<{ n: number }>("SELECT count(*) n FROM audit_log WHERE subject_id = ?", id).n;
    const before = audits();
    const track = await services.registration.update(entrant, await competition(), id, form({ track: "SB" }));
    expect(track).toMatchObject({ ok: false, kind: "invalid", field: "track", code: "entryHistory.trackLocked" });
    const group = await services.registration.update(
      entrant,
      await competition(),
      id,
      form({ group: "AS", country: "SG" }),
    );
    expect(group).toMatchObject({ ok: false, kind: "invalid", field: "group", code: "entryHistory.groupLocked" });
    expect(one("SELECT code, group_id, track_id FROM entries WHERE id = ?", id)).toEqual({
      code: created.entry.code,
      group_id: created.entry.group_id,
      track_id: created.entry.track_id,
    });
    expect(audits()).toBe(before);
    // The rest of the entry stays editable, and only what changed is recorded.
    const edited = await services.registration.update(
      entrant,
      await competition(),
      id,
      form({ titleEn: "Photonic qubits" }),
    );
    expect(edited.ok).toBe(true);
    const row = one<{ before: string; after: string }>(
      "SELECT before, after FROM audit_log WHERE subject_id = ? AND action = 'entry.updated' ORDER BY id DESC",
      id,
    );
    expect(JSON.parse(row.before)).toEqual({ title_en: "Photonic qubits for Lyon" });
    expect(JSON.parse(row.after)).toEqual({ title_en: "Photonic qubits" });
  });
});

describe("entry codes", () => {
  it("are never handed out again: the entry holding the highest serial moves, the next entry gets a new code", async () => {
    const serial = (code: string) => Number(code.slice("EU-QI-".length));
    const highest = one<{ id: number; code: string }>(
      "SELECT id, code FROM entries WHERE code GLOB 'EU-QI-[0-9]*' ORDER BY cast(substr(code, 7) AS integer) DESC LIMIT 1",
    );
    const moved = await services.entryAdmin.move(
      organizer,
      competitionId,
      highest.id,
      "EU",
      "SB",
      "Synthetic biology fits",
    );
    if (!moved.ok) throw new Error(moved.code);
    expect(one("SELECT entry_id FROM retired_entry_codes WHERE code = ?", highest.code)).toEqual({
      entry_id: highest.id,
    });
    const created = await services.registration.create(entrant, await competition(), form({ titleEn: "Next in line" }));
    if (!created.ok) throw new Error(created.code);
    expect(created.entry.code).not.toBe(highest.code);
    expect(serial(created.entry.code)).toBe(serial(highest.code) + 1);
    // The database refuses a retired code too, whoever writes.
    expect(() =>
      db.sqlite.prepare("UPDATE entries SET code = ? WHERE id = ?").run(highest.code, created.entry.id),
    ).toThrow(/used before/);
  });

  it("count serials as numbers past 9999, across entries and retired codes", async () => {
    const anyEntry = one<{ id: number }>("SELECT id FROM entries LIMIT 1").id;
    db.sqlite.prepare("INSERT INTO retired_entry_codes (code, entry_id) VALUES ('NA-QI-9999', ?)").run(anyEntry);
    expect(await nextEntryCode(db.db, "NA", "QI")).toBe("NA-QI-10000");
    db.sqlite.prepare("INSERT INTO retired_entry_codes (code, entry_id) VALUES ('NA-QI-10000', ?)").run(anyEntry);
    expect(await nextEntryCode(db.db, "NA", "QI")).toBe("NA-QI-10001");
  });
});

describe("the organizer's history of an entry", () => {
  it("names each changed field from → to, by whom, for a move", async () => {
    const entry = one<{ id: number; code: string }>(
      "SELECT id, code FROM entries WHERE code GLOB 'EU-QI-*' AND status = 'submitted' ORDER BY id LIMIT 1",
    );
    const moved = await services.entryAdmin.move(
      organizer,
      competitionId,
      entry.id,
      "EU",
      "EAI",
      "Robotics, not qubits",
    );
    if (!moved.ok) throw new Error(moved.code);
    const detail = (await services.entryAdmin.detail(competitionId, entry.id))!;
    expect(detail.formerCodes.map((c) => c.code)).toEqual([entry.code]);
    expect(detail.history[0]).toMatchObject({
      action: "entry.moved",
      actor: organizer.displayName,
      reason: "Robotics, not qubits",
      changes: [
        { field: "code", from: entry.code, to: moved.code },
        { field: "track", from: "QI", to: "EAI" },
      ],
    });
    // The organizer's search finds it by the code it gave up.
    const found = await services.entryAdmin.list(competitionId, { q: entry.code, sort: "code", dir: "asc", page: 1 });
    expect(found.rows.map((r) => r.code)).toEqual([moved.code]);
  });

  it("finds a moved entry by its old code where organizers type one: a round's panel, a judge's conflict", async () => {
    const entry = one<{ id: number; code: string; round_id: number }>(
      `SELECT e.id, e.code, re.round_id FROM entries e JOIN round_entries re ON re.entry_id = e.id
       WHERE e.code GLOB 'EU-SB-*' AND e.status = 'submitted' ORDER BY e.id LIMIT 1`,
    );
    const moved = await services.entryAdmin.move(organizer, competitionId, entry.id, "EU", "QI", "Back to qubits");
    if (!moved.ok) throw new Error(moved.code);
    const panel = await services.assignment.panel(competitionId, entry.round_id, entry.code.toLowerCase());
    expect(panel?.entry).toMatchObject({ id: entry.id, code: moved.code });
    const judge = one<{ id: number }>("SELECT id FROM judges WHERE competition_id = ? LIMIT 1", competitionId);
    const conflict = await services.judges.addConflict(organizer, competitionId, judge.id, {
      entryCode: entry.code,
      reason: "Former colleague",
    });
    expect(conflict.ok).toBe(true);
    expect(
      one("SELECT count(*) n FROM judge_conflicts WHERE judge_id = ? AND entry_id = ?", judge.id, entry.id),
    ).toEqual({ n: 1 });
  });
});

const demo = demoServerForThisFile();
let ada = "";
let organizerCookie = "";
let adaEntry = 0;

const body = (overrides: Record<string, string> = {}) =>
  new URLSearchParams({
    group: "EU",
    track: "QI",
    titleEn: "Cryogenic qubit control chip",
    summaryEn: "A cryo-CMOS controller that drives 1,000 superconducting qubits from inside the fridge.",
    organization: "Munich Quantum Instruments GmbH",
    country: "DE",
    contactName: "Ada Keller",
    contactEmail: "ada@mqi.example.de",
    "team[0].name": "Ada Keller",
    "team[0].role": "CEO",
    "team[1].name": "王小明",
    "team[1].role": "CTO",
    consent: "on",
    intent: "save",
    ...overrides,
  });
const errorAt = (html: string, field: string) =>
  new RegExp(`id="[^"]*-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;
const codeOf = (id: number) => demo.query<{ code: string }>("SELECT code FROM entries WHERE id = ?", id)[0]!.code;
/** The option a select starts on, as the server rendered it. */
const selectedOption = (html: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return /<option[^>]*value="([^"]*)"[^>]*selected=""/.exec(select)?.[1] ?? null;
};

describe("over HTTP, an entrant's submitted entry", () => {
  beforeAll(async () => {
    const signup = await demo.post(
      "/signup",
      new URLSearchParams({ displayName: "Ada Keller", email: "ada@mqi.example.de", password: "a-long-password-1" }),
    );
    ada = signup.headers.get("set-cookie")!.split(";")[0]!;
    organizerCookie = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  });

  it("changes track while a draft, then, once submitted, shows group and track read-only and says why", async () => {
    const created = await demo.post("/me/entries/new", body(), { cookie: ada });
    expect(created.status).toBe(302);
    adaEntry = Number(created.headers.get("location")!.match(/entries\/(\d+)/)![1]);
    const draftMove = await demo.post(`/me/entries/${adaEntry}`, body({ track: "SB" }), { cookie: ada });
    expect(draftMove.status).toBe(302);
    expect(codeOf(adaEntry)).toMatch(/^EU-SB-\d{4}$/);
    const submitted = await demo.post(`/me/entries/${adaEntry}`, body({ track: "SB", intent: "submit" }), {
      cookie: ada,
    });
    expect(submitted.headers.get("location")).toBe(`/me/entries/${adaEntry}/submitted`);
    const page = await (await demo.get(`/me/entries/${adaEntry}`, { cookie: ada })).text();
    expect(page).not.toMatch(/<select[^>]*name="group"/);
    expect(page).not.toMatch(/<select[^>]*name="track"/);
    expect(page).toMatch(/<input type="hidden" name="track" value="SB"\/>/);
    expect(page).toContain("Synthetic Biology");
    expect(page).toContain("its group and track can no longer be changed here");
    expect(page).toContain("they can move the entry");
  });

  it("refuses a hand-made POST that changes the track: 400 at the track field, in the reader's language", async () => {
    const code = codeOf(adaEntry);
    const res = await demo.post(`/me/entries/${adaEntry}`, body({ track: "QI" }), { cookie: ada });
    expect(res.status).toBe(400);
    expect(errorAt(await res.text(), "track")).toBe(
      "A submitted entry keeps its track. The organizers can move it if it was registered in the wrong one.",
    );
    const zh = await demo.post(`/me/entries/${adaEntry}`, body({ group: "AS", country: "SG", track: "SB" }), {
      cookie: ada,
      lang: "zh-CN",
    });
    expect(zh.status).toBe(400);
    expect(errorAt(await zh.text(), "group")).toBe("项目提交后赛区不能再修改。如报名时选错了赛区，可由组委会调整。");
    expect(codeOf(adaEntry)).toBe(code);
  });
});

describe("over HTTP, an organizer moving an entry", () => {
  let oldCode = "";
  let newCode = "";

  it("moves it with a reason; the old code's public page redirects to the new one", async () => {
    oldCode = codeOf(adaEntry);
    const res = await demo.post(
      `/admin/entries/${adaEntry}`,
      new URLSearchParams({ form: "move", group: "EU", track: "QI", reason: "Registered in the wrong track" }),
      { cookie: organizerCookie },
    );
    expect(res.status).toBe(302);
    newCode = codeOf(adaEntry);
    expect(res.headers.get("location")).toBe(`/admin/entries/${adaEntry}?moved=${newCode}`);
    const old = await demo.get(`/entries/${oldCode}`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe(`/entries/${newCode}`);
    expect((await demo.get(`/entries/${newCode}`)).status).toBe(200);
    expect((await demo.get("/entries/EU-QI-9998")).status).toBe(404);
    // The organizer's list finds it by the old code too.
    const list = await (await demo.get(`/admin/entries?q=${oldCode}`, { cookie: organizerCookie })).text();
    expect(list).toContain(newCode);
  });

  it("lists the history: which field changed from what to what, by whom", async () => {
    const html = await (await demo.get(`/admin/entries/${adaEntry}`, { cookie: organizerCookie })).text();
    const history = html.slice(html.indexOf('data-testid="entry-history"'));
    const organizerName = demo.query<{ display_name: string }>(
      "SELECT display_name FROM users WHERE email = 'organizer@frontier.demo'",
    )[0]!.display_name;
    const moved = /<li[^>]*data-action="entry\.moved"[\s\S]*?<\/li>/.exec(history)?.[0] ?? "";
    expect(moved).toContain(`by ${organizerName}`);
    expect(moved).toContain("Registered in the wrong track");
    expect(moved).toMatch(/<tr data-field="track">[\s\S]*Synthetic Biology \(SB\)[\s\S]*Quantum Information \(QI\)/);
    expect(moved).toMatch(new RegExp(`<tr data-field="code">[\\s\\S]*${oldCode}[\\s\\S]*${newCode}`));
    expect(moved).not.toContain('data-field="group"');
    // The entrant's own change while a draft, by the entrant.
    const edited = /<li[^>]*data-action="entry\.updated"[\s\S]*?<\/li>/.exec(history)?.[0] ?? "";
    expect(edited).toContain("by Ada Keller");
    expect(edited).toMatch(/<tr data-field="track">[\s\S]*Quantum Information \(QI\)[\s\S]*Synthetic Biology \(SB\)/);
    expect(html).toMatch(new RegExp(`data-testid="former-codes"[\\s\\S]*${oldCode}`));
  });

  it("starts the status form on the entry's current status, not on Withdrawn", async () => {
    const page = () => demo.get(`/admin/entries/${adaEntry}`, { cookie: organizerCookie }).then((r) => r.text());
    expect(selectedOption(await page(), "status")).toBe("submitted");
    const withdrawn = await demo.post(
      `/admin/entries/${adaEntry}`,
      new URLSearchParams({ form: "status", status: "withdrawn", reason: "Team asked by phone" }),
      { cookie: organizerCookie },
    );
    expect(withdrawn.status).toBe(302);
    expect(selectedOption(await page(), "status")).toBe("withdrawn");
    // Applying without choosing changes nothing: the status it already has is a conflict.
    const same = await demo.post(
      `/admin/entries/${adaEntry}`,
      new URLSearchParams({ form: "status", status: "withdrawn", reason: "again" }),
      { cookie: organizerCookie },
    );
    expect(same.status).toBe(409);
  });
});
