// Several server processes on one database (REDIS_URL, decision 0020): the Redis Streams adapter
// carries the rooms' broadcasts and connection state recovery between them, each process tells
// the others what it wrote (so their control rooms and judges' phones see it), and one process at
// a time, holding the emitter lease, sends the audience's updates in seq order.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import type { Server } from "socket.io";
import { holdEmitterLease, type EmitterLease } from "./emitter-lease.server";
import { LIVE_NAMESPACE } from "./protocol";
import type { LiveBroadcast } from "./publisher.server";

/** What the hub needs of the cluster; one process alone is its own cluster. */
export type LiveCluster = {
  /** Whether this process sends the audience's updates now. */
  isEmitter(): boolean;
  /** Tells the other processes of a change this one wrote. */
  announce(broadcast: LiveBroadcast): void;
  /** Hears the changes the other processes wrote. */
  onNotice(listener: (broadcast: LiveBroadcast) => void): void;
  /** Hears when this process becomes the emitter. */
  onTakeover(listener: () => void): void;
  close(): Promise<void>;
};

export const SINGLE_PROCESS: LiveCluster = {
  isEmitter: () => true,
  announce: () => undefined,
  onNotice: () => undefined,
  onTakeover: () => undefined,
  close: async () => undefined,
};

const NOTICE = "frontier:written";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
/** A dead emitter's successor starts within about this long (the hall's screens wait as long). */
export const EMITTER_LEASE_MS = 3000;
const RENEW_EVERY_MS = 1000;

export type RedisClient = ReturnType<typeof createClient>;

/** A client of REDIS_URL, connected; it reconnects by itself for ever, at most every 2 s. */
export async function connectRedis(url: string, log: (message: string) => void, timeoutMs = 10_000) {
  let lastError = "";
  const client = createClient({
    url,
    // Redis restarting must not need a server restart.
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });
  client.on("error", (error: Error) => {
    // One line per distinct failure: a Redis outage otherwise logs at every retry.
    if (error.message !== lastError) log(`redis: ${error.message}`);
    lastError = error.message;
  });
  client.on("ready", () => {
    if (lastError) log("redis: connected again");
    lastError = "";
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`cannot reach REDIS_URL within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return client;
}

export type ClusterOptions = { nodeId: string; log: (message: string) => void; leaseMs?: number };

/** Puts the adapter under every namespace and starts competing for the emitter lease. */
export async function joinCluster(io: Server, client: RedisClient, options: ClusterOptions): Promise<LiveCluster> {
  io.adapter(createAdapter(client, { streamName: "frontier:live", onlyPlaintext: true }));

  const live = io.of(LIVE_NAMESPACE);
  const takeovers: Array<() => void> = [];
  const lease: EmitterLease = holdEmitterLease(client, {
    key: "frontier:live:emitter",
    nodeId: options.nodeId,
    ttlMs: options.leaseMs ?? EMITTER_LEASE_MS,
    everyMs: Math.min(RENEW_EVERY_MS, (options.leaseMs ?? EMITTER_LEASE_MS) / 3),
    onAcquired: () => {
      options.log(`live: ${options.nodeId} sends the audience's updates`);
      for (const listener of takeovers) listener();
    },
  });
  return {
    isEmitter: () => lease.held(),
    announce(broadcast) {
      live.serverSideEmit(NOTICE, broadcast);
    },
    onNotice(listener) {
      live.on(NOTICE, listener);
    },
    onTakeover(listener) {
      takeovers.push(listener);
    },
    async close() {
      // Commands wait for a Redis that is down: shutting down must not wait with them.
      const stopped = Promise.all([lease.stop(), client.close()]).catch(() => undefined);
      const gaveUp = await Promise.race([stopped.then(() => false), sleep(1000).then(() => true)]);
      if (gaveUp) client.destroy();
    },
  };
}
