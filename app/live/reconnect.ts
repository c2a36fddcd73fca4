// Keeps a live socket coming back after ANY disconnect. Socket.IO's manager reconnects by itself
// after a lost transport (a crash, a restart, the Wi-Fi), but not after the server's own
// disconnect ("io server disconnect", e.g. a session ended) nor a refused handshake: those leave
// the socket inactive. Here they are retried too, with a jittered backoff of at most `maxMs`;
// the follower's join with lastSeq then resyncs the state. Only the page's own disconnect stays.
import type { Socket } from "socket.io-client";

export type Reconnecting = { stop(): void };

export function reconnectAlways(socket: Socket, { firstMs = 500, maxMs = 3000 } = {}): Reconnecting {
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const retry = () => {
    // An active socket is the manager's to reconnect; a timer already set will do.
    if (socket.active || timer !== undefined) return;
    const delay = Math.min(maxMs, firstMs * 2 ** attempts) * (0.5 + Math.random() / 2);
    attempts++;
    timer = setTimeout(() => {
      timer = undefined;
      if (!socket.connected && !socket.active) socket.connect();
    }, delay);
  };
  const onDisconnect = (reason: Socket.DisconnectReason) => {
    if (reason !== "io client disconnect") retry();
  };
  const onConnect = () => {
    attempts = 0;
  };
  socket.on("disconnect", onDisconnect);
  socket.on("connect_error", retry);
  socket.on("connect", onConnect);
  return {
    stop() {
      clearTimeout(timer);
      timer = undefined;
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", retry);
      socket.off("connect", onConnect);
    },
  };
}
