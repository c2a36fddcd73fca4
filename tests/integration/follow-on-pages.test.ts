// The follow-on pages through the real server: a partner signs in and sees the ranked list, an
// entry and its deck (each opening logged); an entry that did not consent answers 404 on every page
// and data route; the entrant states needs and sees partners on the entry's follow-on page.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { addPartner, demoRound, entriesInRound, giveNeeds, openFollowOn } from "../support/follow-on";
import { demoServerForThisFile } from "../support/demo-server";
import { tinyPdf } from "../support/tiny-pdf";

const demo = demoServerForThisFile();
let partnerCookie = "";
let rivalCookie = "";
let shown: { id: number; code: string };
let partnerId = 0;
let hidden: { id: number; code: string };

beforeAll(async () => {
  const sqlite = new Database(demo.dbFile);
  sqlite.pragma("busy_timeout = 5000");
  const { competitionId, roundId } = demoRound(sqlite, "final");
  openFollowOn(sqlite, competitionId, roundId);
  const [a, b] = entriesInRound(sqlite, roundId);
  const code = (id: number) =>
    (sqlite.prepare("SELECT code FROM entries WHERE id = ?").get(id) as { code: string }).code;
  shown = { id: a!.id, code: code(a!.id) };
  hidden = { id: b!.id, code: code(b!.id) };
  giveNeeds(sqlite, shown.id, { financing: { amountWan: 800, stage: "A" } });
  giveNeeds(sqlite, hidden.id, { consent: false, financing: { amountWan: 800, stage: "A" } });
  const entrant = sqlite.prepare("SELECT id FROM users WHERE email = 'entrant@frontier.demo'").get() as { id: number };
  sqlite.prepare("UPDATE entries SET entrant_user_id = ? WHERE id = ?").run(entrant.id, shown.id);
  const p = await addPartner(sqlite, competitionId, {
    kind: "investor",
    email: "pages@inv.test",
    nameEn: "Pages Ventures",
  });
  const r = await addPartner(sqlite, competitionId, {
    kind: "investor",
    email: "rival@inv.test",
    nameEn: "Rival Capital",
  });
  partnerId = p.partnerId;
  sqlite.close();
  partnerCookie = await demo.signIn("pages@inv.test", p.password);
  rivalCookie = await demo.signIn("rival@inv.test", r.password);
});

describe("follow-on pages", () => {
  it("shows a partner the consenting entry in its list, with the entry's page", async () => {
    const list = await demo.get("/partner", { cookie: partnerCookie });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain(shown.code);
    expect(html).not.toContain(hidden.code);
    const page = await demo.get(`/partner/entries/${shown.code}`, { cookie: partnerCookie });
    expect(page.status).toBe(200);
  });

  it("answers 404 for an entry that did not consent, on its page, its data and its deck", async () => {
    for (const path of [
      `/partner/entries/${hidden.code}`,
      `/partner/entries/${hidden.code}?_data=routes%2Fpartner.entries.%24code`,
      `/partner/entries/${hidden.code}/deck`,
    ]) {
      const res = await demo.get(path, { cookie: partnerCookie });
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain("800");
    }
    expect(demo.count("SELECT count(*) n FROM partner_deck_views WHERE entry_id = ?", hidden.id)).toBe(0);
  });

  it("keeps the partner pages from anyone who is not a partner", async () => {
    const judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    for (const path of ["/partner", "/partner/requests", `/partner/entries/${shown.code}`]) {
      const res = await demo.get(path, { cookie: judge });
      expect([403, 404], path).toContain(res.status);
    }
  });

  it("sends a request from the list and shows it to its partner only", async () => {
    const form = new URLSearchParams({ form: "request", entryId: String(shown.id), message: "Coffee?" });
    const res = await demo.post("/partner", form, { cookie: partnerCookie });
    expect(res.status).toBeLessThan(400);
    expect(
      demo.count(
        "SELECT count(*) n FROM meeting_requests WHERE entry_id = ? AND partner_id = ? AND state = 'pending'",
        shown.id,
        partnerId,
      ),
    ).toBe(1);
    expect(await (await demo.get("/partner/requests", { cookie: partnerCookie })).text()).toContain("Coffee?");
    expect(await (await demo.get("/partner/requests", { cookie: rivalCookie })).text()).not.toContain("Coffee?");
  });

  it("gives the entrant the follow-on page with the needs form and the partners that fit", async () => {
    const entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    const res = await demo.get(`/me/entries/${shown.id}/follow-on`, { cookie: entrant });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Pages Ventures");
    expect(html).toContain("Coffee?");
  });
  it("serves a consenting entry's real deck to a partner and logs every opening with who and which deck", async () => {
    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const pdf = tinyPdf("follow-on deck");
    const body = new FormData();
    body.set("deck", new Blob([pdf], { type: "application/pdf" }), "follow-on.pdf");
    const upload = await demo.post(`/admin/entries/${shown.id}/deck`, body, { cookie: organizer });
    expect(upload.status).toBeLessThan(400);
    const deckId = demo.query<{ id: number }>(
      "SELECT id FROM entry_decks WHERE entry_id = ? AND replaced_at IS NULL",
      shown.id,
    )[0]!.id;
    const views = () =>
      demo.query<{ partner_id: number; deck_id: number }>(
        "SELECT partner_id, deck_id FROM partner_deck_views WHERE entry_id = ? ORDER BY id",
        shown.id,
      );
    const before = views().length;
    for (let i = 0; i < 2; i++) {
      const res = await demo.get(`/partner/entries/${shown.code}/deck`, { cookie: partnerCookie });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("application/pdf");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
    }
    expect(views().slice(before)).toEqual([
      { partner_id: partnerId, deck_id: deckId },
      { partner_id: partnerId, deck_id: deckId },
    ]);
  });
});
