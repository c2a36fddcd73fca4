// Sends the control room's commands over the live channel, one at a time, each with the control
// state's version the page holds (or the one its confirmation showed), and keeps the last refusal
// (an i18n key, as the server said it, or the client's own timeout) for the page to show.
import { useEffect, useRef, useState } from "react";
import type { Command } from "~/domain/live-final";
import type { LiveSocket } from "~/live/follower";
import { ackSchema, type RefusedAck } from "~/live/protocol";

export type ControlRefusal = RefusedAck["code"] | "live.refusal.timeout";
/** A command, and optionally the control version the organizer saw when deciding it. */
export type Send = (command: Command, seenVersion?: number) => Promise<boolean>;

export function useControlCommands(socket: LiveSocket | null, slug: string, version: number) {
  const [error, setError] = useState<ControlRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(version);
  useEffect(() => {
    latest.current = version;
  }, [version]);
  const send: Send = async (command, seenVersion) => {
    if (!socket) return false;
    setBusy(true);
    setError(null);
    try {
      const answer = await socket
        .timeout(8000)
        .emitWithAck("control", { competition: slug, command, version: seenVersion ?? latest.current });
      const ack = ackSchema.safeParse(answer);
      if (!ack.success) setError("live.refusal.serverError");
      else if (!ack.data.ok) setError(ack.data.code);
      return ack.success && ack.data.ok;
    } catch {
      setError("live.refusal.timeout");
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, error };
}
