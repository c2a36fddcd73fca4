// The `/live` namespace: who is asking (handshake.server.ts), what they may send (guard and rate
// limit), one handler module per area of events (join, control, judges), and the fan-out of each
// published change to the competition's room, where Socket.IO serializes it once (DESIGN §4).
import type { Server } from "socket.io";
import { controlViewOnPresence, relayBroadcasts } from "./broadcast.server";
import { registerControlHandlers } from "./control-handlers.server";
import { identifyAtHandshake, keepAllowedRooms } from "./handshake.server";
import { sessionRoom, type HubDeps, type LiveNamespace, type LiveSocket } from "./hub-socket.server";
import { registerJoinHandler } from "./join-handler.server";
import { registerJudgeHandlers } from "./judge-handlers.server";
import { attachPresence } from "./presence.server";
import { LIVE_NAMESPACE } from "./protocol";

export { judgeRoom, type HubDeps } from "./hub-socket.server";
export { REPLAY_LIMIT } from "./join-handler.server";
export { RATE_LIMITS, type RateLimit } from "./rate-limit.server";

export function attachLiveHub(io: Server, deps: HubDeps) {
  const live = io.of(LIVE_NAMESPACE) as unknown as LiveNamespace;
  identifyAtHandshake(live, deps);
  // A session ended (sign-out, password reset, disabled account): its sockets close at once.
  const stopWatchingSessions = deps.services.auth.onSessionsEnded(({ sessionHashes }) => {
    for (const hash of sessionHashes) live.in(sessionRoom(hash)).disconnectSockets(true);
  });
  const stopRelaying = relayBroadcasts(live, deps);
  const presenceViews = controlViewOnPresence(live, deps.services);
  const presence = attachPresence(live, (slug) => presenceViews.changed(slug));
  live.on("connection", (raw) => {
    const socket = raw as LiveSocket;
    keepAllowedRooms(socket);
    if (socket.recovered) presence.recovered(socket);
    registerJoinHandler(live, socket, deps);
    registerControlHandlers(socket, deps);
    registerJudgeHandlers(live, socket, deps);
  });
  return {
    namespace: live,
    /**
     * Stops listening; the sockets stay open for `io.close()`, which drops their transports
     * without a disconnect packet: clients then reconnect by themselves and resync by seq
     * (DESIGN §4). A disconnect packet here would tell every screen not to come back.
     */
    close() {
      stopRelaying();
      stopWatchingSessions();
      presenceViews.close();
      presence.close();
    },
  };
}
