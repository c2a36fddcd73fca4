// Follow-on fixtures for tests: open follow-on on a round, add a partner with a person who can sign
// in, state an entry's needs. Written straight to a test's own SQLite copy (service harness or a
// server's database file before boot), as the seed or an organizer's earlier work would have left it.
import type Database from "better-sqlite3";
import type { PartnerKind, Region } from "../../app/domain/partner-vocabulary";
import { hashPassword } from "../../app/services/passwords.server";
import type { SessionUser } from "../../app/services/auth.server";

type Sqlite = Database.Database;

/** The demo's edition and the id of one of its rounds by slug. */
export function demoRound(sqlite: Sqlite, slug = "final"): { competitionId: number; roundId: number } {
  const row = sqlite.prepare("SELECT id, competition_id FROM rounds WHERE slug = ? ORDER BY id LIMIT 1").get(slug) as
    { id: number; competition_id: number } | undefined;
  if (!row) throw new Error(`no round ${slug}`);
  return { competitionId: row.competition_id, roundId: row.id };
}

/** Follow-on open on a round, with the caps and grid a test names (the rest as the migration defaults). */
export function openFollowOn(
  sqlite: Sqlite,
  competitionId: number,
  roundId: number,
  settings: { capPerPartner?: number; capPerEntryPerKind?: number; days?: string[] } = {},
): void {
  sqlite
    .prepare(
      `INSERT INTO follow_on_settings (competition_id, needs_round_id, cap_per_partner, cap_per_entry_per_kind, days)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (competition_id) DO UPDATE SET needs_round_id = excluded.needs_round_id,
         cap_per_partner = excluded.cap_per_partner, cap_per_entry_per_kind = excluded.cap_per_entry_per_kind,
         days = excluded.days`,
    )
    .run(
      competitionId,
      roundId,
      settings.capPerPartner ?? 20,
      settings.capPerEntryPerKind ?? 5,
      JSON.stringify(settings.days ?? ["2026-12-10", "2026-12-11", "2026-12-12"]),
    );
}

export type PartnerFixture = {
  kind: PartnerKind;
  email: string;
  password?: string;
  nameEn?: string;
  nameZh?: string;
  tracks?: string[];
  regions?: Region[];
  stages?: string[];
  ticket?: [number, number];
  city?: string;
  areaM2?: number;
  customerKinds?: string[];
};

/** A partner of the edition and one person of it who signs in with `password` (default "partner-pass-1"). */
export async function addPartner(
  sqlite: Sqlite,
  competitionId: number,
  p: PartnerFixture,
): Promise<{ partnerId: number; userId: number; user: SessionUser; password: string }> {
  const password = p.password ?? "partner-pass-1";
  const hash = await hashPassword(password);
  const name = p.nameEn ?? `${p.kind} ${p.email}`;
  const partnerId = Number(
    sqlite
      .prepare(
        `INSERT INTO partners (competition_id, kind, name_zh, name_en, country, city, district, tracks, regions, stages,
           customer_kinds, ticket_min_wan, ticket_max_wan, area_m2)
         VALUES (?, ?, ?, ?, 'CN', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        competitionId,
        p.kind,
        p.nameZh ?? null,
        name,
        p.city ?? (p.kind === "park" ? "Beijing" : null),
        p.kind === "park" ? "Haidian" : null,
        JSON.stringify(p.tracks ?? []),
        JSON.stringify(p.regions ?? []),
        JSON.stringify(p.kind === "investor" ? (p.stages ?? ["seed", "angel", "A"]) : []),
        JSON.stringify(p.kind === "corporate" ? (p.customerKinds ?? ["enterprise"]) : []),
        p.kind === "investor" ? (p.ticket?.[0] ?? 100) : null,
        p.kind === "investor" ? (p.ticket?.[1] ?? 5000) : null,
        p.kind === "park" ? (p.areaM2 ?? 500) : null,
      ).lastInsertRowid,
  );
  const userId = Number(
    sqlite.prepare("INSERT INTO users (email, password_hash, display_name) VALUES (?, ?, ?)").run(p.email, hash, name)
      .lastInsertRowid,
  );
  sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'partner')").run(userId);
  sqlite
    .prepare("INSERT INTO partner_people (partner_id, user_id, accepted_at) VALUES (?, ?, datetime('now'))")
    .run(partnerId, userId);
  return {
    partnerId,
    userId,
    password,
    user: { id: userId, email: p.email, displayName: name, locale: "en", roles: ["partner"] },
  };
}

export type NeedsFixture = {
  region?: Region;
  consent?: boolean;
  financing?: { amountWan: number; stage: string };
  space?: { areaM2: number; city: string; fromMonth: string };
  market?: { customerKind: string; region: Region };
};

/** An entry's needs and consent as its entrant would have saved them. */
export function giveNeeds(sqlite: Sqlite, entryId: number, n: NeedsFixture): void {
  sqlite
    .prepare(
      `INSERT OR REPLACE INTO entry_needs (entry_id, region, consented_at, financing_amount_wan, financing_stage,
         space_area_m2, space_city, space_from_month, market_customer_kind, market_region)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entryId,
      n.region ?? "CN-N",
      n.consent === false ? null : new Date().toISOString(),
      n.financing?.amountWan ?? null,
      n.financing?.stage ?? null,
      n.space?.areaM2 ?? null,
      n.space?.city ?? null,
      n.space?.fromMonth ?? null,
      n.market?.customerKind ?? null,
      n.market?.region ?? null,
    );
}

/** Ids of entries in a round (submitted), in stage order then id: the ones follow-on may open to. */
export function entriesInRound(sqlite: Sqlite, roundId: number): { id: number; entrantUserId: number | null }[] {
  return sqlite
    .prepare(
      `SELECT e.id, e.entrant_user_id AS entrantUserId FROM round_entries re JOIN entries e ON e.id = re.entry_id
       WHERE re.round_id = ? AND e.status = 'submitted' ORDER BY re.stage_order, e.id`,
    )
    .all(roundId) as { id: number; entrantUserId: number | null }[];
}
