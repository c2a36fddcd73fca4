// The live channel's rate limit: a token bucket per socket, sized by who is asking. A flood is
// answered with `rateLimited` (the error event at most once a second), a sustained one disconnected.
import type { SessionUser } from "../services/auth.server";
import { reply, type LiveSocket } from "./hub-socket.server";
import { channelRefusal } from "./protocol";

export type RateLimit = { burst: number; perSecond: number; disconnectAfter: number };
/**
 * Per socket, by who is asking. A screen sends one join per (re)connect; a judge taps a few times
 * a second at most; the control room may script a burst of steps (reordering, cards).
 */
export const RATE_LIMITS: Record<"audience" | "judge" | "organizer", RateLimit> = {
  audience: { burst: 10, perSecond: 2, disconnectAfter: 100 },
  judge: { burst: 20, perSecond: 5, disconnectAfter: 200 },
  organizer: { burst: 300, perSecond: 100, disconnectAfter: 1000 },
};

export const rateFor = (user: SessionUser | null) =>
  user?.roles.includes("organizer")
    ? RATE_LIMITS.organizer
    : user?.roles.includes("judge")
      ? RATE_LIMITS.judge
      : RATE_LIMITS.audience;

/** Takes `cost` tokens from the socket's bucket if it has them. */
export function spend(socket: LiveSocket, cost: number): boolean {
  const d = socket.data;
  const now = Date.now();
  d.tokens = Math.min(d.rate.burst, d.tokens + ((now - d.refilledAt) / 1000) * d.rate.perSecond);
  d.refilledAt = now;
  if (d.tokens < cost) return false;
  d.tokens -= cost;
  return true;
}

/** Whether the socket may send one more message now; refuses (or disconnects) it when not. */
export function allowed(socket: LiveSocket, ack?: unknown): boolean {
  if (spend(socket, 1)) return true;
  const d = socket.data;
  const now = Date.now();
  d.strikes += 1;
  if (d.strikes >= d.rate.disconnectAfter) {
    socket.disconnect(true);
    return false;
  }
  const refusal = channelRefusal("rateLimited");
  reply(ack, { ok: false, ...refusal });
  if (now - d.warnedAt > 1000) {
    d.warnedAt = now;
    socket.emit("error", refusal);
  }
  return false;
}
