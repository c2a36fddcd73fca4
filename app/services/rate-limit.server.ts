// Sign-in and sign-up limits; the service turns a "no" from here into a rate_limited Refusal.
import {
  createThrottleState,
  DEFAULT_THROTTLE,
  lockedAddresses,
  mayTry,
  prune,
  recordFailure,
  recordSuccess,
  unlockAccount,
  type ThrottleLimits,
} from "../domain/sign-in-throttle";
import { memoryLimiters, takePoint, type Limiters } from "./limiter-store.server";

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export type AuthRateLimitOptions = {
  /**
   * Failed sign-ins one address may make in 10 minutes, over all accounts. A venue's NAT signs in a
   * whole panel (36 judges and the organizers, a few typos each): guessing one account is stopped
   * per account and address (sign-in-throttle.ts), so this only caps spraying many accounts.
   */
  failuresPerIp?: number;
  /** New accounts one address may open in an hour (sign-up also tells whether an address is taken). */
  signUpsPerIp?: number;
  throttle?: Partial<ThrottleLimits>;
};

/**
 * Sign-in and sign-up limits. The per-address counters are shared by every server process when
 * `limiters` count in Redis; the per-account throttle (sign-in-throttle.ts) stays in this
 * process's memory, and a restart forgetting it is acceptable. Successful sign-ins are never counted against an address.
 */
/** The default of `failuresPerIp`: 36 judges and a few organizers with five typos each stay under it. */
export const FAILURES_PER_IP = 300;

export function createAuthRateLimits(
  options: AuthRateLimitOptions = {},
  clock: () => Date = () => new Date(),
  limiters: Limiters = memoryLimiters,
) {
  const failuresByIp = limiters({
    keyPrefix: "auth-ip",
    points: options.failuresPerIp ?? FAILURES_PER_IP,
    duration: 10 * 60,
  });
  const signUpsByIp = limiters({
    keyPrefix: "signup-ip",
    points: options.signUpsPerIp ?? 20,
    duration: 60 * 60,
  });
  const limits: ThrottleLimits = { ...DEFAULT_THROTTLE, ...options.throttle };
  const state = createThrottleState();
  let prunedAt = 0;
  const now = () => clock().getTime();
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  return {
    /** May this address try this account's password now? Counts nothing. */
    async mayTrySignIn(email: string, ip: string): Promise<RateLimitResult> {
      const byIp = await failuresByIp.get(ip);
      if (byIp && byIp.consumedPoints >= (options.failuresPerIp ?? FAILURES_PER_IP))
        return { ok: false, retryAfterSeconds: seconds(byIp.msBeforeNext) };
      const verdict = mayTry(state, email, ip, now(), limits);
      return verdict.ok ? verdict : { ok: false, retryAfterSeconds: seconds(verdict.retryAfterMs) };
    },
    async failedSignIn(email: string, ip: string): Promise<void> {
      recordFailure(state, email, ip, now(), limits);
      await takePoint(failuresByIp, ip);
      if (now() - prunedAt > 60_000) {
        prunedAt = now();
        prune(state, prunedAt, limits);
      }
    },
    succeededSignIn: (email: string, ip: string) => recordSuccess(state, email, ip),
    signUpFromIp: (ip: string) => takePoint(signUpsByIp, ip),
    /** For the organizer's account page. */
    lockedAddresses: (email: string) => lockedAddresses(state, email, now()),
    unlock: (email: string) => unlockAccount(state, email),
  };
}

export type AuthRateLimits = ReturnType<typeof createAuthRateLimits>;
