import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Sign-in and sign-up attempts, limited per client address and per account. In memory: the
 * design runs one writer process, and a restart forgetting the counters is acceptable.
 */
export function createAuthRateLimits(options: { perIp?: number; perAccount?: number } = {}) {
  const byIp = new RateLimiterMemory({ keyPrefix: "auth-ip", points: options.perIp ?? 30, duration: 10 * 60 });
  const failuresByAccount = new RateLimiterMemory({ keyPrefix: "auth-account", points: options.perAccount ?? 5, duration: 15 * 60 });

  async function take(limiter: RateLimiterMemory, key: string): Promise<RateLimitResult> {
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (error) {
      if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
      throw error;
    }
  }

  return {
    /** Every attempt from an address counts. */
    attemptFromIp: (ip: string) => take(byIp, ip),
    /** Is this account locked by earlier failures? Does not count an attempt. */
    async accountLocked(email: string): Promise<RateLimitResult> {
      const res = await failuresByAccount.get(email);
      if (res && res.consumedPoints >= (options.perAccount ?? 5)) return { ok: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
      return { ok: true };
    },
    failedSignIn: (email: string) => take(failuresByAccount, email),
    succeededSignIn: (email: string) => failuresByAccount.delete(email),
  };
}

export type AuthRateLimits = ReturnType<typeof createAuthRateLimits>;
