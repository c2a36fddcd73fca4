// One socket per page on the `/live` namespace, following one competition: the public state kept
// exactly as the server has it (see app/live/follower.ts) and the connection's state for display.
// After any disconnect (a restart, a crash, the server's own disconnect) it comes back by itself,
// every 3 s at most, and resyncs by seq (app/live/reconnect.ts).
import { useEffect, useRef, useState } from "react";
import { io } from "socket.io-client";
import type { PublicState } from "~/domain/live-final";
import { followCompetition, type LiveSocket } from "~/live/follower";
import { LIVE_NAMESPACE } from "~/live/protocol";
import { reconnectAlways } from "~/live/reconnect";

export type Connection = "connecting" | "live" | "reconnecting" | "offline";

export function useLiveChannel(
  competition: string,
  initial: PublicState | null,
  attach?: (socket: LiveSocket) => void,
) {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const attachRef = useRef(attach);
  useEffect(() => {
    attachRef.current = attach;
  });

  useEffect(() => {
    const s: LiveSocket = io(LIVE_NAMESPACE, { withCredentials: true, reconnectionDelayMax: 3000 });
    attachRef.current?.(s);
    const follower = followCompetition(s, competition, initial, (next) => setState(next));
    const reconnecting = reconnectAlways(s, { maxMs: 3000 });
    const online = () => setConnection(s.connected ? "live" : navigator.onLine ? "reconnecting" : "offline");
    // The phone knows before any ping does that the Wi-Fi is gone: let go at once, and come back
    // (with the last seq seen) as soon as it returns.
    const wentOffline = () => {
      s.disconnect();
      online();
    };
    const cameOnline = () => {
      if (!s.connected) s.connect();
      online();
    };
    s.on("connect", () => {
      setConnection("live");
      setSocket(s);
    });
    s.on("disconnect", online);
    s.io.on("reconnect_attempt", online);
    s.io.on("error", online);
    window.addEventListener("online", cameOnline);
    window.addEventListener("offline", wentOffline);
    return () => {
      follower.stop();
      reconnecting.stop();
      window.removeEventListener("online", cameOnline);
      window.removeEventListener("offline", wentOffline);
      s.disconnect();
    };
    // The initial state only seeds the follower; later loader data must not restart the socket.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [competition]);

  return { state, connection, socket };
}
