import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-accounts";
import { seedDemo } from "../../db/seed/seed.server";
import { verifyPassword } from "../../app/services/passwords.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { rankEntriesFor } from "../../app/domain/partner-matching";
import { consentingEntryProfiles, partnerProfiles } from "../../app/services/follow-on/profiles.server";

let db: TestDatabase;
const all = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T;

beforeAll(() => {
  db = createTestDatabase("demo");
});
afterAll(() => db.remove());

describe("the demo competition", () => {
  it("has 8 groups: four in mainland China and four overseas, each with its eligibility", () => {
    const groups = all<{ code: string; region: string; eligible_countries: string }>(
      "SELECT code, region, eligible_countries FROM groups ORDER BY sort_order",
    );
    expect(groups.map((g) => g.code)).toEqual(["BJ", "YRD", "SC", "CW", "NA", "EU", "AS", "HMT"]);
    expect(groups.filter((g) => g.region === "domestic").every((g) => g.eligible_countries === '["CN"]')).toBe(true);
    expect(JSON.parse(groups.find((g) => g.code === "HMT")!.eligible_countries)).toEqual(["HK", "MO", "TW"]);
  });

  it("has at least 10 frontier tracks named in Chinese and English", () => {
    const tracks = all<{ name_zh: string; name_en: string }>("SELECT name_zh, name_en FROM tracks");
    expect(tracks.length).toBeGreaterThanOrEqual(10);
    for (const t of tracks) {
      expect(t.name_zh).toMatch(/\p{Script=Han}/u);
      expect(t.name_en).toMatch(/^[A-Z0-9][A-Za-z0-9 &-]+$/);
    }
    expect(tracks.map((t) => t.name_en)).toEqual(
      expect.arrayContaining(["Quantum Information", "Brain-Computer Interfaces", "Synthetic Biology"]),
    );
  });

  it("has about 3,100 entries from 75 countries and regions, over 40% from outside mainland China", () => {
    const { n, countries, international } = one<{ n: number; countries: number; international: number }>(
      "SELECT count(*) n, count(DISTINCT country) countries, sum(country <> 'CN') international FROM entries",
    );
    expect(n).toBeGreaterThanOrEqual(3000);
    expect(n).toBeLessThanOrEqual(3200);
    expect(countries).toBe(75);
    expect(international / n).toBeGreaterThan(0.4);
  });

  it("respects every group's eligibility rule for every entry", () => {
    const bad = one<{ n: number }>(
      `SELECT count(*) n FROM entries e JOIN groups g ON g.id = e.group_id
       WHERE NOT EXISTS (SELECT 1 FROM json_each(g.eligible_countries) c WHERE c.value = e.country)`,
    );
    expect(bad.n).toBe(0);
  });

  it("gives entries bilingual titles and summaries, a team and a unique code", () => {
    const missing = one<{ n: number }>(
      "SELECT count(*) n FROM entries WHERE title_zh IS NULL OR title_en IS NULL OR summary_zh IS NULL OR summary_en IS NULL OR title_en LIKE '%{%'",
    );
    expect(missing.n).toBe(0);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM entries e WHERE NOT EXISTS (SELECT 1 FROM team_members m WHERE m.entry_id = e.id)",
      ).n,
    ).toBe(0);
    const text = all<{ t: string }>("SELECT title_en || summary_en t FROM entries").map((r) => r.t.toLowerCase());
    expect(text.some((t) => t.includes("lorem") || t.includes("ipsum"))).toBe(false);
    expect(
      all<{ code: string }>("SELECT code FROM entries").every((e) => /^[A-Z]{2,3}-[A-Z0-9]{2,3}-\d{4}$/.test(e.code)),
    ).toBe(true);
  });
});

describe("the demo's judges and accounts", () => {
  it("has about 150 judges with expertise, affiliations, countries and some declared conflicts", () => {
    const judges = one<{ n: number; countries: number }>(
      "SELECT count(*) n, count(DISTINCT country) countries FROM judges",
    );
    expect(judges.n).toBe(150);
    expect(judges.countries).toBeGreaterThan(5);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM judges j WHERE NOT EXISTS (SELECT 1 FROM judge_expertise x WHERE x.judge_id = j.id)",
      ).n,
    ).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) n FROM judge_conflicts").n).toBeGreaterThan(5);
  });

  it("never assigns a judge an entry they declared a conflict with or whose organization is theirs", () => {
    const conflicted = one<{ n: number }>(
      `SELECT count(*) n FROM assignments a JOIN entries e ON e.id = a.entry_id JOIN judges j ON j.id = a.judge_id
       WHERE j.affiliation = e.organization
          OR EXISTS (SELECT 1 FROM judge_conflicts c WHERE c.judge_id = j.id AND c.status = 'confirmed'
                     AND (c.entry_id = e.id OR c.organization = e.organization))`,
    );
    expect(conflicted.n).toBe(0);
  });

  it("lets the printed demo accounts (organizer, judge, entrant, three partners) sign in with their passwords, hashed with scrypt", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = one<{ password_hash: string; role: string }>(
        "SELECT u.password_hash, r.role FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.email = ?",
        account.email,
      );
      expect(user.role).toBe(account.role);
      expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await verifyPassword(account.password, user.password_hash)).toBe(true);
      expect(await verifyPassword(account.password + "x", user.password_hash)).toBe(false);
    }
  });
});

describe("the demo's regional round", () => {
  it("scores every regional entry by 5 judges, each score submitted with all 5 criteria", () => {
    const round = one<{ id: number; status: string; scope: string }>(
      "SELECT id, status, scope FROM rounds WHERE slug = 'regional'",
    );
    expect(round).toMatchObject({ status: "published", scope: "group" });
    expect(one<{ n: number }>("SELECT count(*) n FROM criteria WHERE round_id = ?", round.id).n).toBe(5);
    expect(one<{ w: number }>("SELECT sum(weight_bp) w FROM criteria WHERE round_id = ?", round.id).w).toBe(10000);
    const counts = all<{ scores: number; marks: number }>(
      `SELECT (SELECT count(*) FROM scores s WHERE s.round_id = re.round_id AND s.entry_id = re.entry_id AND s.status = 'submitted') scores,
              (SELECT count(*) FROM scores s JOIN score_marks m ON m.score_id = s.id WHERE s.round_id = re.round_id AND s.entry_id = re.entry_id) marks
       FROM round_entries re WHERE re.round_id = ?`,
      round.id,
    );
    expect(counts.length).toBeGreaterThan(3000);
    expect(counts.every((c) => c.scores === 5 && c.marks === 25)).toBe(true);
  });

  it("stores regional results equal to an independent recomputation from the marks", () => {
    // Independent arithmetic: weighted marks as integers (thousandths × basis points), drop the
    // highest and the lowest, mean of the three left, rounded half-up to 2 decimals.
    const rows = all<{ entry_id: number; w: number }>(
      `SELECT s.entry_id, sum(m.mark_milli * c.weight_bp) w FROM scores s
       JOIN score_marks m ON m.score_id = s.id JOIN criteria c ON c.id = m.criterion_id
       JOIN rounds r ON r.id = s.round_id WHERE r.slug = 'regional' AND s.status = 'submitted' GROUP BY s.id`,
    );
    const byEntry = new Map<number, bigint[]>();
    for (const r of rows) byEntry.set(r.entry_id, [...(byEntry.get(r.entry_id) ?? []), BigInt(r.w)]);
    const stored = new Map(
      all<{ entry_id: number; result: string }>(
        "SELECT entry_id, result FROM results r JOIN rounds x ON x.id = r.round_id WHERE x.slug = 'regional'",
      ).map((r) => [r.entry_id, r.result]),
    );
    expect(stored.size).toBe(byEntry.size);
    for (const [entry, marks] of byEntry) {
      const kept = [...marks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(1, -1);
      const sum = kept.reduce((s, x) => s + x, 0n);
      // value = sum / 3 / 10^7; to 2 decimals: sum × 100 / (3 × 10^7), half-up.
      const den = 3n * 10_000_000n;
      const scaled = sum * 100n;
      const q = scaled / den + (2n * (scaled % den) >= den ? 1n : 0n);
      const expected = `${q / 100n}.${String(q % 100n).padStart(2, "0")}`;
      expect(stored.get(entry), `entry ${entry}`).toBe(expected);
    }
  });

  it("ranks each group best first with shared ranks only for equal results, and advances its top 80", () => {
    const rows = all<{ unit: string; rank: number; result: string; state: string }>(
      `SELECT r.unit, r.rank, r.result, re.state FROM results r JOIN rounds x ON x.id = r.round_id
       JOIN round_entries re ON re.round_id = r.round_id AND re.entry_id = r.entry_id
       WHERE x.slug = 'regional' ORDER BY r.unit, r.rank`,
    );
    const units = new Map<string, typeof rows>();
    for (const r of rows) units.set(r.unit, [...(units.get(r.unit) ?? []), r]);
    expect(units.size).toBe(8);
    for (const list of units.values()) {
      expect(list[0]!.rank).toBe(1);
      list.forEach((r, i) => {
        if (i === 0) return;
        const prev = list[i - 1]!;
        expect(Number(r.result)).toBeLessThanOrEqual(Number(prev.result));
        expect(r.rank === prev.rank || r.rank === i + 1).toBe(true);
        if (r.rank === prev.rank) expect(r.result).toBe(prev.result);
        expect(r.state).toBe(r.rank <= 80 ? "advanced" : "eliminated");
      });
    }
  });
});

describe("the demo's later rounds, and the same data on every machine", () => {
  it("has an open domain round ranked per track with about half of its scores in", () => {
    const round = one<{ id: number; status: string; scope: string }>(
      "SELECT id, status, scope FROM rounds WHERE slug = 'domain'",
    );
    expect(round).toMatchObject({ status: "open", scope: "track" });
    const { assigned, submitted } = one<{ assigned: number; submitted: number }>(
      `SELECT (SELECT count(*) FROM assignments WHERE round_id = ?) assigned,
              (SELECT count(*) FROM scores WHERE round_id = ? AND status = 'submitted') submitted`,
      round.id,
      round.id,
    );
    expect(submitted / assigned).toBeGreaterThan(0.4);
    expect(submitted / assigned).toBeLessThan(0.6);
    // Only entries that advanced from the regional round are in it.
    expect(
      one<{ n: number }>(
        `SELECT count(*) n FROM round_entries d JOIN rounds r ON r.id = d.round_id AND r.slug = 'domain'
         WHERE NOT EXISTS (SELECT 1 FROM round_entries p JOIN rounds pr ON pr.id = p.round_id AND pr.slug = 'regional'
                           WHERE p.entry_id = d.entry_id AND p.state = 'advanced')`,
      ).n,
    ).toBe(0);
  });

  it("has a global final waiting to start: about 22 finalists, a panel of 9 judges, drop the highest and the lowest", () => {
    const round = one<{
      id: number;
      status: string;
      scope: string;
      drop_highest: number;
      drop_lowest: number;
      combine: string;
    }>("SELECT id, status, scope, drop_highest, drop_lowest, combine FROM rounds WHERE slug = 'final'");
    expect(round).toMatchObject({ status: "draft", scope: "all", drop_highest: 1, drop_lowest: 1, combine: "mean" });
    const finalists = all<{ entry_id: number; stage_order: number }>(
      "SELECT entry_id, stage_order FROM round_entries WHERE round_id = ? ORDER BY stage_order",
      round.id,
    );
    expect(finalists).toHaveLength(22);
    expect(finalists.map((f) => f.stage_order)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const panel = all<{ judge_id: number; n: number }>(
      "SELECT judge_id, count(*) n FROM assignments WHERE round_id = ? GROUP BY judge_id",
      round.id,
    );
    expect(panel).toHaveLength(9);
    expect(panel.every((p) => p.n === 22)).toBe(true);
    expect(one<{ n: number }>("SELECT count(*) n FROM scores WHERE round_id = ?", round.id).n).toBe(0);
  });

  it("is the same on every machine: seeding again from the fixed seed gives identical data", async () => {
    const digest = (handle: TestDatabase) =>
      handle.sqlite
        .prepare(
          `SELECT group_concat(x, '|') d FROM (
             SELECT e.code || e.title_en || e.organization || coalesce(r.result, '') || coalesce(r.rank, '') x
             FROM entries e LEFT JOIN results r ON r.entry_id = e.id ORDER BY e.code, r.round_id)`,
        )
        .pluck()
        .get() as string;
    const followOn = (handle: TestDatabase) =>
      handle.sqlite
        .prepare(
          `SELECT (SELECT group_concat(name_en || tracks || coalesce(ticket_min_wan, ''), '|') FROM partners)
             || (SELECT group_concat(entry_id || state || from_side, '|') FROM meeting_requests)`,
        )
        .pluck()
        .get() as string;
    const fresh = createTestDatabase("empty");
    try {
      await seedDemo(fresh, new Date("2026-11-24T08:00:00.000Z"));
      expect(digest(fresh)).toBe(digest(db));
      expect(followOn(fresh)).toBe(followOn(db));
    } finally {
      await fresh.remove();
    }
  });
});

describe("the demo's follow-on services", () => {
  const settings = () =>
    one<{ needs_round_id: number; cap_per_partner: number; cap_per_entry_per_kind: number; competition_id: number }>(
      "SELECT * FROM follow_on_settings",
    );

  it("asks the domain round's entries their needs, with caps of 20 per partner and 5 per entry per kind, over a 3-day forum", () => {
    const s = one<Record<string, unknown>>(
      "SELECT s.*, r.slug FROM follow_on_settings s JOIN rounds r ON r.id = s.needs_round_id",
    );
    expect(s).toMatchObject({
      slug: "domain",
      cap_per_partner: 20,
      cap_per_entry_per_kind: 5,
      day_starts: "09:00",
      day_ends: "18:00",
      slot_minutes: 20,
      tables: 40,
      pitch_minutes: 10,
    });
    const days = JSON.parse(s.days as string) as string[];
    expect(days).toHaveLength(3);
    expect(days.map((d) => Date.parse(d) - Date.parse(days[0]!))).toEqual([0, 86_400_000, 2 * 86_400_000]);
    expect(days).toContain(new Date(String(s.final_starts_at)).toISOString().slice(0, 10));
  });

  it("has about 300 partners: 150 investors, 70 parks and incubators, 80 corporates, named and described in Chinese and English", () => {
    const kinds = Object.fromEntries(
      all<{ kind: string; n: number }>("SELECT kind, count(*) n FROM partners GROUP BY kind").map((k) => [k.kind, k.n]),
    );
    expect(kinds).toEqual({ investor: 150, park: 70, corporate: 80 });
    const partners = all<{ name_zh: string; name_en: string; about_zh: string; about_en: string }>(
      "SELECT name_zh, name_en, about_zh, about_en FROM partners",
    );
    for (const p of partners) {
      expect(p.name_zh).toMatch(/^[\p{Script=Han}]+$/u);
      expect(p.name_en).toMatch(/^[A-Z][A-Za-z' -]+$/);
      expect(p.about_zh).toMatch(/\p{Script=Han}/u);
      expect(p.about_en).toContain(p.name_en);
    }
    expect(new Set(partners.map((p) => p.name_en)).size).toBe(partners.length);
    expect(
      one<{ n: number }>(
        `SELECT count(*) n FROM partners WHERE (kind = 'investor' AND (ticket_min_wan IS NULL OR stages = '[]'))
           OR (kind = 'park' AND (city IS NULL OR area_m2 IS NULL OR support = '[]'))
           OR (kind = 'corporate' AND customer_kinds = '[]')`,
      ).n,
    ).toBe(0);
  });

  it("gives every partner one person with the partner role, and a password only to the three demo partners", () => {
    const people = all<{ partner_id: number; n: number; roles: string }>(
      `SELECT pp.partner_id, count(*) n, group_concat(r.role) roles FROM partner_people pp
       JOIN user_roles r ON r.user_id = pp.user_id GROUP BY pp.partner_id`,
    );
    expect(people).toHaveLength(300);
    expect(people.every((p) => p.n === 1 && p.roles === "partner")).toBe(true);
    const withPassword = all<{ email: string; kind: string }>(
      `SELECT u.email, p.kind FROM partner_people pp JOIN users u ON u.id = pp.user_id JOIN partners p ON p.id = pp.partner_id
       WHERE u.password_hash LIKE 'scrypt$%' ORDER BY p.id`,
    );
    expect(withPassword).toEqual([
      { email: "investor@frontier.demo", kind: "investor" },
      { email: "park@frontier.demo", kind: "park" },
      { email: "corporate@frontier.demo", kind: "corporate" },
    ]);
  });

  it("states the needs of the domain round's entries only; most consent, some do not, each asks for something", () => {
    const s = settings();
    const outside = one<{ n: number }>(
      "SELECT count(*) n FROM entry_needs n WHERE NOT EXISTS (SELECT 1 FROM round_entries re WHERE re.round_id = ? AND re.entry_id = n.entry_id)",
      s.needs_round_id,
    );
    expect(outside.n).toBe(0);
    const { n, consenting, none } = one<{ n: number; consenting: number; none: number }>(
      `SELECT count(*) n, sum(consented_at IS NOT NULL) consenting,
         sum(financing_stage IS NULL AND space_city IS NULL AND market_customer_kind IS NULL) none FROM entry_needs`,
    );
    expect(n).toBe(one<{ n: number }>("SELECT count(*) n FROM round_entries WHERE round_id = ?", s.needs_round_id).n);
    expect(consenting / n).toBeGreaterThan(0.75);
    expect(consenting / n).toBeLessThan(0.95);
    expect(none).toBe(0);
    // Home regions follow the group: mainland groups in mainland regions, overseas groups in theirs.
    expect(
      one<{ n: number }>(
        `SELECT count(*) n FROM entry_needs n JOIN entries e ON e.id = n.entry_id JOIN groups g ON g.id = e.group_id
         WHERE (g.region = 'domestic') <> (n.region LIKE 'CN-%') OR (g.region = 'overseas' AND n.region <> g.code)`,
      ).n,
    ).toBe(0);
  });

  it("has meeting requests in every state, only to consenting entries, within both caps", () => {
    const s = settings();
    const states = all<{ state: string }>("SELECT DISTINCT state FROM meeting_requests ORDER BY state").map(
      (r) => r.state,
    );
    expect(states).toEqual(["accepted", "declined", "pending", "withdrawn"]);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM meeting_requests m JOIN entry_needs n ON n.entry_id = m.entry_id WHERE n.consented_at IS NULL",
      ).n,
    ).toBe(0);
    const live = "state IN ('pending', 'accepted') AND from_side = 'partner'";
    const perPartner = one<{ most: number }>(
      `SELECT max(n) most FROM (SELECT count(*) n FROM meeting_requests WHERE ${live} GROUP BY partner_id)`,
    );
    expect(perPartner.most).toBeLessThanOrEqual(s.cap_per_partner);
    const perEntry = one<{ most: number }>(
      `SELECT max(n) most FROM (SELECT count(*) n FROM meeting_requests m JOIN partners p ON p.id = m.partner_id
       WHERE ${live} GROUP BY m.entry_id, p.kind)`,
    );
    expect(perEntry.most).toBeLessThanOrEqual(s.cap_per_entry_per_kind);
    expect(perEntry.most).toBeGreaterThan(1);
  });

  it("leaves the demo investor a fitting, consenting demo entrant's entry it has not asked yet", async () => {
    const s = settings();
    const investor = one<{ id: number }>(
      `SELECT p.id FROM partners p JOIN partner_people pp ON pp.partner_id = p.id JOIN users u ON u.id = pp.user_id
       WHERE u.email = 'investor@frontier.demo'`,
    );
    const mine = one<{ id: number }>(
      "SELECT e.id FROM entries e JOIN users u ON u.id = e.entrant_user_id WHERE u.email = 'entrant@frontier.demo'",
    );
    const partner = (await partnerProfiles(db.db, s.competition_id)).find((p) => p.row.id === investor.id)!;
    const entries = (await consentingEntryProfiles(db.db, s.competition_id)).map((e) => e.profile);
    const ranked = rankEntriesFor(partner.profile, entries);
    expect(ranked.length).toBeGreaterThan(100);
    const showcase = ranked.find((r) => r.id === mine.id);
    expect(showcase?.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(["track", "stage", "ticket"]));
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM meeting_requests WHERE partner_id = ? AND entry_id = ?",
        investor.id,
        mine.id,
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM meeting_requests WHERE partner_id = ? AND state IN ('pending','accepted') AND from_side = 'partner'",
        investor.id,
      ).n,
    ).toBeLessThan(s.cap_per_partner);
  });
});
