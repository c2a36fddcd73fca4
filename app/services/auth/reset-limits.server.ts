// How often "forgot password" may be asked: per address (nobody's inbox is flooded) and per client
// address (nobody sprays the roster). Counted where the sign-in limits are (limiter-store.server.ts).
import { memoryLimiters, takePoint, type Limiters } from "../limiter-store.server";
import type { RateLimitResult } from "../rate-limit.server";

export type ResetLimitOptions = {
  /** Requests for one e-mail address in an hour. */
  perAddress?: number;
  /** Requests from one client address in an hour (a venue's NAT may hold many people). */
  perIp?: number;
};

/** Each of a 36-judge panel and its organizers may ask three times from the venue's one address. */
export const RESETS_PER_IP = 120;

export function createResetLimits(options: ResetLimitOptions = {}, limiters: Limiters = memoryLimiters) {
  const byAddress = limiters({
    keyPrefix: "reset-email",
    points: options.perAddress ?? 3,
    duration: 3600,
  });
  const byIp = limiters({ keyPrefix: "reset-ip", points: options.perIp ?? RESETS_PER_IP, duration: 3600 });

  return {
    /** Counts one request; the first limit reached answers. */
    async mayRequest(email: string, ip: string): Promise<RateLimitResult> {
      const ipVerdict = await takePoint(byIp, ip);
      if (!ipVerdict.ok) return ipVerdict;
      return takePoint(byAddress, email);
    },
  };
}

export type ResetLimits = ReturnType<typeof createResetLimits>;
