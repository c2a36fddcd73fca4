// The fan-out of each published change: serialized once to the competition's room, in seq order,
// by the process that holds the emitter lease (DESIGN §4, decision 0020), and the control room's
// and judges' views sent again by every process to its own sockets where they are open.
import type { Services } from "../services/index.server";
import type { SessionUser } from "../services/auth.server";
import { judgeRoom, type HubDeps, type LiveNamespace, type LiveSocket } from "./hub-socket.server";
import { SINGLE_PROCESS } from "./cluster.server";
import { createOrderedEmitter } from "./ordered-emitter.server";
import { presenceOf } from "./presence.server";
import type { LiveBroadcast } from "./publisher.server";
import { controlRoom } from "./protocol";

/** The control room's view, to one socket (by id) or a room, with each panel judge's device state. */
export async function sendControlView(live: LiveNamespace, services: Services, slug: string, to: string) {
  const view = await services.live.controlView(slug);
  if (!view) return;
  const presence = presenceOf(live);
  const panel = presence ? view.panel.map((p) => ({ ...p, device: presence.deviceAt(slug, p.seat) })) : view.panel;
  // Each process sends its own sockets their view (the others hear the change and do the same).
  live.local.to(to).emit("control", { ...view, panel });
}

/** The control view again when a panel judge's phone comes or goes: at most every 500 ms per competition. */
export function controlViewOnPresence(live: LiveNamespace, services: Services) {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const sentAt = new Map<string, number>();
  let closed = false;
  const send = (slug: string) => {
    pending.delete(slug);
    sentAt.set(slug, Date.now());
    if (!closed && live.adapter.rooms.get(controlRoom(slug))?.size)
      void sendControlView(live, services, slug, controlRoom(slug)).catch(() => undefined);
  };
  return {
    changed(slug: string) {
      if (closed || pending.has(slug)) return;
      const wait = Math.max(0, (sentAt.get(slug) ?? 0) + 500 - Date.now());
      pending.set(
        slug,
        setTimeout(() => send(slug), wait),
      );
    },
    close() {
      closed = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

/** A judge's view, to this socket, or (null) to every screen of that judge; returns it (null off the panel). */
export async function sendJudgeView(
  live: LiveNamespace,
  services: Services,
  socket: LiveSocket | null,
  user: SessionUser,
  slug: string,
) {
  const view = await services.live.judgeView(user, slug);
  if (view) (socket ?? live.local.to(judgeRoom(slug, user.id))).emit("judge", view);
  return view;
}

/** Listens on the publisher (and on the other processes) and fans each change out; returns how to stop. */
export function relayBroadcasts(live: LiveNamespace, deps: Pick<HubDeps, "publisher" | "services" | "cluster">) {
  const cluster = deps.cluster ?? SINGLE_PROCESS;
  const emitter = createOrderedEmitter(live, deps.services, () => cluster.isEmitter());
  const heard = ({ slug, updates, snapshot }: LiveBroadcast) => {
    emitter.offer({ slug, updates, snapshot });
    // The control view costs a few queries: only worth it when a control room is open here.
    if (live.adapter.rooms.get(controlRoom(slug))?.size)
      void sendControlView(live, deps.services, slug, controlRoom(slug)).catch(() => undefined);
    // A stage move may open or end a correction: each judge's phone learns whether it has one.
    if (updates.some((u) => u.change.type === "stage")) sendJudgeViews(live, deps.services, slug);
  };
  cluster.onNotice(heard);
  cluster.onTakeover(() => emitter.tookOver());
  return deps.publisher.subscribe((broadcast) => {
    heard(broadcast);
    cluster.announce(broadcast);
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
