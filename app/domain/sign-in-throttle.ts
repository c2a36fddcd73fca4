// Who may try a password now. Failures are counted per (account, address) pair, so a stranger's
// guesses lock out only the stranger: the organizer at the venue signs in while someone elsewhere
// hammers the same account. Each lockout of a pair lasts twice as long as the last. When an
// account collects many failures from many addresses, only addresses that have never failed for
// it may still try. Pure: the caller passes the time and keeps the state.

export type ThrottleLimits = {
  /** Failures of one pair before it is locked. */
  perPair: number;
  /** Failures of one account, from any address, within `windowMs` that put it under attack. */
  perAccount: number;
  /** The first lockout of a pair; each further one doubles, up to `maxLockMs`. */
  firstLockMs: number;
  maxLockMs: number;
  /** How long failures are remembered. */
  windowMs: number;
};

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perPair: 5,
  perAccount: 50,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

type PairState = { failures: number; lockouts: number; lockedUntil: number; lastFailureAt: number };
type AccountState = { failures: number[] };

export type ThrottleVerdict = { ok: true } | { ok: false; retryAfterMs: number };

export function createThrottleState() {
  return { pairs: new Map<string, PairState>(), accounts: new Map<string, AccountState>() };
}
export type ThrottleState = ReturnType<typeof createThrottleState>;

const pairKey = (account: string, address: string) => `${account}\u0000${address}`;

function recentFailures(state: ThrottleState, account: string, now: number, limits: ThrottleLimits): number[] {
  const kept = (state.accounts.get(account)?.failures ?? []).filter((at) => now - at < limits.windowMs);
  if (kept.length) state.accounts.set(account, { failures: kept });
  else state.accounts.delete(account);
  return kept;
}

/** May this address try a password for this account now? Counts nothing. */
export function mayTry(
  state: ThrottleState,
  account: string,
  address: string,
  now: number,
  limits = DEFAULT_THROTTLE,
): ThrottleVerdict {
  const pair = state.pairs.get(pairKey(account, address));
  if (pair && pair.lockedUntil > now) return { ok: false, retryAfterMs: pair.lockedUntil - now };
  const recent = recentFailures(state, account, now, limits);
  if (recent.length >= limits.perAccount && pair && now - pair.lastFailureAt < limits.windowMs) {
    // Under attack: an address with failures of its own waits until the wave has passed.
    return { ok: false, retryAfterMs: Math.max(1000, limits.windowMs - (now - recent[0]!)) };
  }
  return { ok: true };
}

export function recordFailure(
  state: ThrottleState,
  account: string,
  address: string,
  now: number,
  limits = DEFAULT_THROTTLE,
): void {
  const key = pairKey(account, address);
  const pair = state.pairs.get(key) ?? { failures: 0, lockouts: 0, lockedUntil: 0, lastFailureAt: 0 };
  if (now - pair.lastFailureAt >= limits.windowMs) pair.failures = 0;
  pair.failures += 1;
  pair.lastFailureAt = now;
  if (pair.failures >= limits.perPair) {
    pair.lockedUntil = now + Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** pair.lockouts);
    pair.lockouts += 1;
    pair.failures = 0;
  }
  state.pairs.set(key, pair);
  state.accounts.set(account, {
    failures: [...recentFailures(state, account, now, limits), now].slice(-limits.perAccount * 2),
  });
}

/** A correct password from this address forgets its failures. */
export function recordSuccess(state: ThrottleState, account: string, address: string): void {
  state.pairs.delete(pairKey(account, address));
}

/** What an organizer sees of an account: how many addresses are locked out now. */
export function lockedAddresses(state: ThrottleState, account: string, now: number): number {
  let count = 0;
  const prefix = `${account}\u0000`;
  for (const [key, pair] of state.pairs) if (key.startsWith(prefix) && pair.lockedUntil > now) count += 1;
  return count;
}

/** An organizer's unlock: every address may try this account again at once. */
export function unlockAccount(state: ThrottleState, account: string): void {
  const prefix = `${account}\u0000`;
  for (const key of [...state.pairs.keys()]) if (key.startsWith(prefix)) state.pairs.delete(key);
  state.accounts.delete(account);
}

/** Forgets what can no longer lock anyone, so the maps stay small under a spray of addresses. */
export function prune(state: ThrottleState, now: number, limits = DEFAULT_THROTTLE): void {
  for (const [key, pair] of state.pairs) {
    if (pair.lockedUntil <= now && now - pair.lastFailureAt >= limits.maxLockMs + limits.windowMs)
      state.pairs.delete(key);
  }
  for (const account of [...state.accounts.keys()]) recentFailures(state, account, now, limits);
}
