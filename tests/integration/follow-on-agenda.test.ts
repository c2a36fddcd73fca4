// A person's meeting agenda: a partner's people see their partner's placed meetings, an entrant those
// of their own entries, and nobody anything before the schedule is published; the calendar file over
// HTTP has one event per meeting with its times, a stable UID and the placement's SEQUENCE.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "../../db/client";
import type { SessionUser } from "../../app/services/auth.server";
import { createServices, type Services } from "../../app/services/index.server";
import { demoServerForThisFile } from "../support/demo-server";
import { addPartner, demoRound, entriesInRound, giveNeeds, openFollowOn } from "../support/follow-on";
import { acceptedMeeting, addEntrant, placeMeeting, publishSchedule } from "../support/follow-on-agenda";

const demo = demoServerForThisFile();
let handle: DbHandle;
let services: Services;
let competitionId = 0;
const users: Record<"partner" | "rival" | "entrant" | "other", SessionUser> = {} as never;
const cookies: Record<"partner" | "rival" | "entrant" | "other", string> = {} as never;
// Meetings: the partner with entries a, b and c, the rival with a, and the partner with d unplaced.
const m = { pa: 0, pb: 0, pc: 0, ra: 0, pd: 0 };
const codes: Record<"a" | "b" | "c" | "d", string> = {} as never;

const user = (id: number, email: string, role: "partner" | "entrant"): SessionUser => ({
  id,
  email,
  displayName: email,
  locale: "en",
  roles: [role],
});

beforeAll(async () => {
  const sqlite = new Database(demo.dbFile);
  sqlite.pragma("busy_timeout = 5000");
  const round = demoRound(sqlite, "final");
  competitionId = round.competitionId;
  openFollowOn(sqlite, competitionId, round.roundId);
  const [a, b, c, d] = entriesInRound(sqlite, round.roundId);
  for (const [key, e] of Object.entries({ a, b, c, d })) {
    giveNeeds(sqlite, e!.id, { financing: { amountWan: 500, stage: "A" } });
    codes[key as "a"] = (sqlite.prepare("SELECT code FROM entries WHERE id = ?").get(e!.id) as { code: string }).code;
  }
  const p = await addPartner(sqlite, competitionId, {
    kind: "investor",
    email: "agenda@inv.test",
    nameEn: "Agenda VC",
  });
  const r = await addPartner(sqlite, competitionId, { kind: "park", email: "agenda@park.test", nameEn: "Rival Park" });
  const entrant = await addEntrant(sqlite, "agenda-entrant@e.test", [a!.id, b!.id]);
  const other = await addEntrant(sqlite, "agenda-other@e.test", [c!.id]);
  m.pa = acceptedMeeting(sqlite, competitionId, p.partnerId, a!.id);
  m.pb = acceptedMeeting(sqlite, competitionId, p.partnerId, b!.id);
  m.pc = acceptedMeeting(sqlite, competitionId, p.partnerId, c!.id);
  m.ra = acceptedMeeting(sqlite, competitionId, r.partnerId, a!.id);
  m.pd = acceptedMeeting(sqlite, competitionId, p.partnerId, d!.id);
  placeMeeting(sqlite, m.pa, { startsAt: "2026-12-10T01:00:00.000Z", tableNo: 3 });
  placeMeeting(sqlite, m.pb, { startsAt: "2026-12-10T02:00:00.000Z", tableNo: 4, sequence: 2 });
  placeMeeting(sqlite, m.pc, { startsAt: "2026-12-11T03:20:00.000Z", tableNo: 1, sequence: 1 });
  placeMeeting(sqlite, m.ra, { startsAt: "2026-12-10T01:20:00.000Z", tableNo: 2 });
  placeMeeting(sqlite, m.pd, { unplaced: "tablesFull" });
  sqlite.close();
  users.partner = user(p.userId, "agenda@inv.test", "partner");
  users.rival = user(r.userId, "agenda@park.test", "partner");
  users.entrant = user(entrant.userId, "agenda-entrant@e.test", "entrant");
  users.other = user(other.userId, "agenda-other@e.test", "entrant");
  cookies.partner = await demo.signIn("agenda@inv.test", p.password);
  cookies.rival = await demo.signIn("agenda@park.test", r.password);
  cookies.entrant = await demo.signIn("agenda-entrant@e.test", entrant.password);
  cookies.other = await demo.signIn("agenda-other@e.test", other.password);
  handle = openDatabase(demo.dbFile);
  services = createServices(handle.db, { sessionSecret: "s".repeat(32) });
});

afterAll(async () => {
  await handle?.close();
});

const ids = async (who: keyof typeof users) => {
  const out =
    who === "partner" || who === "rival"
      ? await services.agenda.ofPartner(users[who])
      : await services.agenda.ofEntrant(users[who]);
  if (!out.ok) throw new Error(out.code);
  return { published: out.agenda.published, ids: out.agenda.items.map((i) => i.requestId) };
};

/** The VEVENT blocks of a calendar file, each as its lines (folded lines joined back). */
const events = (ics: string) =>
  ics
    .replace(/\r\n /g, "")
    .split("BEGIN:VEVENT\r\n")
    .slice(1)
    .map((block) => block.split("\r\n"));
const field = (lines: string[], name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

describe("before the schedule is published", () => {
  it("shows everyone an empty agenda that says it is not published yet", async () => {
    for (const who of ["partner", "rival", "entrant", "other"] as const)
      expect(await ids(who), who).toEqual({ published: false, ids: [] });
    const page = await demo.get("/partner/agenda", { cookie: cookies.partner });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="agenda-not-published"');
    expect(html).not.toContain(codes.a);
    const ics = await demo.get("/me/agenda.ics", { cookie: cookies.entrant });
    expect(ics.status).toBe(200);
    expect(events(await ics.text())).toHaveLength(0);
  });
});

describe("once the schedule is published", () => {
  beforeAll(() => {
    const sqlite = new Database(demo.dbFile);
    publishSchedule(sqlite, competitionId);
    sqlite.close();
  });

  it("shows each person exactly their own placed meetings, in time order", async () => {
    expect(await ids("partner")).toEqual({ published: true, ids: [m.pa, m.pb, m.pc] });
    expect(await ids("rival")).toEqual({ published: true, ids: [m.ra] });
    expect(await ids("entrant")).toEqual({ published: true, ids: [m.pa, m.ra, m.pb] });
    expect(await ids("other")).toEqual({ published: true, ids: [m.pc] });
  });

  it("names the other side and the entry, and the table, on the page", async () => {
    const out = await services.agenda.ofEntrant(users.entrant);
    if (!out.ok) throw new Error(out.code);
    expect(out.agenda.items[1]).toMatchObject({ withEn: "Rival Park", entryCode: codes.a, tableNo: 2 });
    const html = await (await demo.get("/me/agenda", { cookie: cookies.entrant })).text();
    expect(html).toContain("Rival Park");
    expect(html).toContain("Agenda VC");
    expect(html).toContain(codes.b);
    expect(html).not.toContain(codes.c);
  });

  it("serves the partner's calendar with one event per meeting, its times, UID and SEQUENCE", async () => {
    const res = await demo.get("/partner/agenda.ics", { cookie: cookies.partner });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.ics"$/);
    const ics = await res.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const found = events(ics).map((e) => ({
      uid: field(e, "UID"),
      start: field(e, "DTSTART"),
      end: field(e, "DTEND"),
      sequence: field(e, "SEQUENCE"),
      location: field(e, "LOCATION"),
    }));
    expect(found).toEqual([
      expect.objectContaining({
        start: "20261210T010000Z",
        end: "20261210T012000Z",
        sequence: "0",
        location: "Table 3",
      }),
      expect.objectContaining({
        start: "20261210T020000Z",
        end: "20261210T022000Z",
        sequence: "2",
        location: "Table 4",
      }),
      expect.objectContaining({
        start: "20261211T032000Z",
        end: "20261211T034000Z",
        sequence: "1",
        location: "Table 1",
      }),
    ]);
    expect(found.map((f) => f.uid?.split("@")[0])).toEqual([`meeting-${m.pa}`, `meeting-${m.pb}`, `meeting-${m.pc}`]);
    // The same file downloaded again names the same events.
    const again = events(await (await demo.get("/partner/agenda.ics", { cookie: cookies.partner })).text());
    expect(again.map((e) => field(e, "UID"))).toEqual(found.map((f) => f.uid));
  });

  it("gives another partner none of them, and keeps the partner's calendar from entrants", async () => {
    const rival = await (await demo.get("/partner/agenda.ics", { cookie: cookies.rival })).text();
    expect(events(rival).map((e) => field(e, "UID")?.split("@")[0])).toEqual([`meeting-${m.ra}`]);
    expect(rival).not.toContain(codes.b);
    const page = await (await demo.get("/partner/agenda", { cookie: cookies.rival })).text();
    expect(page).not.toContain(codes.b);
    expect(page).not.toContain(codes.c);
    for (const path of ["/partner/agenda", "/partner/agenda.ics"]) {
      const res = await demo.get(path, { cookie: cookies.entrant });
      expect(res.status, path).toBe(403);
    }
  });

  it("serves an entrant's calendar with their entries' meetings only", async () => {
    const ics = await (await demo.get("/me/agenda.ics", { cookie: cookies.other })).text();
    const found = events(ics);
    expect(found).toHaveLength(1);
    expect(field(found[0]!, "UID")?.split("@")[0]).toBe(`meeting-${m.pc}`);
    expect(field(found[0]!, "SEQUENCE")).toBe("1");
    expect(field(found[0]!, "SUMMARY")).toBe(`Meeting: Agenda VC (${codes.c})`);
  });
});
