// Sends the control room's commands over the live channel, one at a time, and keeps the last
// refusal (an i18n key, as the server said it, or the client's own timeout) for the page to show.
import { useState } from "react";
import type { Command } from "~/domain/live-final";
import type { LiveSocket } from "~/live/follower";
import { ackSchema, type RefusedAck } from "~/live/protocol";

export type ControlRefusal = RefusedAck["code"] | "live.refusal.timeout";

export function useControlCommands(socket: LiveSocket | null, slug: string) {
  const [error, setError] = useState<ControlRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(command: Command): Promise<boolean> {
    if (!socket) return false;
    setBusy(true);
    setError(null);
    try {
      const answer = await socket.timeout(8000).emitWithAck("control", { competition: slug, command });
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
  }
  return { send, busy, error };
}
