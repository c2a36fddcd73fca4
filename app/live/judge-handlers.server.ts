// The judges' events: a stage score goes to the live service; once it is stored, the judge's other
// screens (a second phone, a reload) learn it is scored.
import { sendJudgeView } from "./broadcast.server";
import { guarded } from "./guard.server";
import type { HubDeps, LiveNamespace, LiveSocket } from "./hub-socket.server";
import { submitMessage } from "./protocol";

export function registerJudgeHandlers(
  live: LiveNamespace,
  socket: LiveSocket,
  deps: Pick<HubDeps, "services" | "onHandled">,
) {
  const { services, onHandled } = deps;
  socket.on(
    "submit",
    guarded(socket, services, { role: "judge", schema: submitMessage }, async (user, message) => {
      const outcome = await services.live.submit(user, message);
      onHandled?.("submit", outcome.ok);
      if (!outcome.ok) return outcome;
      void sendJudgeView(live, services, null, user, message.competition).catch(() => undefined);
      return { ok: true, duplicate: outcome.duplicate };
    }),
  );
}
