// The control room's events (organizers only): each command goes to the live service, which
// decides, writes and publishes it; the ack carries its refusal, if any.
import { guarded } from "./guard.server";
import type { HubDeps, LiveSocket } from "./hub-socket.server";
import { controlMessage } from "./protocol";

export function registerControlHandlers(socket: LiveSocket, deps: Pick<HubDeps, "services" | "onHandled">) {
  const { services, onHandled } = deps;
  socket.on(
    "control",
    guarded(
      socket,
      services,
      { role: "organizer", schema: controlMessage },
      async (user, { competition, command, version }) => {
        const outcome = await services.live.command(user, competition, command, version);
        onHandled?.("control", outcome.ok);
        return outcome.ok ? { ok: true } : outcome;
      },
    ),
  );
}
