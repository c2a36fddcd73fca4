// The organizers' follow-on pages over real HTTP: nobody but an organizer opens them, and a bad
// settings form is answered 400 with each message at its field and nothing saved.
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let organizer = "";
let judge = "";
let investor = "";

beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
  investor = await demo.signIn("investor@frontier.demo", "frontier-investor");
});

/** The text of a settings field's error, or null when the field has none. */
function errorAt(html: string, field: string): string | null {
  const match = new RegExp(`id="follow-on-settings-${field}-error"[^>]*>([^<]*)<`).exec(html);
  return match ? match[1]! : null;
}

const settingsRow = () => demo.query<Record<string, unknown>>("SELECT * FROM follow_on_settings")[0];

describe("the organizers' follow-on pages", () => {
  it("refuse a judge and a partner, and send a visitor to sign in", async () => {
    for (const path of ["/admin/follow-on", "/admin/follow-on/schedule"]) {
      for (const cookie of [judge, investor]) expect((await demo.get(path, { cookie })).status, path).toBe(403);
      const visitor = await demo.get(path);
      expect(visitor.status).toBe(302);
      expect(visitor.headers.get("location")).toContain("/login");
      const post = await demo.post(path, new URLSearchParams({ intent: "undo" }), { cookie: investor });
      expect(post.status, path).toBe(403);
    }
  });

  it("show an organizer the settings with the requests by state, and the schedule's numbers", async () => {
    const page = await demo.get("/admin/follow-on", { cookie: organizer, lang: "en" });
    expect(page.status).toBe(200);
    const html = await page.text();
    const accepted = demo.count("SELECT count(*) n FROM meeting_requests WHERE state = 'accepted'");
    expect(html).toContain(`data-state="accepted">${accepted}<`);
    expect(html).toContain('href="/admin/follow-on/outcomes"');
    const schedule = await demo.get("/admin/follow-on/schedule", { cookie: organizer, lang: "en" });
    expect(schedule.status).toBe(200);
    expect(await schedule.text()).toContain('data-number="meetings"');
  });

  it("answer a bad settings form with 400 and each message at its field, saving nothing", async () => {
    const before = settingsRow();
    const round = demo.query<{ id: number }>("SELECT needs_round_id AS id FROM follow_on_settings")[0]!.id;
    const body = new URLSearchParams({
      needsRoundId: String(round),
      capPerPartner: "20",
      capPerEntryPerKind: "5",
      days: "2027-03-19\n2027-02-30",
      dayStarts: "09:00",
      dayEnds: "18:00",
      slotMinutes: "20",
      tables: "0",
      finalStartsAt: "2027-04-02T14:00",
      pitchMinutes: "10",
    });
    const res = await demo.post("/admin/follow-on?index", body, { cookie: organizer, lang: "en" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorAt(html, "days")).toBe("This is not a real date (YYYY-MM-DD).");
    expect(errorAt(html, "tables")).toBe("Between 1 and 500 tables.");
    expect(errorAt(html, "dayStarts")).toBeNull();
    expect(settingsRow()).toEqual(before);

    body.set("days", "2027-03-19");
    body.set("tables", "40");
    const outside = await demo.post("/admin/follow-on?index", body, { cookie: organizer, lang: "en" });
    expect(outside.status).toBe(400);
    expect(errorAt(await outside.text(), "finalStartsAt")).toBe(
      "The final&#x27;s first pitch must be on one of the forum days.",
    );
    expect(settingsRow()).toEqual(before);
  });

  it("saves a good settings form", async () => {
    const round = demo.query<{ id: number }>("SELECT needs_round_id AS id FROM follow_on_settings")[0]!.id;
    const body = new URLSearchParams({
      needsRoundId: String(round),
      capPerPartner: "18",
      capPerEntryPerKind: "5",
      days: "2027-03-19\n2027-03-20\n2027-03-21",
      dayStarts: "09:00",
      dayEnds: "18:00",
      slotMinutes: "20",
      tables: "40",
      finalStartsAt: "2027-03-19T14:00",
      pitchMinutes: "10",
    });
    const res = await demo.post("/admin/follow-on?index", body, { cookie: organizer, lang: "en" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Settings saved.");
    expect(settingsRow()).toMatchObject({ cap_per_partner: 18, final_starts_at: "2027-03-19T06:00:00.000Z" });
  });
  it("confirms the numbers the organizer saw, and answers 409 to numbers that no longer hold", async () => {
    const page = await (await demo.get("/admin/follow-on/schedule", { cookie: organizer, lang: "en" })).text();
    const fingerprint = /name="fingerprint" value="([0-9a-f]+)"/.exec(page)![1]!;
    const stale = await demo.post(
      "/admin/follow-on/schedule",
      new URLSearchParams({ intent: "confirm", fingerprint: "0".repeat(32) }),
      { cookie: organizer, lang: "en" },
    );
    expect(stale.status).toBe(409);
    expect(demo.count("SELECT count(*) n FROM meeting_placements")).toBe(0);
    const res = await demo.post("/admin/follow-on/schedule", new URLSearchParams({ intent: "confirm", fingerprint }), {
      cookie: organizer,
      lang: "en",
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Schedule written");
    expect(demo.count("SELECT count(*) n FROM meeting_placements WHERE starts_at IS NOT NULL")).toBeGreaterThan(100);
  });
});
