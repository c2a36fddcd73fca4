// The publisher between the live service and the hub (DESIGN §3): server.ts makes one, the service
// publishes every accepted change to it, and the hub listens on it and fans the change out to the
// rooms. Neither side holds the other, so the service runs (and is tested) without any socket.
import type { PublicState } from "../domain/live-final";
import type { UpdateEvent } from "./protocol";

/** What the hub sends out: updates in seq order, or (when a live final starts) a whole snapshot. */
export type LiveBroadcast = { slug: string; updates: UpdateEvent[]; snapshot?: PublicState };

/** What the live service needs: somewhere to say what changed. */
export type LivePublisher = { publish(broadcast: LiveBroadcast): void };

/** The in-process publisher: every broadcast goes to each listener (the hub), in order. */
export type LiveRelay = LivePublisher & { subscribe(listener: (broadcast: LiveBroadcast) => void): () => void };

export function createLivePublisher(): LiveRelay {
  const listeners = new Set<(broadcast: LiveBroadcast) => void>();
  return {
    publish(broadcast) {
      for (const listener of listeners) listener(broadcast);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
