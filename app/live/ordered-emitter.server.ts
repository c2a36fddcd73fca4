// The audience's fan-out, in seq order, whichever process wrote the change (decision 0020). Any
// process may write a live final (SQLite serialises them); the one that holds the emitter lease
// (always this one without Redis) sends each competition's updates to its room through the
// adapter, strictly in seq order: what it was told out of order, or never told (a writer that
// died between its commit and its notice), it reads back from live_events, which the writer
// committed before any later seq could exist. A seq it has already sent is not sent again.
import type { Services } from "../services/index.server";
import type { LiveNamespace } from "./hub-socket.server";
import { competitionRoom, type UpdateEvent } from "./protocol";
import type { LiveBroadcast } from "./publisher.server";

/** How many of a competition's latest updates a new emitter sends again: screens ignore repeats. */
export const TAKEOVER_REPLAY = 20;

export type OrderedEmitter = {
  /** A change some process wrote: sent now, or after what it must follow. */
  offer(broadcast: LiveBroadcast): void;
  /** This process has just become the emitter: the latest updates of every final it knows go out again. */
  tookOver(): void;
  /** Settles when every offer so far has been sent (tests, shutdown). */
  idle(): Promise<void>;
};

export function createOrderedEmitter(
  live: LiveNamespace,
  services: Pick<Services, "live">,
  isEmitter: () => boolean,
): OrderedEmitter {
  /** The last seq sent per competition; unknown until this process first sends for it. */
  const sent = new Map<string, number>();
  const chains = new Map<string, Promise<void>>();
  /** Every competition heard of, so a new emitter knows which finals to bring up to date. */
  const known = new Set<string>();
  const send = (slug: string, update: UpdateEvent) => {
    live.to(competitionRoom(slug)).emit("update", { ...update, serverNow: Date.now() });
    sent.set(slug, update.seq);
  };
  const sendSnapshot = async (slug: string) => {
    const snapshot = await services.live.snapshot(slug);
    if (!snapshot?.state) return;
    live.to(competitionRoom(slug)).emit("snapshot", { ...snapshot, serverNow: Date.now() });
    sent.set(slug, snapshot.state.seq);
  };

  async function deliver({ slug, updates, snapshot }: LiveBroadcast) {
    if (snapshot !== undefined) {
      live.to(competitionRoom(slug)).emit("snapshot", { competition: slug, state: snapshot, serverNow: Date.now() });
      sent.set(slug, snapshot.seq);
    }
    const last = sent.get(slug);
    const fresh = updates.filter((u) => last === undefined || u.seq > last);
    if (fresh.length === 0) return;
    if (last !== undefined && fresh[0]!.seq !== last + 1) {
      // Written by another process and not yet heard of here: the database has it.
      const missed = await services.live.updatesSince(slug, last);
      if (missed === null) return sendSnapshot(slug);
      for (const update of missed) send(slug, update);
      for (const update of fresh) if (update.seq > sent.get(slug)!) send(slug, update);
      return;
    }
    for (const update of fresh) send(slug, update);
  }

  function chain(slug: string, step: () => Promise<void>) {
    const next = (chains.get(slug) ?? Promise.resolve()).then(step).catch(() => undefined);
    chains.set(slug, next);
  }

  return {
    offer(broadcast) {
      known.add(broadcast.slug);
      if (!isEmitter()) {
        // Another process sends it; if this one takes over, it starts again from the database.
        sent.delete(broadcast.slug);
        return;
      }
      chain(broadcast.slug, () => deliver(broadcast));
    },
    tookOver() {
      for (const slug of known)
        chain(slug, async () => {
          const snapshot = await services.live.snapshot(slug);
          const seq = snapshot?.state?.seq ?? 0;
          const replay = await services.live.updatesSince(slug, Math.max(0, seq - TAKEOVER_REPLAY));
          if (replay === null) return sendSnapshot(slug);
          for (const update of replay) send(slug, update);
        });
    },
    async idle() {
      await Promise.all(chains.values());
    },
  };
}
