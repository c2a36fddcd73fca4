// Meeting requests as partners and entrants rely on them: only consenting entries can be seen or
// asked, the organizers' caps hold, a withdrawn request cannot be accepted, and nobody reads another
// partner's requests.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { addPartner, demoRound, entriesInRound, giveNeeds, openFollowOn } from "../support/follow-on";
import { servicesForThisFile } from "../support/services";

const h = servicesForThisFile("demo");
let investor: SessionUser;
let rival: SessionUser;
let entries: { id: number; entrantUserId: number | null }[];
let competitionId: number;

const entrant = (userId: number): SessionUser => ({
  id: userId,
  email: "",
  displayName: "",
  locale: "en",
  roles: ["entrant"],
});
const count = (sql: string, ...p: unknown[]) => h.one<{ n: number }>(sql, ...p).n;

beforeAll(async () => {
  const r = demoRound(h.db.sqlite, "final");
  competitionId = r.competitionId;
  openFollowOn(h.db.sqlite, competitionId, r.roundId, { capPerPartner: 2, capPerEntryPerKind: 5 });
  // Each of the first five entries gets its own entrant account, as claimed entries have.
  entries = entriesInRound(h.db.sqlite, r.roundId)
    .slice(0, 5)
    .map((e, i) => {
      const userId = Number(
        h.db.sqlite
          .prepare("INSERT INTO users (email, password_hash, display_name) VALUES (?, '!no-password', ?)")
          .run(`entrant${i}@req.test`, `Entrant ${i}`).lastInsertRowid,
      );
      h.db.sqlite.prepare("UPDATE entries SET entrant_user_id = ? WHERE id = ?").run(userId, e.id);
      return { id: e.id, entrantUserId: userId };
    });
  for (const [i, e] of entries.slice(0, 4).entries())
    giveNeeds(h.db.sqlite, e.id, { financing: { amountWan: 500 + i, stage: "A" } });
  giveNeeds(h.db.sqlite, entries[4]!.id, { consent: false, financing: { amountWan: 500, stage: "A" } });
  // These entries start with no requests: the demo's seeded ones would take places under the caps.
  const ids = entries.map((e) => e.id).join(",");
  h.db.sqlite
    .exec(`DELETE FROM meeting_outcomes WHERE request_id IN (SELECT id FROM meeting_requests WHERE entry_id IN (${ids}));
    DELETE FROM meeting_placements WHERE request_id IN (SELECT id FROM meeting_requests WHERE entry_id IN (${ids}));
    DELETE FROM meeting_requests WHERE entry_id IN (${ids});`);
  investor = (await addPartner(h.db.sqlite, competitionId, { kind: "investor", email: "inv@req.test" })).user;
  rival = (await addPartner(h.db.sqlite, competitionId, { kind: "investor", email: "rival@req.test" })).user;
});

describe("meeting requests", () => {
  it("lists only consenting entries to a partner and answers 'no such entry' for the others", async () => {
    const list = await h.services.matching.entriesForPartner(investor, {});
    if (!list.ok) throw new Error(list.code);
    const shown = JSON.stringify(list);
    const hidden = h.one<{ code: string }>("SELECT code FROM entries WHERE id = ?", entries[4]!.id).code;
    expect(shown).not.toContain(`"${hidden}"`);
    const page = await h.services.matching.partnerEntry(investor, hidden);
    expect(page).toMatchObject({ ok: false, kind: "not_found" });
    const ask = await h.services.matching.requestFromPartner(investor, entries[4]!.id);
    expect(ask).toMatchObject({ ok: false, kind: "not_found" });
  });

  it("refuses a partner's request over its cap, with the cap, and frees the place when one is declined", async () => {
    const ids: number[] = [];
    for (const e of entries.slice(0, 2)) {
      const sent = await h.services.matching.requestFromPartner(investor, e.id, "Shall we meet?");
      expect(sent.ok).toBe(true);
    }
    const before = count("SELECT count(*) n FROM meeting_requests");
    const over = await h.services.matching.requestFromPartner(investor, entries[2]!.id);
    expect(over).toMatchObject({ ok: false, code: "matching.refusal.partnerCapReached", params: { cap: 2 } });
    expect(count("SELECT count(*) n FROM meeting_requests")).toBe(before);

    const first = h.one<{ id: number }>("SELECT id FROM meeting_requests WHERE entry_id = ?", entries[0]!.id);
    ids.push(first.id);
    const declined = await h.services.matching.actOnRequest(
      entrant(entries[0]!.entrantUserId!),
      { as: "entry", entryId: entries[0]!.id },
      first.id,
      "decline",
    );
    expect(declined.ok).toBe(true);
    expect((await h.services.matching.requestFromPartner(investor, entries[2]!.id)).ok).toBe(true);
  });

  it("refuses to accept a withdrawn request and changes nothing", async () => {
    const req = h.one<{ id: number }>(
      "SELECT id FROM meeting_requests WHERE entry_id = ? AND state = 'pending'",
      entries[1]!.id,
    );
    expect((await h.services.matching.actOnRequest(investor, { as: "partner" }, req.id, "withdraw")).ok).toBe(true);
    const accept = await h.services.matching.actOnRequest(
      entrant(entries[1]!.entrantUserId!),
      { as: "entry", entryId: entries[1]!.id },
      req.id,
      "accept",
    );
    expect(accept).toMatchObject({ ok: false, code: "matching.refusal.requestWithdrawn" });
    expect(h.one<{ state: string }>("SELECT state FROM meeting_requests WHERE id = ?", req.id).state).toBe("withdrawn");
  });

  it("never shows a partner another partner's requests, nor lets it act on them", async () => {
    const mine = await h.services.matching.requestsOfPartner(investor);
    const theirs = await h.services.matching.requestsOfPartner(rival);
    if (!mine.ok || !theirs.ok) throw new Error("refused");
    expect(mine.requests.length).toBeGreaterThan(0);
    expect(theirs.requests).toEqual([]);
    const someone = mine.requests[0]!;
    const act = await h.services.matching.actOnRequest(rival, { as: "partner" }, someone.id, "withdraw");
    expect(act).toMatchObject({ ok: false, kind: "not_found" });
    expect(await h.services.matching.allRequests(rival, competitionId)).toMatchObject({ ok: false });
    const all = await h.services.matching.allRequests(h.organizer, competitionId);
    // The organizers see every request of the edition, this partner's among them.
    const ofMine = all.ok ? all.requests.filter((r) => r.partnerId === someone.partnerId) : [];
    expect(ofMine.map((r) => r.id).sort()).toEqual(mine.requests.map((r) => r.id).sort());
  });

  it("lets an entrant act only on their own entry's requests", async () => {
    const req = h.one<{ id: number }>(
      "SELECT id FROM meeting_requests WHERE entry_id = ? AND state = 'pending'",
      entries[2]!.id,
    );
    const stranger = entrant(entries[3]!.entrantUserId!);
    const act = await h.services.matching.actOnRequest(
      stranger,
      { as: "entry", entryId: entries[2]!.id },
      req.id,
      "accept",
    );
    expect(act.ok).toBe(false);
    const own = await h.services.matching.actOnRequest(
      stranger,
      { as: "entry", entryId: entries[3]!.id },
      req.id,
      "accept",
    );
    expect(own.ok).toBe(false);
    expect(h.one<{ state: string }>("SELECT state FROM meeting_requests WHERE id = ?", req.id).state).toBe("pending");
  });
  it("holds a partner's cap when many requests arrive at once: exactly the cap's number get through", async () => {
    const rush = (await addPartner(h.db.sqlite, competitionId, { kind: "investor", email: "rush@req.test" })).user;
    h.db.sqlite
      .prepare("UPDATE follow_on_settings SET cap_per_partner = 2 WHERE competition_id = ?")
      .run(competitionId);
    const answers = await Promise.all(
      entries.slice(0, 4).map((e) => h.services.matching.requestFromPartner(rush, e.id, "All at once")),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(2);
    for (const refused of answers.filter((a) => !a.ok))
      expect(refused).toMatchObject({ code: "matching.refusal.partnerCapReached", params: { cap: 2 } });
    const partnerId = h.one<{ partner_id: number }>(
      "SELECT partner_id FROM partner_people WHERE user_id = ?",
      rush.id,
    ).partner_id;
    expect(count("SELECT count(*) n FROM meeting_requests WHERE partner_id = ?", partnerId)).toBe(2);
  });
});
