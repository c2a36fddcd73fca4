// The server's clock as this page sees it: every snapshot and update carries `serverNow` (the
// server's epoch ms), and the offset from the local clock is kept, so a countdown shown on a
// projector, a judge's phone and the control room reads the same second whatever their clocks say.
import { useCallback, useEffect, useState } from "react";
import type { LiveSocket } from "~/live/follower";

function listen(socket: LiveSocket, setOffset: (offset: number) => void) {
  const seen = (event: { serverNow?: number }) => {
    if (typeof event.serverNow === "number" && Number.isFinite(event.serverNow))
      setOffset(event.serverNow - Date.now());
  };
  socket.on("snapshot", seen);
  socket.on("update", seen);
  return () => {
    socket.off("snapshot", seen);
    socket.off("update", seen);
  };
}

/**
 * `offsetMs`: milliseconds to add to `Date.now()` for the server's time (0 until the first event).
 * Pass `attach` as useLiveChannel's third argument to hear the very first snapshot, or pass the
 * channel's `socket` (heard from its connection on).
 */
export function useServerClock(socket?: LiveSocket | null) {
  const [offsetMs, setOffsetMs] = useState(0);
  const attach = useCallback((s: LiveSocket) => {
    listen(s, setOffsetMs);
  }, []);
  useEffect(() => (socket ? listen(socket, setOffsetMs) : undefined), [socket]);
  return { offsetMs, attach };
}
