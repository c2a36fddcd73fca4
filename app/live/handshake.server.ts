// Who is asking, at every handshake (recovered connections too: skipMiddlewares is off): the same
// session cookie as the pages, counted only when the page that opened the socket is ours, so a
// sibling site cannot drive the control room with a visitor's cookie. Anyone else is the audience.
// A page of another origin may open the channel only when an organizer listed that origin (a
// partner's page, as the audience); a cap per address keeps one client from holding thousands.
import type { SessionUser } from "../services/auth.server";
import { isSameSite, mayOpenLiveChannel } from "../http/origin.server";
import { sessionRoom, type HubDeps, type LiveNamespace, type LiveSocket, type SocketData } from "./hub-socket.server";
import { rateFor } from "./rate-limit.server";

/** The signed-in user the handshake's cookie names, or nobody (the audience). */
async function handshakeUser(deps: HubDeps, socket: LiveSocket) {
  const headers = socket.handshake.headers;
  if (!headers.cookie || !isSameSite(deps.origin, headers)) return { session: null, user: null };
  try {
    const session = await deps.services.auth.sessionOf(headers.cookie);
    const user: SessionUser | null = session ? await deps.services.auth.userOfSession(session) : null;
    return { session: user ? session : null, user };
  } catch {
    return { session: null, user: null };
  }
}

/**
 * Refuses a page of an unlisted origin with `origin_not_allowed`, and counts the sockets of each
 * address, refusing one over the cap with `too_many_connections`.
 */
export function identifyAtHandshake(live: LiveNamespace, deps: HubDeps) {
  const connectionsByAddress = new Map<string, number>();
  live.use(async (socket, next) => {
    const listed = (origin: string) => deps.services.embedding.listed(origin);
    if (!(await mayOpenLiveChannel(deps.origin, socket.handshake.headers, listed).catch(() => false)))
      return next(new Error("origin_not_allowed"));
    const address = deps.clientAddress(socket.request);
    const open = connectionsByAddress.get(address) ?? 0;
    if (open >= deps.maxConnectionsPerAddress) return next(new Error("too_many_connections"));
    const { session, user } = await handshakeUser(deps, socket);
    const rate = rateFor(user);
    connectionsByAddress.set(address, open + 1);
    socket.on("disconnect", () => {
      const left = (connectionsByAddress.get(address) ?? 1) - 1;
      if (left > 0) connectionsByAddress.set(address, left);
      else connectionsByAddress.delete(address);
    });
    const data: SocketData = {
      session,
      user,
      address,
      rate,
      tokens: rate.burst,
      refilledAt: Date.now(),
      strikes: 0,
      warnedAt: 0,
    };
    Object.assign(socket.data, data);
    next();
  });
}

/** A recovered connection gets its rooms back: keep only those its holder may still be in. */
export function keepAllowedRooms(socket: LiveSocket) {
  const { session, user } = socket.data;
  if (session) void socket.join(sessionRoom(session));
  if (!socket.recovered) return;
  for (const room of socket.rooms) {
    if (room.startsWith("session:") && room !== sessionRoom(session ?? "")) void socket.leave(room);
    if (room.startsWith("control:") && !user?.roles.includes("organizer")) void socket.leave(room);
    if (room.startsWith("judge:") && !(user && room.endsWith(`:${user.id}`) && user.roles.includes("judge")))
      void socket.leave(room);
  }
}
