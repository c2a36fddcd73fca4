// The fraud panel's flags: bursts from one network range, many devices from one address, votes
// faster than a person taps. Pure rules over the votes, with their thresholds named.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BURST_VOTES,
  BURST_WINDOW_MS,
  DEVICES_PER_ADDRESS,
  FASTEST_HUMAN_MS,
  voteFlags,
  type VoteSample,
} from "../../app/domain/vote-fraud";

const T0 = Date.parse("2026-12-02T10:00:00Z");
const vote = (id: number, over: Partial<VoteSample> = {}): VoteSample => ({
  id,
  address: `198.51.${id % 200}.${id % 250}`,
  network: `198.51.${id % 200}.0/24`,
  createdAt: T0 + id * 10_000,
  deviceSeenAt: T0 + id * 10_000 - 30_000,
  ...over,
});
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const ofKind = (votes: VoteSample[], kind: string) => voteFlags(votes).filter((f) => f.kind === kind);

describe("flags on the audience vote", () => {
  it("flags nothing in an ordinary vote: people on many networks, taking their time", () => {
    expect(voteFlags(range(300).map((id) => vote(id)))).toEqual([]);
  });

  it("flags a burst of votes from one /24 within a minute, listing exactly those votes", () => {
    const burst = range(BURST_VOTES, 1000).map((id, i) =>
      vote(id, { network: "203.0.113.0/24", address: `203.0.113.${i}`, createdAt: T0 + i * 1000 }),
    );
    const flags = ofKind([...range(50).map((id) => vote(id)), ...burst], "burst");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ network: "203.0.113.0/24", voteIds: burst.map((v) => v.id) });
  });

  it("does not flag one vote fewer than a burst, nor the same votes spread over more than a minute", () => {
    const fewer = range(BURST_VOTES - 1).map((id, i) => vote(id, { network: "n", createdAt: T0 + i }));
    expect(ofKind(fewer, "burst")).toEqual([]);
    const step = Math.ceil(BURST_WINDOW_MS / (BURST_VOTES - 1)) + 1;
    const spread = range(BURST_VOTES).map((id, i) => vote(id, { network: "n", createdAt: T0 + i * step }));
    expect(ofKind(spread, "burst")).toEqual([]);
  });

  it("keeps two bursts from one network an hour apart as two flags", () => {
    const at = (start: number) => (id: number, i: number) => vote(id, { network: "n", createdAt: start + i * 100 });
    const votes = [...range(BURST_VOTES, 1).map(at(T0)), ...range(BURST_VOTES, 100).map(at(T0 + 3_600_000))];
    expect(ofKind(votes, "burst").map((f) => f.voteIds.length)).toEqual([BURST_VOTES, BURST_VOTES]);
  });

  it("flags an address once it has as many devices as the threshold", () => {
    const shared = (n: number) => range(n).map((id) => vote(id, { address: "192.0.2.1" }));
    expect(ofKind(shared(DEVICES_PER_ADDRESS - 1), "sharedAddress")).toEqual([]);
    const flags = ofKind(shared(DEVICES_PER_ADDRESS), "sharedAddress");
    expect(flags).toMatchObject([{ address: "192.0.2.1", key: "address:192.0.2.1" }]);
    expect(flags[0]!.voteIds).toHaveLength(DEVICES_PER_ADDRESS);
  });

  it("flags votes cast sooner after the page loaded than a person can read and tap", () => {
    const votes = [
      vote(1, { deviceSeenAt: T0 + 10_000 - (FASTEST_HUMAN_MS - 1) }),
      vote(2, { deviceSeenAt: T0 + 20_000 - FASTEST_HUMAN_MS }),
      vote(3, { deviceSeenAt: null }),
      vote(4, { deviceSeenAt: T0 + 40_000 }),
    ];
    expect(ofKind(votes, "fast")).toEqual([{ kind: "fast", key: "fast", voteIds: [1, 4] }]);
  });

  const fields = {
    network: fc.constantFrom("a", "b", "c"),
    address: fc.constantFrom("a1", "a2", "b1", "c1"),
    createdAt: fc.integer({ min: 0, max: 5 * 60_000 }),
    gap: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
  };
  const sample = fc.record(fields);
  const votesOf = (rows: { network: string; address: string; createdAt: number; gap: number | null }[]) =>
    rows.map((r, id) => ({
      id,
      network: r.network,
      address: r.address,
      createdAt: T0 + r.createdAt,
      deviceSeenAt: r.gap === null ? null : T0 + r.createdAt - r.gap,
    }));

  it("puts a vote in a burst exactly when some minute of its network holds a burst's worth of votes with it", () => {
    const crowded = fc.record({ ...fields, createdAt: fc.integer({ min: 0, max: 2 * 60_000 }) });
    fc.assert(
      fc.property(fc.array(crowded, { maxLength: 120 }), (rows) => {
        const votes = votesOf(rows);
        const bursts = ofKind(votes, "burst");
        const inBurst = new Set(bursts.flatMap((f) => f.voteIds));
        for (const v of votes) {
          const times = votes.filter((w) => w.network === v.network).map((w) => w.createdAt);
          const within = (end: number, t: number) => t >= end - BURST_WINDOW_MS && t <= end;
          const expected = times.some(
            (end) => within(end, v.createdAt) && times.filter((t) => within(end, t)).length >= BURST_VOTES,
          );
          expect(inBurst.has(v.id)).toBe(expected);
        }
        for (const f of bursts) {
          expect(f.voteIds.length).toBeGreaterThanOrEqual(BURST_VOTES);
          expect(new Set(f.voteIds.map((id) => votes[id]!.network))).toEqual(
            new Set([f.kind === "burst" && f.network]),
          );
        }
      }),
    );
  });

  it("gives the same flags whatever order the votes arrive in", () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 80 }), fc.integer(), (rows, seed) => {
        const votes = votesOf(rows);
        const shuffled = [...votes].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(voteFlags(shuffled)).toEqual(voteFlags(votes));
      }),
    );
  });

  it("flags exactly the addresses with enough devices and exactly the votes faster than a tap", () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 120 }), (rows) => {
        const votes = votesOf(rows);
        const perAddress = new Map<string, number>();
        for (const v of votes) perAddress.set(v.address, (perAddress.get(v.address) ?? 0) + 1);
        const expected = [...perAddress].filter(([, n]) => n >= DEVICES_PER_ADDRESS).map(([a]) => a);
        expect(
          ofKind(votes, "sharedAddress")
            .map((f) => (f.kind === "sharedAddress" ? f.address : ""))
            .sort(),
        ).toEqual(expected.sort());
        const fast = votes.filter((v) => v.deviceSeenAt !== null && v.createdAt - v.deviceSeenAt < FASTEST_HUMAN_MS);
        expect(new Set(ofKind(votes, "fast").flatMap((f) => f.voteIds))).toEqual(new Set(fast.map((v) => v.id)));
      }),
    );
  });
});
