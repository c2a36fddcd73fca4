// The fan-out of each published change: serialized once to the competition's room (DESIGN §4),
// and the control room's and a judge's views sent again where they are open.
import type { Services } from "../services/index.server";
import type { SessionUser } from "../services/auth.server";
import { judgeRoom, type HubDeps, type LiveNamespace, type LiveSocket } from "./hub-socket.server";
import { competitionRoom, controlRoom } from "./protocol";

/** The control room's view, to one socket (by id) or a room. */
export async function sendControlView(live: LiveNamespace, services: Services, slug: string, to: string) {
  const view = await services.live.controlView(slug);
  if (view) live.to(to).emit("control", view);
}

/** A judge's view, to this socket, or (null) to every screen of that judge. */
export async function sendJudgeView(
  live: LiveNamespace,
  services: Services,
  socket: LiveSocket | null,
  user: SessionUser,
  slug: string,
) {
  const view = await services.live.judgeView(user, slug);
  if (view) (socket ?? live.to(judgeRoom(slug, user.id))).emit("judge", view);
}

/** Listens on the publisher and fans each change out; returns how to stop. */
export function relayBroadcasts(live: LiveNamespace, deps: Pick<HubDeps, "publisher" | "services">) {
  return deps.publisher.subscribe(({ slug, updates, snapshot }) => {
    const room = live.to(competitionRoom(slug));
    const serverNow = Date.now();
    if (snapshot !== undefined) room.emit("snapshot", { competition: slug, state: snapshot, serverNow });
    for (const update of updates) room.emit("update", { ...update, serverNow });
    // The control view costs a few queries: only worth it when a control room is open.
    if (live.adapter.rooms.get(controlRoom(slug))?.size)
      void sendControlView(live, deps.services, slug, controlRoom(slug)).catch(() => undefined);
    // A stage move may open or end a correction: each judge's phone learns whether it has one.
    if (updates.some((u) => u.change.type === "stage")) sendJudgeViews(live, deps.services, slug);
  });
}

/** Every open judge's view of the competition, again: one per judge, through their room. */
function sendJudgeViews(live: LiveNamespace, services: Services, slug: string) {
  const prefix = judgeRoom(slug, 0).slice(0, -1);
  for (const [room, ids] of live.adapter.rooms) {
    if (!room.startsWith(prefix)) continue;
    const [first] = ids;
    const user = first === undefined ? null : live.sockets.get(first)?.data.user;
    if (user) void sendJudgeView(live, services, null, user, slug).catch(() => undefined);
  }
}
