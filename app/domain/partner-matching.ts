// Follow-on matching, pure: how well a partner (investor, park, corporate) fits a finalist entry and
// why, the ranked lists both ways, the caps on meeting requests and a request's state machine. No
// I/O: profiles, requests and caps come in as data; reasons are structured keys the UI words.
import { refusalTable, type Outcome, type Refusal, type RefusalKind } from "./refusal";
import {
  NEED_SERVED_BY,
  type CustomerKind,
  type FundingStage,
  type NeedKind,
  type ParkSupport,
  type PartnerKind,
  type Region,
  type RequestAction,
  type RequestSide,
  type RequestState,
} from "./partner-vocabulary";

type PartnerBase = { id: number; tracks: readonly string[]; regions: readonly Region[] };

/** Amounts are in CNY ten-thousands (万元), whole numbers, as investors state tickets. */
export type InvestorProfile = PartnerBase & {
  kind: "investor";
  stages: readonly FundingStage[];
  ticket: { minWan: number; maxWan: number };
};
export type ParkProfile = PartnerBase & {
  kind: "park";
  city: string;
  district: string;
  /** The largest area it can offer one company, m². */
  areaM2: number;
  support: readonly ParkSupport[];
};
export type CorporateProfile = PartnerBase & { kind: "corporate"; customerKinds: readonly CustomerKind[] };
export type PartnerProfile = InvestorProfile | ParkProfile | CorporateProfile;

export type EntryNeeds = {
  financing?: { amountWan: number; stage: FundingStage };
  /** `fromMonth` is "YYYY-MM": when the entry wants to move in. */
  space?: { areaM2: number; city: string; fromMonth: string };
  market?: { customerKind: CustomerKind; region: Region };
};
export type EntryProfile = {
  id: number;
  track: string;
  group: string;
  region: Region;
  country: string;
  /** The entrant agreed to show the entry, its deck and its needs to partners. */
  consent: boolean;
  needs: EntryNeeds;
};

/** Why a partner and an entry fit; the same shapes, as mismatches, say where they do not. */
export type Reason =
  | { key: "track"; track: string }
  | { key: "region"; region: Region }
  | { key: "stage"; stage: FundingStage }
  | { key: "ticket"; amountWan: number; minWan: number; maxWan: number }
  | { key: "space"; areaM2: number; offeredM2: number }
  | { key: "city"; city: string }
  | { key: "market"; customerKind: CustomerKind }
  | { key: "marketRegion"; region: Region };
export type Mismatch = Reason | { key: "consent" } | { key: "need"; need: NeedKind };
export type Fit = { score: number; reasons: Reason[]; mismatches: Mismatch[] };

/**
 * The weights, summing to 100. The track weighs most (40): partners invest, host and buy by sector
 * first, and an off-track meeting is the one both sides regret. What the entry asks for against what
 * the partner offers weighs 50, split into the two things that decide a deal of that kind (stage and
 * ticket; area and city; customer kind and market region). The entry's home region weighs 10: it
 * matters (a fund's mandate, a park's catchment) but less than the rest. A partner listing no
 * tracks or no regions is open to all and gets half that weight (all weights are even) without a
 * reason: an open mandate is worth less than a declared one. Stages and customer kinds have no open
 * form: an investor or corporate that names none wins none of those points. An entry that asks for
 * nothing this partner's kind serves, or gave no consent, scores 0 and is never listed: such a
 * meeting would have nothing to talk about.
 * Whole numbers, so equal fits tie exactly and ties go to the smaller id.
 */
export const FIT_WEIGHTS = {
  track: 40,
  region: 10,
  stage: 25,
  ticket: 25,
  space: 30,
  city: 20,
  market: 34,
  marketRegion: 16,
} as const satisfies Record<Reason["key"], number>;

/**
 * A partner with its lists as sets, made once per partner object (profiles are treated as immutable:
 * a changed profile is a new object) so fit does no linear search per entry.
 */
type Prepared = {
  partner: PartnerProfile;
  tracks: ReadonlySet<string>;
  regions: ReadonlySet<Region>;
  stages: ReadonlySet<FundingStage>;
  customerKinds: ReadonlySet<CustomerKind>;
  city: string;
};

const prepared = new WeakMap<PartnerProfile, Prepared>();
const EMPTY: ReadonlySet<never> = new Set();
const cityKey = (city: string) => city.trim().toLowerCase();

function prepare(partner: PartnerProfile): Prepared {
  let p = prepared.get(partner);
  if (!p) {
    p = {
      partner,
      tracks: new Set(partner.tracks),
      regions: new Set(partner.regions),
      stages: partner.kind === "investor" ? new Set(partner.stages) : EMPTY,
      customerKinds: partner.kind === "corporate" ? new Set(partner.customerKinds) : EMPTY,
      city: partner.kind === "park" ? cityKey(partner.city) : "",
    };
    prepared.set(partner, p);
  }
  return p;
}

type Notes = { reasons: Reason[]; mismatches: Mismatch[] };

/** 1 when a declared list holds the value, 0 when it does not, ½ for an open (empty) list. */
const share = <T>(set: ReadonlySet<T>, value: T) => (set.size === 0 ? 0.5 : set.has(value) ? 1 : 0);

/** A won weight is a reason, a lost one a mismatch; an open list's half is neither. */
function note(notes: Notes, won: number, item: Reason) {
  if (won === 1) notes.reasons.push(item);
  else if (won === 0) notes.mismatches.push(item);
}

/**
 * The score, and with `notes` the reasons strongest first (track, the offer's two, region: the
 * weights' order, so nothing is sorted). Without notes nothing is allocated: the lists score every
 * pair this way and explain only the pairs they show.
 */
function assess(p: Prepared, entry: EntryProfile, notes: Notes | null): number {
  const partner = p.partner;
  if (!entry.consent || !entry.needs[NEED_SERVED_BY[partner.kind]]) {
    notes?.mismatches.push(entry.consent ? { key: "need", need: NEED_SERVED_BY[partner.kind] } : { key: "consent" });
    return 0;
  }
  const w = FIT_WEIGHTS;
  const track = share(p.tracks, entry.track);
  const region = share(p.regions, entry.region);
  let first: number;
  let second: number;
  let score: number;
  if (partner.kind === "investor") {
    const need = entry.needs.financing!;
    const { minWan, maxWan } = partner.ticket;
    first = p.stages.has(need.stage) ? 1 : 0;
    second = need.amountWan >= minWan && need.amountWan <= maxWan ? 1 : 0;
    score = w.stage * first + w.ticket * second;
    if (notes) {
      note(notes, track, { key: "track", track: entry.track });
      note(notes, first, { key: "stage", stage: need.stage });
      note(notes, second, { key: "ticket", amountWan: need.amountWan, minWan, maxWan });
    }
  } else if (partner.kind === "park") {
    const need = entry.needs.space!;
    first = need.areaM2 <= partner.areaM2 ? 1 : 0;
    second = cityKey(need.city) === p.city ? 1 : 0;
    score = w.space * first + w.city * second;
    if (notes) {
      note(notes, track, { key: "track", track: entry.track });
      note(notes, first, { key: "space", areaM2: need.areaM2, offeredM2: partner.areaM2 });
      note(notes, second, { key: "city", city: partner.city });
    }
  } else {
    const need = entry.needs.market!;
    first = p.customerKinds.has(need.customerKind) ? 1 : 0;
    second = share(p.regions, need.region);
    score = w.market * first + w.marketRegion * second;
    if (notes) {
      note(notes, track, { key: "track", track: entry.track });
      note(notes, first, { key: "market", customerKind: need.customerKind });
      note(notes, second, { key: "marketRegion", region: need.region });
    }
  }
  if (notes) note(notes, region, { key: "region", region: entry.region });
  return score + w.track * track + w.region * region;
}

/** How well a partner fits an entry: a whole score 0–100, the reasons (strongest first) and the mismatches. */
export function fit(partner: PartnerProfile, entry: EntryProfile): Fit {
  const notes = { reasons: [] as Reason[], mismatches: [] as Mismatch[] };
  const score = assess(prepare(partner), entry, notes);
  return { score, reasons: notes.reasons, mismatches: notes.mismatches };
}

/** The score alone, without building reasons: what the ranked lists compute for every pair. */
export function fitScore(partner: PartnerProfile, entry: EntryProfile): number {
  return assess(prepare(partner), entry, null);
}

export type Ranked<T> = Fit & { id: number; profile: T };

export type EntryFilters = {
  tracks?: readonly string[];
  groups?: readonly string[];
  regions?: readonly Region[];
  countries?: readonly string[];
  /** Entries asking for money at one of these stages (an investor's filter). */
  stages?: readonly FundingStage[];
  minScore?: number;
};

/** Highest score first, then the smaller id: the same list every time for the same data. */
const byScoreThenId = (a: { score: number; id: number }, b: { score: number; id: number }) =>
  b.score - a.score || a.id - b.id;

/** Score everything, keep what scores, sort, cut, and only then build the reasons of what is shown. */
function rank<T extends { id: number }>(
  items: readonly T[],
  score: (item: T) => number,
  explain: (item: T) => Fit,
  limit: number | undefined,
): Ranked<T>[] {
  const scored: { score: number; id: number; item: T }[] = [];
  for (const item of items) {
    const s = score(item);
    if (s > 0) scored.push({ score: s, id: item.id, item });
  }
  scored.sort(byScoreThenId);
  const kept = limit === undefined ? scored : scored.slice(0, Math.max(0, limit));
  return kept.map(({ item, id }) => {
    const { score, reasons, mismatches } = explain(item);
    return { id, profile: item, score, reasons, mismatches };
  });
}

const setOf = <T>(list: readonly T[] | undefined) => (list && list.length > 0 ? new Set(list) : null);

/** A partner's list: consenting entries it fits, best first, narrowed by the filters. */
export function rankEntriesFor(
  partner: PartnerProfile,
  entries: readonly EntryProfile[],
  options: { filters?: EntryFilters; limit?: number } = {},
): Ranked<EntryProfile>[] {
  const f = options.filters ?? {};
  const tracks = setOf(f.tracks);
  const groups = setOf(f.groups);
  const regions = setOf(f.regions);
  const countries = setOf(f.countries);
  const stages = setOf(f.stages);
  const minScore = f.minScore ?? 1;
  const p = prepare(partner);
  const passes = (e: EntryProfile) =>
    (!tracks || tracks.has(e.track)) &&
    (!groups || groups.has(e.group)) &&
    (!regions || regions.has(e.region)) &&
    (!countries || countries.has(e.country)) &&
    (!stages || (e.needs.financing !== undefined && stages.has(e.needs.financing.stage)));
  return rank(
    entries,
    (e) => {
      if (!e.consent || !passes(e)) return 0;
      const s = assess(p, e, null);
      return s >= minScore ? s : 0;
    },
    (e) => fit(partner, e),
    options.limit,
  );
}

/** An entry's list: the partners that fit it, best first, of one kind when asked. Empty without consent. */
export function rankPartnersFor(
  entry: EntryProfile,
  partners: readonly PartnerProfile[],
  options: { kind?: PartnerKind; limit?: number } = {},
): Ranked<PartnerProfile>[] {
  if (!entry.consent) return [];
  const kind = options.kind;
  return rank(
    partners,
    (p) => (kind !== undefined && p.kind !== kind ? 0 : assess(prepare(p), entry, null)),
    (p) => fit(p, entry),
    options.limit,
  );
}

// ---- Requests -------------------------------------------------------------------------------------

/**
 * Every way matching says no, each name with its kind. The code is `matching.refusal.<name>`, an
 * i18n key; the catalogues gain these words with the pages that show them.
 */
export const MATCHING_REFUSALS = {
  partnerCapReached: "conflict",
  entryCapReached: "conflict",
  alreadyRequested: "conflict",
  noConsent: "forbidden",
  notAParty: "forbidden",
  notTheReceiver: "forbidden",
  notTheSender: "forbidden",
  requestWithdrawn: "conflict",
  requestDeclined: "conflict",
  requestAccepted: "conflict",
} as const satisfies Record<string, RefusalKind>;
export type MatchingRefusalName = keyof typeof MATCHING_REFUSALS;
export type MatchingRefusal = Refusal & { code: `matching.refusal.${MatchingRefusalName}` };

const matchingRefusal = refusalTable("matching.refusal", MATCHING_REFUSALS);

export function refuseMatching(name: MatchingRefusalName, params?: Record<string, number>): MatchingRefusal {
  return matchingRefusal(name, params ? { params } : {});
}

/**
 * A meeting request between one partner and one entry. The sender accepts by sending; a meeting
 * exists when the other side accepts too, which is exactly the state `accepted`.
 */
export type MeetingRequest = {
  id: number;
  partnerId: number;
  partnerKind: PartnerKind;
  entryId: number;
  from: RequestSide;
  state: RequestState;
};
export type NewRequest = Omit<MeetingRequest, "id" | "state"> & { entryConsent: boolean };

/** Set by the organizers: a partner sends at most `perPartner`; an entry receives at most `perEntryPerKind`. */
export type RequestCaps = { perPartner: number; perEntryPerKind: number };

/** Requests that still take a place under a cap: waiting for an answer, or accepted. */
export const isLive = (r: Pick<MeetingRequest, "state">) => r.state === "pending" || r.state === "accepted";

/**
 * Whether a new request may be made, given the requests there are. A partner's sent requests and an
 * entry's received requests (per partner kind) count while live, so a decline or a withdrawal frees
 * the place. An entry's own requests to partners count toward neither cap: the caps keep the
 * well-known from being flooded, and it is partners who are asked for fewer, better entries.
 */
export function mayRequest(
  state: readonly MeetingRequest[],
  request: NewRequest,
  caps: RequestCaps,
): Outcome | MatchingRefusal {
  if (!request.entryConsent) return refuseMatching("noConsent");
  let sent = 0;
  let received = 0;
  for (const r of state) {
    if (!isLive(r)) continue;
    if (r.partnerId === request.partnerId && r.entryId === request.entryId) return refuseMatching("alreadyRequested");
    if (r.from !== "partner") continue;
    if (r.partnerId === request.partnerId) sent++;
    if (r.entryId === request.entryId && r.partnerKind === request.partnerKind) received++;
  }
  if (request.from === "partner") {
    if (sent >= caps.perPartner) return refuseMatching("partnerCapReached", { cap: caps.perPartner });
    if (received >= caps.perEntryPerKind) return refuseMatching("entryCapReached", { cap: caps.perEntryPerKind });
  }
  return { ok: true };
}

/** Who acts on a request: one side, by its id (the partner's or the entry's). */
export type RequestActor = { side: RequestSide; id: number };

const FINAL_REFUSAL: Record<Exclude<RequestState, "pending">, MatchingRefusalName> = {
  accepted: "requestAccepted",
  declined: "requestDeclined",
  withdrawn: "requestWithdrawn",
};

/**
 * A request after an action: the receiver accepts or declines, the sender withdraws, and only while
 * pending; every other state is final. `meeting` is true exactly when both sides have now accepted.
 */
export function requestTransition(
  request: MeetingRequest,
  action: RequestAction,
  actor: RequestActor,
): Outcome<{ request: MeetingRequest; meeting: boolean }> {
  const partyId = actor.side === "partner" ? request.partnerId : request.entryId;
  if (partyId !== actor.id) return refuseMatching("notAParty");
  if (request.state !== "pending") return refuseMatching(FINAL_REFUSAL[request.state]);
  const isSender = actor.side === request.from;
  if (action === "withdraw") {
    if (!isSender) return refuseMatching("notTheSender");
    return { ok: true, request: { ...request, state: "withdrawn" }, meeting: false };
  }
  if (isSender) return refuseMatching("notTheReceiver");
  const next: RequestState = action === "accept" ? "accepted" : "declined";
  return { ok: true, request: { ...request, state: next }, meeting: next === "accepted" };
}
