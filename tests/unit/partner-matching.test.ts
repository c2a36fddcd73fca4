// Follow-on matching: the fit of a partner and an entry with its reasons, the ranked lists both ways,
// the caps on meeting requests and a request's life. Examples a partner or entrant relies on, then
// properties over generated profiles and request sequences.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FIT_WEIGHTS,
  fit,
  fitScore,
  isLive,
  mayRequest,
  rankEntriesFor,
  rankPartnersFor,
  requestTransition,
  type CorporateProfile,
  type EntryProfile,
  type InvestorProfile,
  type MeetingRequest,
  type ParkProfile,
  type PartnerProfile,
  type RequestCaps,
} from "../../app/domain/partner-matching";
import {
  CUSTOMER_KINDS,
  FUNDING_STAGES,
  PARTNER_KINDS,
  REGIONS,
  REQUEST_ACTIONS,
  REQUEST_SIDES,
  REQUEST_STATES,
} from "../../app/domain/partner-vocabulary";

const investor = (over: Partial<InvestorProfile> = {}): InvestorProfile => ({
  id: 1,
  kind: "investor",
  tracks: ["ai"],
  regions: ["CN-E"],
  stages: ["seed"],
  ticket: { minWan: 100, maxWan: 500 },
  ...over,
});
const park = (over: Partial<ParkProfile> = {}): ParkProfile => ({
  id: 2,
  kind: "park",
  tracks: ["ai"],
  regions: ["CN-S"],
  city: "Shenzhen",
  district: "Nanshan",
  areaM2: 300,
  support: ["office", "policy"],
  ...over,
});
const corporate = (over: Partial<CorporateProfile> = {}): CorporateProfile => ({
  id: 3,
  kind: "corporate",
  tracks: ["health"],
  regions: ["EU"],
  customerKinds: ["healthcare"],
  ...over,
});
const entry = (over: Partial<EntryProfile> = {}): EntryProfile => ({
  id: 10,
  track: "ai",
  group: "east",
  region: "CN-E",
  country: "CN",
  consent: true,
  needs: { financing: { amountWan: 300, stage: "seed" } },
  ...over,
});

describe("the fit of a partner and an entry", () => {
  it("an investor in seed rounds sees a seed-stage entry of its track above one of another track, with the reasons track and stage", () => {
    const own = entry({ id: 20 });
    const other = entry({ id: 11, track: "energy" });
    const list = rankEntriesFor(investor(), [other, own]);
    expect(list.map((r) => r.id)).toEqual([20, 11]);
    expect(list[0]!.reasons.map((r) => r.key)).toEqual(expect.arrayContaining(["track", "stage"]));
    expect(list[0]!.reasons).toContainEqual({ key: "stage", stage: "seed" });
    expect(list[1]!.reasons.map((r) => r.key)).not.toContain("track");
    expect(list[1]!.mismatches).toContainEqual({ key: "track", track: "energy" });
  });

  it("an entry that fits an investor in every way scores 100, with its ticket shown against the range", () => {
    const result = fit(investor(), entry());
    expect(result.score).toBe(100);
    expect(result.reasons).toContainEqual({ key: "ticket", amountWan: 300, minWan: 100, maxWan: 500 });
    expect(result.reasons).toContainEqual({ key: "region", region: "CN-E" });
    expect(result.mismatches).toEqual([]);
  });

  it("an amount outside the investor's ticket range costs the ticket points and says so", () => {
    const result = fit(investor(), entry({ needs: { financing: { amountWan: 2000, stage: "seed" } } }));
    expect(result.score).toBe(75);
    expect(result.mismatches).toContainEqual({ key: "ticket", amountWan: 2000, minWan: 100, maxWan: 500 });
  });

  it("a park fits an entry wanting less space than it offers in its own city (the city's case does not matter)", () => {
    const wants = entry({ region: "CN-S", needs: { space: { areaM2: 200, city: "shenzhen ", fromMonth: "2027-03" } } });
    const result = fit(park(), wants);
    expect(result.score).toBe(100);
    expect(result.reasons).toContainEqual({ key: "space", areaM2: 200, offeredM2: 300 });
    expect(result.reasons).toContainEqual({ key: "city", city: "Shenzhen" });
    const tooBig = fit(park(), { ...wants, needs: { space: { areaM2: 500, city: "Shenzhen", fromMonth: "2027-03" } } });
    expect(tooBig.score).toBe(70);
  });

  it("a corporate fits an entry looking for its kind of customer in its market", () => {
    const wants = entry({
      track: "health",
      region: "EU",
      needs: { market: { customerKind: "healthcare", region: "EU" } },
    });
    const result = fit(corporate(), wants);
    expect(result.score).toBe(100);
    expect(result.reasons[0]).toEqual({ key: "track", track: "health" });
    expect(result.reasons).toContainEqual({ key: "market", customerKind: "healthcare" });
    expect(result.reasons).toContainEqual({ key: "marketRegion", region: "EU" });
  });

  it("a partner open to every track and region scores half for them, without claiming them as reasons", () => {
    const result = fit(investor({ tracks: [], regions: [] }), entry());
    expect(result.score).toBe(20 + 5 + 50);
    expect(result.reasons.map((r) => r.key).sort()).toEqual(["stage", "ticket"]);
  });

  it("an entry that asks for nothing a partner's kind offers is not matched to it", () => {
    const result = fit(park(), entry());
    expect(result).toEqual({ score: 0, reasons: [], mismatches: [{ key: "need", need: "space" }] });
    expect(rankPartnersFor(entry(), [park(), investor()]).map((r) => r.id)).toEqual([1]);
  });

  it("an entrant who gave no consent is invisible to partners and sees no partners", () => {
    const hidden = entry({ consent: false });
    expect(fit(investor(), hidden)).toEqual({ score: 0, reasons: [], mismatches: [{ key: "consent" }] });
    expect(rankEntriesFor(investor(), [hidden])).toEqual([]);
    expect(rankPartnersFor(hidden, [investor()])).toEqual([]);
  });
});

describe("the ranked lists", () => {
  it("a partner's filters narrow its list to the tracks, groups, countries and stages it picked", () => {
    const entries = [
      entry({ id: 1 }),
      entry({ id: 2, group: "west" }),
      entry({ id: 3, country: "US", region: "NA" }),
      entry({ id: 4, needs: { financing: { amountWan: 300, stage: "A" } } }),
    ];
    const ids = (filters: Parameters<typeof rankEntriesFor>[2]) =>
      rankEntriesFor(investor(), entries, filters).map((r) => r.id);
    expect(ids({ filters: { groups: ["east"] } })).toEqual([1, 3, 4]);
    expect(ids({ filters: { countries: ["US"] } })).toEqual([3]);
    expect(ids({ filters: { stages: ["A"] } })).toEqual([4]);
    expect(ids({ filters: { regions: ["CN-E"], minScore: 100 } })).toEqual([1, 2]);
    expect(ids({ filters: { tracks: ["energy"] } })).toEqual([]);
    expect(ids({ limit: 2 })).toEqual([1, 2]);
  });

  it("an entry's list of partners can be narrowed to one kind", () => {
    const wants = entry({
      needs: {
        financing: { amountWan: 300, stage: "seed" },
        space: { areaM2: 100, city: "Shenzhen", fromMonth: "2027-01" },
      },
    });
    expect(rankPartnersFor(wants, [park(), investor()]).map((r) => r.id)).toEqual([1, 2]);
    expect(rankPartnersFor(wants, [park(), investor()], { kind: "park" }).map((r) => r.id)).toEqual([2]);
  });
});

const track = fc.constantFrom("ai", "health", "energy", "fintech");
const region = fc.constantFrom(...REGIONS);
const stage = fc.constantFrom(...FUNDING_STAGES);
const customerKind = fc.constantFrom(...CUSTOMER_KINDS);
const city = fc.constantFrom("Shenzhen", "Shanghai", "Hangzhou");
const partnerArb: fc.Arbitrary<PartnerProfile> = fc
  .record({
    id: fc.integer({ min: 1, max: 60 }),
    kind: fc.constantFrom(...PARTNER_KINDS),
    tracks: fc.uniqueArray(track, { maxLength: 3 }),
    regions: fc.uniqueArray(region, { maxLength: 3 }),
    stages: fc.uniqueArray(stage, { maxLength: 3 }),
    min: fc.integer({ min: 0, max: 1000 }),
    span: fc.integer({ min: 0, max: 5000 }),
    city,
    areaM2: fc.integer({ min: 0, max: 2000 }),
    customerKinds: fc.uniqueArray(customerKind, { maxLength: 3 }),
  })
  .map(({ id, kind, tracks, regions, stages, min, span, city, areaM2, customerKinds }): PartnerProfile => {
    if (kind === "investor") return { id, kind, tracks, regions, stages, ticket: { minWan: min, maxWan: min + span } };
    if (kind === "park") return { id, kind, tracks, regions, city, district: "", areaM2, support: [] };
    return { id, kind, tracks, regions, customerKinds };
  });
const entryArb: fc.Arbitrary<EntryProfile> = fc.record({
  id: fc.integer({ min: 1, max: 200 }),
  track,
  group: fc.constantFrom("east", "west"),
  region,
  country: fc.constantFrom("CN", "US", "DE"),
  consent: fc.boolean(),
  needs: fc.record(
    {
      financing: fc.record({ amountWan: fc.integer({ min: 0, max: 8000 }), stage }),
      space: fc.record({ areaM2: fc.integer({ min: 1, max: 2000 }), city, fromMonth: fc.constant("2027-01") }),
      market: fc.record({ customerKind, region }),
    },
    { requiredKeys: [] },
  ),
});

const sortedByScoreThenId = (list: { score: number; id: number }[]) =>
  list.every(
    (r, i) => i === 0 || list[i - 1]!.score > r.score || (list[i - 1]!.score === r.score && list[i - 1]!.id <= r.id),
  );

describe("matching, for any profiles", () => {
  it("scores a whole number from 0 to 100, the same with or without reasons", () => {
    fc.assert(
      fc.property(partnerArb, entryArb, (p, e) => {
        const { score } = fit(p, e);
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        expect(fitScore(p, e)).toBe(score);
        if (!e.consent) expect(score).toBe(0);
      }),
    );
  });

  it("explains every point: the reasons' weights plus half of each open list make the score", () => {
    fc.assert(
      fc.property(partnerArb, entryArb, (p, e) => {
        const { score, reasons, mismatches } = fit(p, e);
        if (score === 0 && mismatches.some((m) => m.key === "consent" || m.key === "need")) return;
        const open =
          (p.tracks.length === 0 ? FIT_WEIGHTS.track / 2 : 0) +
          (p.regions.length === 0
            ? (FIT_WEIGHTS.region + (p.kind === "corporate" ? FIT_WEIGHTS.marketRegion : 0)) / 2
            : 0);
        expect(reasons.reduce((sum, r) => sum + FIT_WEIGHTS[r.key], 0) + open).toBe(score);
        expect(mismatches.every((m) => !reasons.some((r) => r.key === m.key))).toBe(true);
      }),
    );
  });

  it("lists only consenting entries that score, sorted by score then id, both ways", () => {
    fc.assert(
      fc.property(partnerArb, fc.array(entryArb, { maxLength: 30 }), (p, entries) => {
        const list = rankEntriesFor(p, entries);
        expect(list.every((r) => r.profile.consent && r.score > 0 && r.score === fit(p, r.profile).score)).toBe(true);
        expect(sortedByScoreThenId(list)).toBe(true);
        expect(list.length).toBe(entries.filter((e) => fitScore(p, e) > 0).length);
      }),
    );
    fc.assert(
      fc.property(entryArb, fc.array(partnerArb, { maxLength: 30 }), (e, partners) => {
        const list = rankPartnersFor(e, partners);
        if (!e.consent) expect(list).toEqual([]);
        expect(list.every((r) => r.score > 0)).toBe(true);
        expect(sortedByScoreThenId(list)).toBe(true);
      }),
    );
  });
});

describe("meeting requests", () => {
  const caps: RequestCaps = { perPartner: 2, perEntryPerKind: 1 };
  const req = (over: Partial<MeetingRequest> = {}): MeetingRequest => ({
    id: 1,
    partnerId: 1,
    partnerKind: "investor",
    entryId: 10,
    from: "partner",
    state: "pending",
    ...over,
  });
  const ask = (over: Partial<MeetingRequest> = {}) => ({ ...req(over), entryConsent: true });

  it("a partner that has sent its allowance may send again once a request is declined", () => {
    const sent = [req({ entryId: 10 }), req({ id: 2, entryId: 11, state: "accepted" })];
    expect(mayRequest(sent, ask({ entryId: 12 }), caps)).toMatchObject({
      ok: false,
      kind: "conflict",
      code: "matching.refusal.partnerCapReached",
      params: { cap: 2 },
    });
    const freed = [sent[0]!, { ...sent[1]!, state: "declined" as const }];
    expect(mayRequest(freed, ask({ entryId: 12 }), caps)).toEqual({ ok: true });
  });

  it("an entry asked by one investor is not asked by another, but may still be asked by a park", () => {
    const state = [req({ partnerId: 1 })];
    expect(mayRequest(state, ask({ partnerId: 5 }), caps)).toMatchObject({ code: "matching.refusal.entryCapReached" });
    expect(mayRequest(state, ask({ partnerId: 6, partnerKind: "park" }), caps)).toEqual({ ok: true });
  });

  it("refuses a second live request between the same two and any request to an entry without consent", () => {
    expect(mayRequest([req()], ask({ from: "entry" }), caps)).toMatchObject({
      code: "matching.refusal.alreadyRequested",
    });
    expect(mayRequest([], { ...ask(), entryConsent: false }, caps)).toMatchObject({
      kind: "forbidden",
      code: "matching.refusal.noConsent",
    });
  });

  it("a meeting exists once the entrant accepts an investor's request, and not before", () => {
    const accepted = requestTransition(req(), "accept", { side: "entry", id: 10 });
    expect(accepted).toMatchObject({ ok: true, meeting: true, request: { state: "accepted" } });
    expect(requestTransition(req(), "accept", { side: "partner", id: 1 })).toMatchObject({
      code: "matching.refusal.notTheReceiver",
    });
    expect(requestTransition(req(), "accept", { side: "entry", id: 99 })).toMatchObject({
      kind: "forbidden",
      code: "matching.refusal.notAParty",
    });
  });

  it("an entrant cannot accept a request the investor has withdrawn", () => {
    const withdrawn = requestTransition(req(), "withdraw", { side: "partner", id: 1 });
    expect(withdrawn).toMatchObject({ ok: true, meeting: false, request: { state: "withdrawn" } });
    if (!withdrawn.ok) throw new Error("withdraw refused");
    expect(requestTransition(withdrawn.request, "accept", { side: "entry", id: 10 })).toMatchObject({
      ok: false,
      kind: "conflict",
      code: "matching.refusal.requestWithdrawn",
    });
    expect(requestTransition(req(), "withdraw", { side: "entry", id: 10 })).toMatchObject({
      code: "matching.refusal.notTheSender",
    });
  });

  const attempt = fc.record({
    partnerId: fc.integer({ min: 1, max: 6 }),
    partnerKind: fc.constantFrom(...PARTNER_KINDS),
    entryId: fc.integer({ min: 1, max: 6 }),
    from: fc.constantFrom(...REQUEST_SIDES),
    /** Afterwards: an answer or a withdrawal acted on the request just made, or nothing. */
    then: fc.constantFrom(...REQUEST_ACTIONS, "none" as const),
  });

  it("no sequence of requests and answers takes a partner or an entry past its cap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(attempt, { maxLength: 60 }),
        (perPartner, perEntryPerKind, attempts) => {
          const limits = { perPartner, perEntryPerKind };
          let state: MeetingRequest[] = [];
          attempts.forEach(({ then, ...a }, i) => {
            // One partner id is one partner: its kind is fixed by its id.
            const partnerKind = PARTNER_KINDS[a.partnerId % 3]!;
            const made = { ...a, partnerKind, id: i + 1, state: "pending" as const };
            if (!mayRequest(state, { ...made, entryConsent: true }, limits).ok) return;
            state = [...state, made];
            if (then === "none") return;
            const receiver = made.from === "partner" ? "entry" : "partner";
            const side = then === "withdraw" ? made.from : receiver;
            const moved = requestTransition(made, then, { side, id: side === "partner" ? a.partnerId : a.entryId });
            if (moved.ok) state = state.map((r) => (r.id === made.id ? moved.request : r));
          });
          const live = state.filter((r) => isLive(r) && r.from === "partner");
          for (const p of new Set(live.map((r) => r.partnerId))) {
            expect(live.filter((r) => r.partnerId === p).length).toBeLessThanOrEqual(perPartner);
          }
          for (const r of live) {
            const received = live.filter((o) => o.entryId === r.entryId && o.partnerKind === r.partnerKind);
            expect(received.length).toBeLessThanOrEqual(perEntryPerKind);
          }
        },
      ),
    );
  });

  it("a request in a final state stays there whatever anyone does, and only acceptance makes a meeting", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_STATES),
        fc.constantFrom(...REQUEST_SIDES),
        fc.constantFrom(...REQUEST_ACTIONS),
        fc.constantFrom(...REQUEST_SIDES),
        fc.boolean(),
        (state, from, action, side, rightId) => {
          const request = req({ state, from });
          const id = side === "partner" ? (rightId ? 1 : 2) : rightId ? 10 : 11;
          const result = requestTransition(request, action, { side, id });
          if (state !== "pending") expect(result.ok).toBe(false);
          if (result.ok) {
            expect(result.request.state).not.toBe("pending");
            expect(result.meeting).toBe(result.request.state === "accepted");
            expect(rightId).toBe(true);
          }
        },
      ),
    );
  });
});
