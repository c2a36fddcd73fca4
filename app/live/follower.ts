// Follows one competition over the live channel and keeps its public state exactly as the server
// has it: updates are applied strictly in seq order; a gap asks the server for what was missed
// (or a snapshot); a repeat is ignored. Used by the audience screen, the judge's phone and the
// control room, and by the example client in docs/live-protocol.md.
import type { Socket } from "socket.io-client";
import { applyChange, type Change, type PublicState } from "../domain/live-final";
import type { ClientToServerEvents, ServerToClientEvents } from "./protocol";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Follower = {
  readonly state: PublicState | null;
  stop(): void;
};

export function followCompetition(
  socket: LiveSocket,
  competition: string,
  initial: PublicState | null,
  onState: (state: PublicState | null, change: Change | null) => void,
): Follower {
  let state = initial;
  let askedAt = -1;
  const join = () => {
    askedAt = state?.seq ?? 0;
    socket.emit("join", { competition, ...(state ? { lastSeq: state.seq } : {}) });
  };
  // A connection Socket.IO recovered has already been sent what was missed; any other one joins
  // again and says where it stopped.
  const onConnect = () => {
    if (!socket.recovered) join();
  };
  const onSnapshot: ServerToClientEvents["snapshot"] = (event) => {
    if (event.competition !== competition) return;
    state = event.state;
    onState(state, null);
  };
  const onUpdate: ServerToClientEvents["update"] = (event) => {
    if (event.competition !== competition) return;
    if (!state) {
      if (askedAt !== 0) join();
      return;
    }
    if (event.seq <= state.seq) return;
    if (event.seq !== state.seq + 1) {
      // Missed something: ask once per position, then apply what comes back in order.
      if (askedAt !== state.seq) join();
      return;
    }
    state = applyChange(state, event.seq, event.change);
    onState(state, event.change);
  };
  socket.on("connect", onConnect);
  socket.on("snapshot", onSnapshot);
  socket.on("update", onUpdate);
  if (socket.connected) join();
  return {
    get state() {
      return state;
    },
    stop() {
      socket.off("connect", onConnect);
      socket.off("snapshot", onSnapshot);
      socket.off("update", onUpdate);
    },
  };
}
