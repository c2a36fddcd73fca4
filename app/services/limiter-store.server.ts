// Where the rate limits count (sign-in, sign-up, password resets, live votes): in this process's
// memory alone, or, with REDIS_URL, in Redis, so that every server process behind nginx counts
// against the same budget. A Redis that is down falls back to this process's own counters: the
// limits stay on, only less shared, and sign-in keeps working.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

export type LimiterSpec = { keyPrefix: string; points: number; duration: number };
export type Limiters = (spec: LimiterSpec) => RateLimiterAbstract;

export const memoryLimiters: Limiters = (spec) => new RateLimiterMemory(spec);

/** Limiters counted in Redis through a connected `redis` client, this process's memory while it is unreachable. */
export function redisLimiters(client: unknown): Limiters {
  return (spec) =>
    new RateLimiterRedis({
      ...spec,
      storeClient: client,
      useRedisPackage: true,
      keyPrefix: `frontier:limit:${spec.keyPrefix}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(spec),
    });
}

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Takes one point; a "no" says how long until the next try may succeed. */
export async function takePoint(limiter: RateLimiterAbstract, key: string): Promise<Taken> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (error) {
    if (error instanceof RateLimiterRes)
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    throw error;
  }
}
