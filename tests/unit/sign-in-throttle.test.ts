// Who may try a password, and when: per account and address, with growing delays, and never a
// lockout that a stranger can impose on someone who has not failed.
import { describe, expect, it } from "vitest";
import {
  createThrottleState,
  DEFAULT_THROTTLE as L,
  lockedAddresses,
  mayTry,
  prune,
  recordFailure,
  recordSuccess,
  unlockAccount,
} from "../../app/domain/sign-in-throttle";

const ORG = "organizer@frontier.demo";
const fail = (state: ReturnType<typeof createThrottleState>, address: string, at: number, times = 1, account = ORG) => {
  for (let i = 0; i < times; i++) recordFailure(state, account, address, at);
};

describe("sign-in throttle", () => {
  it("locks the address that guessed wrong, not the organizer at the venue", () => {
    const state = createThrottleState();
    fail(state, "198.51.100.7", 0, L.perPair);
    expect(mayTry(state, ORG, "198.51.100.7", 1)).toMatchObject({ ok: false });
    expect(mayTry(state, ORG, "10.1.1.1", 1)).toEqual({ ok: true });
  });

  it("doubles each further lockout of the same pair, up to the cap", () => {
    const state = createThrottleState();
    let now = 0;
    const lengths: number[] = [];
    for (let round = 0; round < 8; round++) {
      fail(state, "a", now, L.perPair);
      const verdict = mayTry(state, ORG, "a", now);
      if (verdict.ok) throw new Error("expected a lockout");
      lengths.push(verdict.retryAfterMs);
      now += verdict.retryAfterMs;
      expect(mayTry(state, ORG, "a", now)).toEqual({ ok: true });
    }
    expect(lengths.slice(0, 4)).toEqual([L.firstLockMs, 2 * L.firstLockMs, 4 * L.firstLockMs, 8 * L.firstLockMs]);
    expect(Math.max(...lengths)).toBe(L.maxLockMs);
  });

  it("forgets a pair's failures after a correct password", () => {
    const state = createThrottleState();
    fail(state, "a", 0, L.perPair - 1);
    recordSuccess(state, ORG, "a");
    fail(state, "a", 1, L.perPair - 1);
    expect(mayTry(state, ORG, "a", 2)).toEqual({ ok: true });
  });

  it("under a spray from many addresses, holds back only the addresses that failed, and lets a clean one in", () => {
    const state = createThrottleState();
    for (let i = 0; i < L.perAccount; i++) fail(state, `203.0.113.${i}`, i);
    expect(mayTry(state, ORG, "203.0.113.1", L.perAccount)).toMatchObject({ ok: false });
    expect(mayTry(state, ORG, "192.0.2.50", L.perAccount)).toEqual({ ok: true });
    // Once the wave is older than the window, the failed addresses may try again.
    expect(mayTry(state, ORG, "203.0.113.1", L.perAccount + L.windowMs)).toEqual({ ok: true });
  });

  it("shows an organizer how many addresses are locked, and their unlock lets everyone try at once", () => {
    const state = createThrottleState();
    fail(state, "a", 0, L.perPair);
    fail(state, "b", 0, L.perPair);
    expect(lockedAddresses(state, ORG, 1)).toBe(2);
    unlockAccount(state, ORG);
    expect(lockedAddresses(state, ORG, 1)).toBe(0);
    expect(mayTry(state, ORG, "a", 1)).toEqual({ ok: true });
  });

  it("keeps its memory small: pairs that can lock nobody are pruned", () => {
    const state = createThrottleState();
    for (let i = 0; i < 1000; i++) fail(state, `addr-${i}`, 0, 1, `user${i}@example.org`);
    prune(state, L.maxLockMs + L.windowMs + 1);
    expect(state.pairs.size).toBe(0);
    expect(state.accounts.size).toBe(0);
  });
});
