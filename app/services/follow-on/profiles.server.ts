// Stored rows → the pure matching profiles (app/domain/partner-matching.ts): JSON lists parsed once,
// track and group codes joined in, needs assembled whole. Every follow-on service that ranks, filters
// or explains reads its profiles here, so "what a partner offers" and "what an entry needs" have one
// reading of the tables.
import type { Selectable } from "kysely";
import type { Db } from "../../../db/client";
import type { EntryNeedsTable, PartnersTable } from "../../../db/schema-follow-on";
import type { EntryNeeds, EntryProfile, PartnerProfile } from "../../domain/partner-matching";
import type { CustomerKind, FundingStage, ParkSupport, Region } from "../../domain/partner-vocabulary";
import { consentingEntries } from "./access.server";

/** A JSON array column; anything else (a hand-edited row) reads as empty rather than failing the page. */
export function jsonList<T extends string>(text: string | null | undefined): T[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is T => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export type PartnerRow = Selectable<PartnersTable>;

/** A stored partner as the matching sees it. */
export function partnerProfile(row: PartnerRow): PartnerProfile {
  const base = { id: row.id, tracks: jsonList<string>(row.tracks), regions: jsonList<Region>(row.regions) };
  if (row.kind === "investor") {
    return {
      ...base,
      kind: "investor",
      stages: jsonList<FundingStage>(row.stages),
      ticket: { minWan: row.ticket_min_wan ?? 0, maxWan: row.ticket_max_wan ?? 0 },
    };
  }
  if (row.kind === "park") {
    return {
      ...base,
      kind: "park",
      city: row.city ?? "",
      district: row.district ?? "",
      areaM2: row.area_m2 ?? 0,
      support: jsonList<ParkSupport>(row.support),
    };
  }
  return { ...base, kind: "corporate", customerKinds: jsonList<CustomerKind>(row.customer_kinds) };
}

export type NeedsRow = Selectable<EntryNeedsTable>;

/** The needs stated in a row; a need is present only when stored whole (the table's CHECKs see to it). */
export function entryNeeds(row: NeedsRow): EntryNeeds {
  const needs: EntryNeeds = {};
  if (row.financing_amount_wan !== null && row.financing_stage !== null) {
    needs.financing = { amountWan: row.financing_amount_wan, stage: row.financing_stage };
  }
  if (row.space_area_m2 !== null && row.space_city !== null && row.space_from_month !== null) {
    needs.space = { areaM2: row.space_area_m2, city: row.space_city, fromMonth: row.space_from_month };
  }
  if (row.market_customer_kind !== null && row.market_region !== null) {
    needs.market = { customerKind: row.market_customer_kind, region: row.market_region };
  }
  return needs;
}

/** Every enabled partner of an edition, as profiles, with the rows they came from (names, about). */
export async function partnerProfiles(
  db: Db,
  competitionId: number,
): Promise<{ row: PartnerRow; profile: PartnerProfile }[]> {
  const rows = await db
    .selectFrom("partners")
    .where("competition_id", "=", competitionId)
    .where("disabled_at", "is", null)
    .selectAll()
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ row, profile: partnerProfile(row) }));
}

export type EntryCard = {
  id: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  organization: string;
  country: string;
  trackCode: string;
  groupCode: string;
};

/**
 * The entries partners may see (consenting, in the needs round), as profiles with what a list shows
 * of them. Only ever built from consentingEntries, so nothing else can leak into a partner's list.
 */
export async function consentingEntryProfiles(
  db: Db,
  competitionId: number,
): Promise<{ card: EntryCard; needs: NeedsRow; profile: EntryProfile }[]> {
  const rows = await consentingEntries(db, competitionId)
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .selectAll("n")
    .select([
      "e.id as id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.summary_zh",
      "e.summary_en",
      "e.organization",
      "e.country",
      "t.code as track_code",
      "g.code as group_code",
    ])
    .orderBy("e.id")
    .execute();
  return rows.map((r) => {
    const needs: NeedsRow = {
      entry_id: r.entry_id,
      region: r.region,
      consented_at: r.consented_at,
      consented_by: r.consented_by,
      financing_amount_wan: r.financing_amount_wan,
      financing_stage: r.financing_stage,
      space_area_m2: r.space_area_m2,
      space_city: r.space_city,
      space_from_month: r.space_from_month,
      market_customer_kind: r.market_customer_kind,
      market_region: r.market_region,
      note: r.note,
      updated_at: r.updated_at,
    };
    const card: EntryCard = {
      id: r.id,
      code: r.code,
      titleZh: r.title_zh,
      titleEn: r.title_en,
      summaryZh: r.summary_zh,
      summaryEn: r.summary_en,
      organization: r.organization,
      country: r.country,
      trackCode: r.track_code,
      groupCode: r.group_code,
    };
    return { card, needs, profile: entryProfile(card, needs) };
  });
}

/** One entry's profile from its card and needs row (consent read from the row). */
export function entryProfile(
  card: Pick<EntryCard, "id" | "trackCode" | "groupCode" | "country">,
  needs: NeedsRow,
): EntryProfile {
  return {
    id: card.id,
    track: card.trackCode,
    group: card.groupCode,
    region: needs.region,
    country: card.country,
    consent: needs.consented_at !== null,
    needs: entryNeeds(needs),
  };
}
