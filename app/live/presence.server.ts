// Which panel judges' phones are on the live channel now, kept in memory per competition (a restart
// starts it empty, and the phones fill it again as they come back): how many sockets each judge
// has open, since when they have none, when the server last heard from them. The control room
// shows it next to "waiting"; a change (online, offline, gone quiet) asks for its view again.
import type { LiveNamespace, LiveSocket } from "./hub-socket.server";

export type Device = { connected: boolean; offlineSince: string | null; lastSeen: string | null };

type Judge = {
  seat: number;
  sockets: Set<string>;
  offlineSince: number | null;
  lastSeen: number | null;
  quiet: boolean;
};
type Watched = { judges: Set<Judge>; touchedAt: number };

/** Touching a judge costs a clock read: at most once a second per socket, however chatty. */
const TOUCH_EVERY_MS = 1000;
/** Socket.IO pings every 25 s: a phone not heard from for longer than this has gone quiet. */
export const QUIET_AFTER_MS = 30_000;

/** A phone whose pongs stopped is still connected for up to pingTimeout: say so before it drops. */
function markQuiet(bySlug: Map<string, Map<number, Judge>>, now: number, onChange: (slug: string) => void) {
  for (const [slug, judges] of bySlug)
    for (const judge of judges.values())
      if (judge.sockets.size > 0 && !judge.quiet && now - (judge.lastSeen ?? now) > QUIET_AFTER_MS) {
        judge.quiet = true;
        onChange(slug);
      }
}

function deviceOf(judge: Judge | undefined): Device {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const open = (judge?.sockets.size ?? 0) > 0;
  return {
    connected: open && !judge!.quiet,
    offlineSince: open ? null : iso(judge?.offlineSince ?? null),
    lastSeen: iso(judge?.lastSeen ?? null),
  };
}

export type Presence = ReturnType<typeof createPresence>;

export function createPresence(onChange: (slug: string) => void, clock: () => number = Date.now) {
  const bySlug = new Map<string, Map<number, Judge>>();
  const watched = new Map<string, Watched>();
  const slugOf = new Map<Judge, string>();

  const judgeOf = (slug: string, userId: number, seat: number) => {
    const judges = bySlug.get(slug) ?? new Map<number, Judge>();
    bySlug.set(slug, judges);
    const judge = judges.get(userId) ?? { seat, sockets: new Set(), offlineSince: null, lastSeen: null, quiet: false };
    judge.seat = seat;
    judges.set(userId, judge);
    slugOf.set(judge, slug);
    return judge;
  };

  const touch = (socket: LiveSocket) => {
    const w = watched.get(socket.id);
    const now = clock();
    if (!w || now - w.touchedAt < TOUCH_EVERY_MS) return;
    w.touchedAt = now;
    for (const judge of w.judges) {
      judge.lastSeen = now;
      if (judge.quiet) {
        judge.quiet = false;
        onChange(slugOf.get(judge)!);
      }
    }
  };

  const leave = (socket: LiveSocket) => {
    const w = watched.get(socket.id);
    watched.delete(socket.id);
    for (const judge of w?.judges ?? []) {
      judge.sockets.delete(socket.id);
      if (judge.sockets.size > 0) continue;
      judge.offlineSince = clock();
      onChange(slugOf.get(judge)!);
    }
  };

  // Engine packets (messages, pongs) say the phone is there; the first one of a socket starts watching it.
  const watch = (socket: LiveSocket) => {
    const existing = watched.get(socket.id);
    if (existing) return existing;
    const w: Watched = { judges: new Set(), touchedAt: 0 };
    watched.set(socket.id, w);
    socket.conn.on("packet", () => touch(socket));
    socket.once("disconnect", () => leave(socket));
    return w;
  };

  const sweep = setInterval(() => markQuiet(bySlug, clock(), onChange), 5000);
  sweep.unref();

  return {
    /** A panel judge's socket follows the competition (every join: a resync joins again). */
    joined(socket: LiveSocket, slug: string, userId: number, seat: number) {
      if (!socket.connected) return;
      const judge = judgeOf(slug, userId, seat);
      const w = watch(socket);
      w.judges.add(judge);
      judge.lastSeen = clock();
      w.touchedAt = judge.lastSeen;
      if (judge.sockets.has(socket.id)) return;
      judge.sockets.add(socket.id);
      judge.quiet = false;
      judge.offlineSince = null;
      if (judge.sockets.size === 1) onChange(slug);
    },
    /** A connection Socket.IO recovered kept its judge rooms but sends no join: count it again. */
    recovered(socket: LiveSocket) {
      for (const room of socket.rooms) {
        const match = /^judge:([a-z0-9]+):(\d+)$/.exec(room);
        const known = match ? bySlug.get(match[1]!)?.get(Number(match[2])) : undefined;
        if (known) this.joined(socket, match![1]!, Number(match![2]), known.seat);
      }
    },
    /**
     * The device state of the judge at this seat: connected and heard from; or offline since the
     * last socket closed; or neither (gone quiet, not yet dropped): only when last seen. Never seen
     * since the server started: all null.
     */
    deviceAt(slug: string, seat: number): Device {
      return deviceOf([...(bySlug.get(slug)?.values() ?? [])].find((j) => j.seat === seat));
    },
    close() {
      clearInterval(sweep);
    },
  };
}

/** The hub's presence, found from its namespace by the functions that send views. */
const registry = new WeakMap<LiveNamespace, Presence>();
export const presenceOf = (live: LiveNamespace) => registry.get(live);
export function attachPresence(live: LiveNamespace, onChange: (slug: string) => void) {
  const presence = createPresence(onChange);
  registry.set(live, presence);
  return presence;
}
