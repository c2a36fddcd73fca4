// The outcome pages through the real server: a partner records what came of a meeting through the
// form (a bad amount is refused at its field and writes nothing), an entrant cannot record for a
// meeting of another entry, the organizers' dashboard and exports are theirs alone, and the CSV lists
// every accepted meeting of the edition with both sides' records.
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";
import { addPartner, demoRound, entriesInRound, giveNeeds, openFollowOn } from "../support/follow-on";
import { acceptedMeeting, addEntrant, placeMeeting } from "../support/follow-on-agenda";

const demo = demoServerForThisFile();
let competitionId = 0;
let partnerCookie = "";
let entrantCookie = "";
let organizerCookie = "";
const entry = { mine: 0, other: 0, mineCode: "" };
const meeting = { mine: 0, other: 0 };

beforeAll(async () => {
  const sqlite = new Database(demo.dbFile);
  sqlite.pragma("busy_timeout = 5000");
  const round = demoRound(sqlite, "final");
  competitionId = round.competitionId;
  openFollowOn(sqlite, competitionId, round.roundId);
  const [a, b] = entriesInRound(sqlite, round.roundId);
  giveNeeds(sqlite, a!.id, { financing: { amountWan: 800, stage: "A" } });
  giveNeeds(sqlite, b!.id, { financing: { amountWan: 300, stage: "seed" } });
  entry.mine = a!.id;
  entry.other = b!.id;
  entry.mineCode = (sqlite.prepare("SELECT code FROM entries WHERE id = ?").get(a!.id) as { code: string }).code;
  const p = await addPartner(sqlite, competitionId, { kind: "investor", email: "outcome@inv.test", nameEn: "Deal VC" });
  const entrant = await addEntrant(sqlite, "outcome-entrant@e.test", [a!.id]);
  meeting.mine = acceptedMeeting(sqlite, competitionId, p.partnerId, a!.id);
  meeting.other = acceptedMeeting(sqlite, competitionId, p.partnerId, b!.id);
  placeMeeting(sqlite, meeting.mine, { startsAt: "2026-12-10T01:00:00.000Z", tableNo: 5 });
  sqlite.close();
  partnerCookie = await demo.signIn("outcome@inv.test", p.password);
  entrantCookie = await demo.signIn("outcome-entrant@e.test", entrant.password);
  organizerCookie = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
});

const outcomesOf = (requestId: number) =>
  demo.query<{ side: string; held: number; kind: string; amount_wan: number | null }>(
    "SELECT side, held, kind, amount_wan FROM meeting_outcomes WHERE request_id = ? ORDER BY side",
    requestId,
  );

describe("recording an outcome", () => {
  it("lists the partner's meetings with a form each", async () => {
    const res = await demo.get("/partner/meetings", { cookie: partnerCookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`data-testid="meeting-${meeting.mine}"`);
    expect(html).toContain(`data-testid="meeting-${meeting.other}"`);
    expect(html).toContain(entry.mineCode);
  });

  it("refuses a bad amount at its field and writes nothing", async () => {
    const form = new URLSearchParams({
      meetingId: String(meeting.mine),
      held: "yes",
      kind: "investment",
      amountWan: "lots",
    });
    const res = await demo.post("/partner/meetings", form, { cookie: partnerCookie });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`id="m${meeting.mine}-amountWan-error"`);
    expect(html).toContain("Write the amount as a number of 万元");
    expect(outcomesOf(meeting.mine)).toEqual([]);
  });

  it("refuses an investment without its amount, at the amount", async () => {
    const form = new URLSearchParams({
      meetingId: String(meeting.mine),
      held: "yes",
      kind: "investment",
      amountWan: "",
    });
    const res = await demo.post("/partner/meetings", form, { cookie: partnerCookie });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("An investment needs its amount");
    expect(outcomesOf(meeting.mine)).toEqual([]);
  });

  it("records the partner's outcome from the form and shows it back", async () => {
    const form = new URLSearchParams({
      meetingId: String(meeting.mine),
      held: "yes",
      kind: "investment",
      amountWan: "500",
      note: "Lead investor",
    });
    const res = await demo.post("/partner/meetings", form, { cookie: partnerCookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain(`/partner/meetings?saved=${meeting.mine}`);
    expect(outcomesOf(meeting.mine)).toEqual([{ side: "partner", held: 1, kind: "investment", amount_wan: 500 }]);
    const html = await (await demo.get(`/partner/meetings?saved=${meeting.mine}`, { cookie: partnerCookie })).text();
    expect(html).toContain("Your record of this meeting is saved.");
  });

  it("lets the entrant record for their own entry's meeting", async () => {
    const form = new URLSearchParams({ meetingId: String(meeting.mine), held: "yes", kind: "followUp" });
    const res = await demo.post(`/me/entries/${entry.mine}/meetings`, form, { cookie: entrantCookie });
    expect(res.status).toBe(302);
    expect(outcomesOf(meeting.mine).map((o) => [o.side, o.kind])).toEqual([
      ["entry", "followUp"],
      ["partner", "investment"],
    ]);
  });

  it("refuses an entrant a meeting of another entry, through their own page or the other's", async () => {
    const form = new URLSearchParams({ meetingId: String(meeting.other), held: "yes", kind: "followUp" });
    const own = await demo.post(`/me/entries/${entry.mine}/meetings`, form, { cookie: entrantCookie });
    expect(own.status).toBe(404);
    const theirs = await demo.post(`/me/entries/${entry.other}/meetings`, form, { cookie: entrantCookie });
    expect(theirs.status).toBe(404);
    const page = await demo.get(`/me/entries/${entry.other}/meetings`, { cookie: entrantCookie });
    expect(page.status).toBe(404);
    expect(outcomesOf(meeting.other)).toEqual([]);
  });
});

describe("the organizers' dashboard and exports", () => {
  it("are refused to a partner", async () => {
    for (const path of [
      "/admin/follow-on/outcomes",
      "/admin/follow-on/outcomes.csv",
      "/admin/follow-on/outcomes.xlsx",
    ]) {
      const res = await demo.get(path, { cookie: partnerCookie });
      expect(res.status, path).toBe(403);
      // The page names the signed-in person, never the edition's meetings.
      expect(await res.text(), path).not.toContain(entry.mineCode);
    }
  });

  it("shows the organizer the totals", async () => {
    const res = await demo.get("/admin/follow-on/outcomes", { cookie: organizerCookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="outcome-totals"');
    expect(html).toContain("Deals by kind");
  });

  it("exports every accepted meeting of the edition as CSV, with both sides' records", async () => {
    const res = await demo.get("/admin/follow-on/outcomes.csv", { cookie: organizerCookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="outcomes-.+\.csv"/);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    const accepted = demo.count(
      "SELECT count(*) n FROM meeting_requests WHERE competition_id = ? AND state = 'accepted'",
      competitionId,
    );
    expect(rows).toHaveLength(accepted);
    const mine = rows.find((r) => r["Meeting"] === String(meeting.mine));
    expect(mine).toMatchObject({
      Entry: entry.mineCode,
      Partner: "Deal VC",
      "Partner's record": "An investment, 500 万元",
      "Entrant's record": "A follow-up",
      Held: "yes",
      "Counted as": "An investment",
      "Amount (万元)": "500",
      "Sides disagree": "yes",
    });
    expect(rows.find((r) => r["Meeting"] === String(meeting.other))).toMatchObject({
      "Partner's record": "",
      "Entrant's record": "",
      "Counted as": "",
    });
    const summary = await demo.get("/admin/follow-on/outcomes.csv?rows=summary", { cookie: organizerCookie });
    const totals = parse((await summary.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(totals[0]).toMatchObject({ Breakdown: "All meetings", Meetings: String(accepted) });
  });

  it("exports the same as an Excel workbook", async () => {
    const res = await demo.get("/admin/follow-on/outcomes.xlsx", { cookie: organizerCookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 2).toString()).toBe("PK");
  });
});
