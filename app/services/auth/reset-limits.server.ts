// How often "forgot password" may be asked: per address (nobody's inbox is flooded) and per client
// address (nobody sprays the roster). In memory, like the sign-in limits: one writer process.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitResult } from "../rate-limit.server";

export type ResetLimitOptions = {
  /** Requests for one e-mail address in an hour. */
  perAddress?: number;
  /** Requests from one client address in an hour (a venue's NAT may hold many people). */
  perIp?: number;
};

/** Each of a 36-judge panel and its organizers may ask three times from the venue's one address. */
export const RESETS_PER_IP = 120;

export function createResetLimits(options: ResetLimitOptions = {}) {
  const byAddress = new RateLimiterMemory({
    keyPrefix: "reset-email",
    points: options.perAddress ?? 3,
    duration: 3600,
  });
  const byIp = new RateLimiterMemory({ keyPrefix: "reset-ip", points: options.perIp ?? RESETS_PER_IP, duration: 3600 });

  async function take(limiter: RateLimiterMemory, key: string): Promise<RateLimitResult> {
    try {
      await limiter.consume(key);
      return { ok: true };
    } catch (error) {
      if (error instanceof RateLimiterRes)
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      throw error;
    }
  }

  return {
    /** Counts one request; the first limit reached answers. */
    async mayRequest(email: string, ip: string): Promise<RateLimitResult> {
      const ipVerdict = await take(byIp, ip);
      if (!ipVerdict.ok) return ipVerdict;
      return take(byAddress, email);
    },
  };
}

export type ResetLimits = ReturnType<typeof createResetLimits>;
