// The mail of meeting requests, as the outbox holds it after each step: a request sent writes one
// message per person of the receiving side in that person's language, with the link to where they
// answer; an answer writes to the sending side; a request refused over the cap writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { addPartner, demoRound, entriesInRound, giveNeeds, openFollowOn } from "../support/follow-on";
import { servicesForThisFile } from "../support/services";

const h = servicesForThisFile("demo");
type Row = { to_address: string; locale: string; subject: string; text_body: string; to_user_id: number | null };

let investor: SessionUser;
let investorId = 0;
let park: SessionUser;
let parkId = 0;
let entryA = 0;
let entryB = 0;
let entrantA: SessionUser;
let entrantB: SessionUser;

const outbox = (kind: string, needle: string) =>
  h.all<Row>(
    "SELECT to_address, locale, subject, text_body, to_user_id FROM outbox WHERE kind = ? AND text_body LIKE ? ORDER BY to_address",
    kind,
    `%${needle}%`,
  );
const allMessages = () => h.one<{ n: number }>("SELECT count(*) n FROM outbox").n;

function account(email: string, locale: string): number {
  return Number(
    h.db.sqlite
      .prepare("INSERT INTO users (email, password_hash, display_name, locale) VALUES (?, '!no-password', ?, ?)")
      .run(email, email.split("@")[0], locale).lastInsertRowid,
  );
}
const asEntrant = (id: number, email: string): SessionUser => ({
  id,
  email,
  displayName: "",
  locale: "en",
  roles: ["entrant"],
});

beforeAll(async () => {
  const r = demoRound(h.db.sqlite, "final");
  openFollowOn(h.db.sqlite, r.competitionId, r.roundId, { capPerPartner: 1, capPerEntryPerKind: 5 });
  const [a, b] = entriesInRound(h.db.sqlite, r.roundId);
  entryA = a!.id;
  entryB = b!.id;
  // Both entries start without requests (the demo's would take places under the caps).
  h.db.sqlite
    .exec(`DELETE FROM meeting_outcomes WHERE request_id IN (SELECT id FROM meeting_requests WHERE entry_id IN (${entryA}, ${entryB}));
    DELETE FROM meeting_placements WHERE request_id IN (SELECT id FROM meeting_requests WHERE entry_id IN (${entryA}, ${entryB}));
    DELETE FROM meeting_requests WHERE entry_id IN (${entryA}, ${entryB});`);
  for (const id of [entryA, entryB]) giveNeeds(h.db.sqlite, id, { financing: { amountWan: 600, stage: "A" } });
  // Entry A: a Chinese-reading entrant who is also listed as a member, a member with an English
  // account, a member with no account (reads as the entrant does) and one without an address.
  const a1 = account("lead@mail-a.test", "zh-Hans");
  account("member@mail-a.test", "en");
  entrantA = asEntrant(a1, "lead@mail-a.test");
  h.db.sqlite.prepare("UPDATE entries SET entrant_user_id = ? WHERE id = ?").run(a1, entryA);
  h.db.sqlite.prepare("DELETE FROM team_members WHERE entry_id = ?").run(entryA);
  const member = h.db.sqlite.prepare(
    "INSERT INTO team_members (entry_id, position, name, role, email) VALUES (?, ?, ?, 'Engineer', ?)",
  );
  member.run(entryA, 1, "Lead", "LEAD@mail-a.test");
  member.run(entryA, 2, "Member", "member@mail-a.test");
  member.run(entryA, 3, "Guest", "guest@mail-a.test");
  member.run(entryA, 4, "Quiet", null);
  const b1 = account("lead@mail-b.test", "en");
  entrantB = asEntrant(b1, "lead@mail-b.test");
  h.db.sqlite.prepare("UPDATE entries SET entrant_user_id = ? WHERE id = ?").run(b1, entryB);
  h.db.sqlite.prepare("DELETE FROM team_members WHERE entry_id = ?").run(entryB);

  const inv = await addPartner(h.db.sqlite, r.competitionId, {
    kind: "investor",
    email: "one@mail-inv.test",
    nameEn: "Mail Ventures",
    nameZh: "邮件创投",
  });
  investor = inv.user;
  investorId = inv.partnerId;
  // A second person of the investor, who reads Chinese.
  const second = account("two@mail-inv.test", "zh-Hans");
  h.db.sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'partner')").run(second);
  h.db.sqlite.prepare("INSERT INTO partner_people (partner_id, user_id) VALUES (?, ?)").run(investorId, second);
  const p = await addPartner(h.db.sqlite, r.competitionId, { kind: "park", email: "one@mail-park.test" });
  park = p.user;
  parkId = p.partnerId;
  // The fixture's people read the database's default language; these two read English.
  h.db.sqlite.prepare("UPDATE users SET locale = 'en' WHERE id IN (?, ?)").run(inv.userId, p.userId);
});

describe("meeting request mail", () => {
  it("writes one message per person of the entry's side, in each one's language, when a partner asks", async () => {
    const sent = await h.services.matching.requestFromPartner(investor, entryA, "Coffee at the forum?");
    if (!sent.ok) throw new Error(sent.code);
    const rows = outbox("meeting_request.received", `/me/entries/${entryA}/follow-on`);
    expect(rows.map((r) => [r.to_address.toLowerCase(), r.locale])).toEqual([
      ["guest@mail-a.test", "zh-Hans"],
      ["lead@mail-a.test", "zh-Hans"],
      ["member@mail-a.test", "en"],
    ]);
    const lead = rows.find((r) => r.to_address === "lead@mail-a.test")!;
    expect(lead.to_user_id).toBe(entrantA.id);
    expect(lead.subject).toContain("邮件创投");
    expect(lead.text_body).toContain("Coffee at the forum?");
    expect(rows.find((r) => r.locale === "en")!.subject).toContain("Meeting request from Mail Ventures");
  });

  it("writes to the partner's people when the entrant accepts, and nothing more to the entry", async () => {
    const request = h.one<{ id: number }>(
      "SELECT id FROM meeting_requests WHERE partner_id = ? AND entry_id = ?",
      investorId,
      entryA,
    );
    const before = allMessages();
    const accepted = await h.services.matching.actOnRequest(
      entrantA,
      { as: "entry", entryId: entryA },
      request.id,
      "accept",
    );
    if (!accepted.ok) throw new Error(accepted.code);
    const rows = outbox("meeting_request.answered", "/partner/requests");
    expect(rows.map((r) => [r.to_address, r.locale])).toEqual([
      ["one@mail-inv.test", "en"],
      ["two@mail-inv.test", "zh-Hans"],
    ]);
    expect(rows[0]!.subject).toContain("accepted your meeting request");
    expect(rows[1]!.subject).toContain("接受了您的会面请求");
    expect(allMessages()).toBe(before + 2);
  });

  it("writes nothing when a request is refused over the partner's cap", async () => {
    const before = allMessages();
    const over = await h.services.matching.requestFromPartner(investor, entryB);
    expect(over).toMatchObject({ ok: false, code: "matching.refusal.partnerCapReached" });
    expect(allMessages()).toBe(before);
    expect(h.one<{ n: number }>("SELECT count(*) n FROM meeting_requests WHERE entry_id = ?", entryB).n).toBe(0);
  });

  it("writes to the partner when an entry asks, and to the entrant when the partner declines", async () => {
    const sent = await h.services.matching.requestFromEntry(entrantB, entryB, parkId);
    if (!sent.ok) throw new Error(sent.code);
    const received = outbox("meeting_request.received", "/partner/requests").filter((r) =>
      r.to_address.endsWith("@mail-park.test"),
    );
    expect(received.map((r) => [r.to_address, r.locale])).toEqual([["one@mail-park.test", "en"]]);
    const declined = await h.services.matching.actOnRequest(park, { as: "partner" }, sent.id, "decline");
    if (!declined.ok) throw new Error(declined.code);
    const answered = outbox("meeting_request.answered", `/me/entries/${entryB}/follow-on`);
    expect(answered.map((r) => [r.to_address, r.locale])).toEqual([["lead@mail-b.test", "en"]]);
    expect(answered[0]!.subject).toContain("declined your meeting request");
  });

  it("writes nothing when the sender withdraws", async () => {
    const sent = await h.services.matching.requestFromEntry(entrantA, entryA, parkId);
    if (!sent.ok) throw new Error(sent.code);
    const before = allMessages();
    const withdrawn = await h.services.matching.actOnRequest(
      entrantA,
      { as: "entry", entryId: entryA },
      sent.id,
      "withdraw",
    );
    if (!withdrawn.ok) throw new Error(withdrawn.code);
    expect(allMessages()).toBe(before);
  });
});
