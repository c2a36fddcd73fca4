// Which process sends the live finals' updates (decision 0020): the one holding a lease in Redis.
// It is renewed every `everyMs`; a holder that cannot renew counts itself out once `ttlMs` has
// passed since its last renewal, the moment Redis would let another process take it, so two
// processes never both believe they hold it for longer than a renewal round trip.
export type LeaseClient = { sendCommand(args: string[]): Promise<unknown> };

export type EmitterLease = { held(): boolean; stop(): Promise<void> };

// Renews only a lease this process still holds; another holder's is left alone.
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function holdEmitterLease(
  client: LeaseClient,
  options: { key: string; nodeId: string; ttlMs: number; everyMs: number; onAcquired: () => void },
): EmitterLease {
  const { key, nodeId, ttlMs, everyMs } = options;
  let validUntil = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const held = () => Date.now() < validUntil;

  async function round() {
    const startedAt = Date.now();
    const wasHeld = held();
    try {
      const got = wasHeld
        ? (await client.sendCommand(["EVAL", RENEW, "1", key, nodeId, String(ttlMs)])) === 1
        : (await client.sendCommand(["SET", key, nodeId, "NX", "PX", String(ttlMs)])) === "OK";
      validUntil = got ? startedAt + ttlMs : 0;
    } catch {
      // Redis unreachable: the lease runs out by itself at validUntil.
    }
    if (!wasHeld && held() && !stopped) options.onAcquired();
  }

  const loop = async () => {
    if (stopped) return;
    await round();
    if (!stopped) timer = setTimeout(() => void loop(), everyMs);
  };
  void loop();
  return {
    held,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (held()) await client.sendCommand(["EVAL", RELEASE, "1", key, nodeId]).catch(() => undefined);
      validUntil = 0;
    },
  };
}
