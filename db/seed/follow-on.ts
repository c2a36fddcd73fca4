// The demo's follow-on services: open on the domain round (the finalist round whose 640 entries are
// the teams partners meet), 300 partners, the needs and consent of every domain entry, and meeting
// requests in every state within the caps, so each follow-on page has something to show.
// Drawn from a random stream of its own: the competition's earlier data stays exactly as it was.
import { mayRequest, rankEntriesFor, type EntryProfile, type MeetingRequest } from "../../app/domain/partner-matching";
import {
  CUSTOMER_KINDS,
  DOMESTIC_REGIONS,
  FUNDING_STAGES,
  type FundingStage,
  type Region,
  type RequestState,
} from "../../app/domain/partner-vocabulary";
import { ASKS, PARK_PLACES, STAGE_WEIGHTS, TRACK_CUSTOMERS } from "./partner-words";
import { seedPartners, type SeededPartner } from "./partners";
import { DEMO_SEED, type SeedContext } from "./plan";
import { Random } from "./random";
import type { AddUser } from "./structure";

/** The forum: three days in the edition's time zone (Beijing), the final's pitches on the first afternoon. */
export const DEMO_FOLLOW_ON = {
  capPerPartner: 20,
  capPerEntryPerKind: 5,
  days: ["2027-03-19", "2027-03-20", "2027-03-21"],
  dayStarts: "09:00",
  dayEnds: "18:00",
  slotMinutes: 20,
  tables: 40,
  finalStartsAt: "2027-03-19T06:00:00.000Z", // 14:00 Beijing time
  pitchMinutes: 10,
  consentShare: 0.85,
} as const;

type NeedsEntry = {
  id: number;
  track: string;
  group: string;
  country: string;
  city: string;
  entrantUserId: number | null;
};

const DOMESTIC_REGION_OF_CITY: Record<string, Region> = {
  厦门: "CN-E",
  福州: "CN-E",
  成都: "CN-SW",
  重庆: "CN-SW",
  贵阳: "CN-SW",
  西安: "CN-NW",
  兰州: "CN-NW",
  武汉: "CN-C",
  长沙: "CN-C",
  郑州: "CN-C",
};
const REGION_OF_GROUP: Record<string, Region> = {
  BJ: "CN-N",
  YRD: "CN-E",
  SC: "CN-S",
  CW: "CN-C",
  NA: "NA",
  EU: "EU",
  AS: "AS",
  HMT: "HMT",
};

/** An entry's home region: its group's, refined by the city for the groups that span regions. */
export function homeRegion(group: string, city: string): Region {
  return DOMESTIC_REGION_OF_CITY[city] ?? REGION_OF_GROUP[group] ?? "AS";
}

export function seedFollowOn(
  ctx: SeedContext,
  ids: { competitionId: number; needsRoundId: number; showcaseEntryId: number },
  addUser: AddUser,
): { partners: number; needs: number; consenting: number; requests: number } {
  const own: SeedContext = { ...ctx, random: new Random(DEMO_SEED + 15) };
  const s = DEMO_FOLLOW_ON;
  ctx.sqlite
    .prepare(
      `INSERT INTO follow_on_settings (competition_id, needs_round_id, cap_per_partner, cap_per_entry_per_kind, days,
         day_starts, day_ends, slot_minutes, tables, final_starts_at, pitch_minutes, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ids.competitionId,
      ids.needsRoundId,
      s.capPerPartner,
      s.capPerEntryPerKind,
      JSON.stringify(s.days),
      s.dayStarts,
      s.dayEnds,
      s.slotMinutes,
      s.tables,
      s.finalStartsAt,
      s.pitchMinutes,
      ctx.nowIso,
    );
  const entries = ctx.sqlite
    .prepare(
      `SELECT e.id, t.code AS track, g.code AS "group", e.country, coalesce(e.city, '') AS city,
         e.entrant_user_id AS entrantUserId
       FROM round_entries re JOIN entries e ON e.id = re.entry_id
       JOIN tracks t ON t.id = e.track_id JOIN groups g ON g.id = e.group_id
       WHERE re.round_id = ? ORDER BY e.id`,
    )
    .all(ids.needsRoundId) as NeedsEntry[];
  const showcase = entries.find((e) => e.id === ids.showcaseEntryId)!;
  const partners = seedPartners(own, ids.competitionId, addUser, showcase.track);
  const profiles = seedNeeds(own, entries, ids.showcaseEntryId);
  const requests = seedRequests(own, ids, partners, profiles);
  return {
    partners: partners.length,
    needs: entries.length,
    consenting: profiles.filter((p) => p.consent).length,
    requests,
  };
}

/** Needs and consent of every entry of the needs round; the demo entrant's asks what the demo investor gives. */
function seedNeeds(ctx: SeedContext, entries: readonly NeedsEntry[], showcaseId: number): EntryProfile[] {
  const insert = ctx.sqlite.prepare(
    `INSERT INTO entry_needs (entry_id, region, consented_at, consented_by, financing_amount_wan, financing_stage,
       space_area_m2, space_city, space_from_month, market_customer_kind, market_region, note, updated_at)
     VALUES (@entryId, @region, @consentedAt, @consentedBy, @amount, @stage, @area, @city, @fromMonth, @customerKind,
       @marketRegion, @note, @at)`,
  );
  const random = ctx.random;
  const stages = FUNDING_STAGES.filter((s) => STAGE_WEIGHTS[s] > 0);
  return entries.map((e) => {
    const region = homeRegion(e.group, e.city);
    const domestic = (DOMESTIC_REGIONS as readonly string[]).includes(region);
    const isShowcase = e.id === showcaseId;
    const consent = isShowcase || random.chance(DEMO_FOLLOW_ON.consentShare);
    // Most teams ask for money; about half want space and half a first market. At least one need each.
    let wantsFinancing = isShowcase || random.chance(0.8);
    const wantsSpace = !isShowcase && random.chance(domestic ? 0.5 : 0.35);
    const wantsMarket = isShowcase || random.chance(0.55);
    if (!wantsFinancing && !wantsSpace && !wantsMarket) wantsFinancing = true;
    const stage: FundingStage = isShowcase ? "A" : random.weighted(stages, (st) => STAGE_WEIGHTS[st]);
    const [from, to] = ASKS[stage];
    const amount = isShowcase ? 2000 : Math.round(random.int(from, to) / 50) * 50 || 50;
    // Space near home for mainland teams; teams from abroad mostly look at the big hubs.
    const places = PARK_PLACES.filter((p) => !domestic || p.region === region);
    const spaceCity = random.weighted(places.length ? places : PARK_PLACES, (p) => p.weight).city.en;
    const customerKind = random.pick(TRACK_CUSTOMERS[e.track] ?? CUSTOMER_KINDS);
    const marketRegion: Region = domestic || random.chance(0.6) ? random.pick(DOMESTIC_REGIONS) : region;
    const row = {
      entryId: e.id,
      region,
      consentedAt: consent ? ctx.nowIso : null,
      consentedBy: consent ? e.entrantUserId : null,
      amount: wantsFinancing ? amount : null,
      stage: wantsFinancing ? stage : null,
      area: wantsSpace ? random.pick([80, 120, 200, 300, 500, 800, 1200, 2000]) : null,
      city: wantsSpace ? spaceCity : null,
      fromMonth: wantsSpace ? `2027-${String(random.int(4, 12)).padStart(2, "0")}` : null,
      customerKind: wantsMarket ? customerKind : null,
      marketRegion: wantsMarket ? marketRegion : null,
      note: isShowcase
        ? "A轮融资用于中试线建设，希望结识关注欧洲团队的投资人。 / Series A to build our pilot line; we would like to meet investors who back European teams."
        : null,
      at: ctx.nowIso,
    };
    insert.run(row);
    return {
      id: e.id,
      track: e.track,
      group: e.group,
      region,
      country: e.country,
      consent,
      needs: {
        ...(row.stage ? { financing: { amountWan: row.amount!, stage: row.stage } } : {}),
        ...(row.city ? { space: { areaM2: row.area!, city: row.city, fromMonth: row.fromMonth! } } : {}),
        ...(row.customerKind ? { market: { customerKind: row.customerKind, region: row.marketRegion! } } : {}),
      },
    } satisfies EntryProfile;
  });
}

const STATE_WEIGHTS: Readonly<Record<RequestState, number>> = {
  pending: 35,
  accepted: 35,
  declined: 15,
  withdrawn: 15,
};
const MESSAGES = [
  "您好，我们对贵团队的技术路线很感兴趣，希望在论坛期间当面交流。 / Hello, we are interested in your technical approach and would like to meet during the forum.",
  "希望进一步了解产品进展与融资计划。 / We would like to hear more about your product progress and funding plans.",
  "我们有合适的应用场景，期待探讨试点合作。 / We have a suitable use case and would like to discuss a pilot.",
  null,
];

/**
 * Requests from partners to the entries that fit them best (and some the other way), in all four
 * states, each checked against the caps by the same rule the services apply (mayRequest). The demo
 * investor has not yet asked the demo entrant's entry: that request is the path a newcomer tries.
 */
function seedRequests(
  ctx: SeedContext,
  ids: { competitionId: number; showcaseEntryId: number },
  partners: readonly SeededPartner[],
  entries: readonly EntryProfile[],
): number {
  const random = ctx.random;
  const caps = { perPartner: DEMO_FOLLOW_ON.capPerPartner, perEntryPerKind: DEMO_FOLLOW_ON.capPerEntryPerKind };
  const insert = ctx.sqlite.prepare(
    `INSERT INTO meeting_requests (competition_id, partner_id, entry_id, from_side, state, message, created_by, created_at,
       answered_by, answered_at)
     VALUES (@competitionId, @partnerId, @entryId, @from, @state, @message, @createdBy, @createdAt, @answeredBy, @answeredAt)`,
  );
  const shortlist = ctx.sqlite.prepare(
    `INSERT INTO partner_shortlist (partner_id, entry_id, added_by, note, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const entrantOf = new Map(
    (
      ctx.sqlite.prepare(`SELECT id, entrant_user_id AS u FROM entries WHERE entrant_user_id IS NOT NULL`).all() as {
        id: number;
        u: number;
      }[]
    ).map((r) => [r.id, r.u]),
  );
  const state: MeetingRequest[] = [];
  const now = Date.parse(ctx.nowIso);
  for (const partner of partners) {
    if (!partner.accepted) continue;
    const isDemo = partner.isDemo;
    const ranked = rankEntriesFor(partner.profile, entries, { limit: 40 });
    const wanted = isDemo ? 9 : random.int(0, 12);
    const candidates: { id: number }[] = random.sample(
      ranked.slice(0, 25).filter((r) => !(isDemo && r.id === ids.showcaseEntryId)),
      wanted,
    );
    // The demo entrant finds one request waiting, from the demo corporate (its market need fits).
    const forcePending =
      isDemo && partner.profile.kind === "corporate" && ranked.some((r) => r.id === ids.showcaseEntryId);
    if (forcePending) candidates.unshift({ id: ids.showcaseEntryId });
    // The demo partners keep a shortlist of the next best fits.
    if (isDemo) for (const r of ranked.slice(25, 30)) shortlist.run(partner.id, r.id, partner.userId, null, ctx.nowIso);
    for (const c of candidates) {
      const forced = forcePending && c.id === ids.showcaseEntryId;
      const fromEntry = !forced && random.chance(0.2);
      const request = {
        partnerId: partner.id,
        partnerKind: partner.profile.kind,
        entryId: c.id,
        from: fromEntry ? ("entry" as const) : ("partner" as const),
        entryConsent: true,
      };
      if (!mayRequest(state, request, caps).ok) continue;
      const drawn = random.weighted(Object.keys(STATE_WEIGHTS) as RequestState[], (k) => STATE_WEIGHTS[k]);
      const st: RequestState = forced ? "pending" : drawn;
      const createdAt = now - random.int(24, 480) * 3_600_000;
      const answeredAt = Math.min(now - 3_600_000, createdAt + random.int(2, 96) * 3_600_000);
      const entrant = entrantOf.get(c.id) ?? null;
      // A decline comes from the side that was asked; a withdrawal from the side that asked.
      const askedSideAnswered = st === "accepted" || st === "declined";
      const answeredBy = st === "pending" ? null : askedSideAnswered === fromEntry ? partner.userId : entrant;
      insert.run({
        competitionId: ids.competitionId,
        partnerId: partner.id,
        entryId: c.id,
        from: request.from,
        state: st,
        message: random.pick(MESSAGES),
        createdBy: fromEntry ? entrant : partner.userId,
        createdAt: new Date(createdAt).toISOString(),
        answeredBy,
        answeredAt: st === "pending" ? null : new Date(answeredAt).toISOString(),
      });
      state.push({ id: state.length + 1, ...request, state: st });
    }
  }
  return state.length;
}
