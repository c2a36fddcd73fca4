// The `/live` namespace: who is asking (session cookie at the handshake), what they may send
// (zod, rate limit), and the fan-out of each published change to the competition's room, where
// Socket.IO serializes it once for every socket in it (DESIGN §4).
import type { IncomingMessage } from "node:http";
import type { Namespace, Server, Socket } from "socket.io";
import type { z } from "zod";
import { isSameSite, type OriginPolicy } from "../http/origin.server";
import type { Role } from "../../db/schema";
import type { SessionUser } from "../services/auth.server";
import type { Services } from "../services/index.server";
import {
  competitionRoom,
  controlMessage,
  controlRoom,
  joinMessage,
  LIVE_NAMESPACE,
  submitMessage,
  type Ack,
  type ClientToServerEvents,
  type ErrorEvent,
  type ServerToClientEvents,
} from "./protocol";

type SocketData = {
  /** The session the handshake carried (hashed), re-read for every command: never the role it had then. */
  session: string | null;
  user: SessionUser | null;
  address: string;
  rate: RateLimit;
  tokens: number;
  refilledAt: number;
  strikes: number;
  warnedAt: number;
};
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type RateLimit = { burst: number; perSecond: number; disconnectAfter: number };
/**
 * Per socket, by who is asking. A screen sends one join per (re)connect; a judge taps a few times
 * a second at most; the control room may script a burst of steps (reordering, cards).
 */
export const RATE_LIMITS: Record<"audience" | "judge" | "organizer", RateLimit> = {
  audience: { burst: 10, perSecond: 2, disconnectAfter: 100 },
  judge: { burst: 20, perSecond: 5, disconnectAfter: 200 },
  organizer: { burst: 300, perSecond: 100, disconnectAfter: 1000 },
};
const rateFor = (user: SessionUser | null) =>
  user?.roles.includes("organizer")
    ? RATE_LIMITS.organizer
    : user?.roles.includes("judge")
      ? RATE_LIMITS.judge
      : RATE_LIMITS.audience;

export const judgeRoom = (slug: string, userId: number) => `judge:${slug}:${userId}`;
const sessionRoom = (sessionHash: string) => `session:${sessionHash}`;

/**
 * A returning client that missed at most this many updates gets them replayed; one that missed
 * more gets one snapshot. Each ten replayed updates cost the socket one more message of its
 * rate, so a flood of `join`s with an old `lastSeq` cannot make the server serialise a backlog.
 */
export const REPLAY_LIMIT = 50;
const REPLAY_PER_TOKEN = 10;

export type HubDeps = {
  services: Services;
  origin: OriginPolicy;
  /** The client's address as the HTTP side sees it (TRUST_PROXY applies). */
  clientAddress: (req: IncomingMessage) => string;
  maxConnectionsPerAddress: number;
};

export function attachLiveHub(io: Server, deps: HubDeps) {
  const { services } = deps;
  const live = io.of(LIVE_NAMESPACE) as unknown as LiveNamespace;
  const connectionsByAddress = new Map<string, number>();

  // Who is asking, at every handshake (recovered connections too: skipMiddlewares is off): the
  // same session cookie as the pages, counted only when the page that opened the socket is ours,
  // so a sibling site cannot drive the control room with a visitor's cookie. Anyone else is the
  // audience. A cap per address keeps one client from holding thousands of sockets.
  live.use(async (socket, next) => {
    const address = deps.clientAddress(socket.request);
    const open = connectionsByAddress.get(address) ?? 0;
    if (open >= deps.maxConnectionsPerAddress) return next(new Error("too_many_connections"));
    const headers = socket.handshake.headers;
    let session: string | null = null;
    let user: SessionUser | null = null;
    if (headers.cookie && isSameSite(deps.origin, headers)) {
      try {
        session = await services.auth.sessionOf(headers.cookie);
        user = session ? await services.auth.userOfSession(session) : null;
      } catch {
        user = null;
      }
    }
    if (!user) session = null;
    const rate = rateFor(user);
    connectionsByAddress.set(address, open + 1);
    socket.on("disconnect", () => {
      const left = (connectionsByAddress.get(address) ?? 1) - 1;
      if (left > 0) connectionsByAddress.set(address, left);
      else connectionsByAddress.delete(address);
    });
    Object.assign(socket.data, {
      session,
      user,
      address,
      rate,
      tokens: rate.burst,
      refilledAt: Date.now(),
      strikes: 0,
      warnedAt: 0,
    } satisfies SocketData);
    next();
  });

  // A session ended (sign-out, password reset, disabled account): its sockets close at once.
  const stopWatchingSessions = services.auth.onSessionsEnded(({ sessionHashes }) => {
    for (const hash of sessionHashes) live.in(sessionRoom(hash)).disconnectSockets(true);
  });

  const reply = (ack: unknown, answer: Ack) => {
    if (typeof ack === "function") (ack as (a: Ack) => void)(answer);
  };
  const fail = (socket: LiveSocket, error: ErrorEvent, ack?: unknown) => {
    socket.emit("error", error);
    reply(ack, { ok: false, code: error.code, message: error.message });
  };

  /** Token bucket per socket: a flood is answered with `rate_limited`, a sustained one disconnected. */
  function allowed(socket: LiveSocket, ack?: unknown): boolean {
    if (spend(socket, 1)) return true;
    const d = socket.data;
    const rate = d.rate;
    const now = Date.now();
    d.strikes += 1;
    if (d.strikes >= rate.disconnectAfter) {
      socket.disconnect(true);
      return false;
    }
    reply(ack, { ok: false, code: "rate_limited", message: "too many messages: slow down" });
    if (now - d.warnedAt > 1000) {
      d.warnedAt = now;
      socket.emit("error", { code: "rate_limited", message: "too many messages: slow down" });
    }
    return false;
  }

  /** Takes `cost` tokens from the socket's bucket if it has them. */
  function spend(socket: LiveSocket, cost: number): boolean {
    const d = socket.data;
    const now = Date.now();
    d.tokens = Math.min(d.rate.burst, d.tokens + ((now - d.refilledAt) / 1000) * d.rate.perSecond);
    d.refilledAt = now;
    if (d.tokens < cost) return false;
    d.tokens -= cost;
    return true;
  }

  /**
   * Who is sending this command now: the session re-read from the database, so a sign-out, a
   * password reset, a disabled account or a removed role counts from the next message on.
   */
  async function currentUser(socket: LiveSocket): Promise<SessionUser | null> {
    const session = socket.data.session;
    const user = session ? await services.auth.userOfSession(session) : null;
    socket.data.user = user;
    return user;
  }

  async function sendControlView(slug: string, to: string) {
    const view = await services.live.controlView(slug);
    if (view) live.to(to).emit("control", view);
  }

  async function sendJudgeView(socket: LiveSocket | null, user: SessionUser, slug: string) {
    const view = await services.live.judgeView(user, slug);
    if (view) (socket ?? live.to(judgeRoom(slug, user.id))).emit("judge", view);
  }

  /**
   * A message that changes something: within the rate, from the right role, valid by its schema;
   * then `run` answers it. Anything else is refused with a reason and changes nothing.
   */
  function guarded<T>(
    socket: LiveSocket,
    rule: { role: Role; forbidden: string; schema: z.ZodType<T>; failure: string },
    run: (user: SessionUser, data: T) => Promise<Ack>,
  ) {
    return async (message: unknown, ack?: unknown) => {
      if (!allowed(socket, ack)) return;
      const user = await currentUser(socket);
      if (!user?.roles.includes(rule.role)) return fail(socket, { code: "forbidden", message: rule.forbidden }, ack);
      const parsed = rule.schema.safeParse(message);
      if (!parsed.success)
        return fail(socket, { code: "invalid_payload", message: parsed.error.issues[0]?.message ?? "invalid" }, ack);
      try {
        reply(ack, await run(user, parsed.data));
      } catch {
        fail(socket, { code: "refused", message: rule.failure }, ack);
      }
    };
  }

  const unsubscribe = services.live.subscribe(({ slug, updates, snapshot }) => {
    const room = live.to(competitionRoom(slug));
    if (snapshot !== undefined) room.emit("snapshot", { competition: slug, state: snapshot });
    for (const update of updates) room.emit("update", update);
    // The control view costs a few queries: only worth it when a control room is open.
    if (live.adapter.rooms.get(controlRoom(slug))?.size)
      void sendControlView(slug, controlRoom(slug)).catch(() => undefined);
  });

  live.on("connection", (raw) => {
    const socket = raw as LiveSocket;
    const session = socket.data.session;
    if (session) void socket.join(sessionRoom(session));
    // A recovered connection gets its rooms back: keep only those its holder may still be in.
    if (socket.recovered) {
      for (const room of socket.rooms) {
        if (room.startsWith("session:") && room !== sessionRoom(session ?? "")) void socket.leave(room);
        if (room.startsWith("control:") && !socket.data.user?.roles.includes("organizer")) void socket.leave(room);
        if (
          room.startsWith("judge:") &&
          !(socket.data.user && room.endsWith(`:${socket.data.user.id}`) && socket.data.user.roles.includes("judge"))
        )
          void socket.leave(room);
      }
    }

    socket.on("join", async (message: unknown) => {
      if (!allowed(socket)) return;
      const parsed = joinMessage.safeParse(message);
      if (!parsed.success)
        return fail(socket, { code: "invalid_payload", message: parsed.error.issues[0]?.message ?? "invalid" });
      const { competition: slug, lastSeq } = parsed.data;
      try {
        const snapshot = await services.live.snapshot(slug);
        if (!snapshot) return fail(socket, { code: "unknown_competition", message: "no such competition" });
        const seq = snapshot.state?.seq ?? 0;
        const missed = lastSeq === undefined ? Infinity : seq - lastSeq;
        // A small gap is replayed at its cost in tokens; a large one, or one the socket cannot
        // pay for, gets the snapshot, which costs the server the same whatever the gap.
        const replayable = missed >= 0 && missed <= REPLAY_LIMIT && spend(socket, Math.ceil(missed / REPLAY_PER_TOKEN));
        const replay = replayable ? await services.live.updatesSince(slug, lastSeq!) : null;
        await socket.join(competitionRoom(slug));
        // Replayed updates are sent before anything broadcast later: the socket's own order.
        if (replay) for (const update of replay) socket.emit("update", update);
        else socket.emit("snapshot", snapshot);
        const user = await currentUser(socket);
        if (user?.roles.includes("organizer")) {
          await socket.join(controlRoom(slug));
          await sendControlView(slug, socket.id);
        }
        if (user?.roles.includes("judge")) {
          await socket.join(judgeRoom(slug, user.id));
          await sendJudgeView(socket, user, slug);
        }
      } catch {
        fail(socket, { code: "invalid_payload", message: "could not join" });
      }
    });

    socket.on(
      "control",
      guarded(
        socket,
        {
          role: "organizer",
          forbidden: "only an organizer may run the live final",
          schema: controlMessage,
          failure: "the command could not be carried out",
        },
        async (user, { competition, command }) => {
          const outcome = await services.live.command(user, competition, command);
          return outcome.ok ? { ok: true } : { ok: false, code: outcome.code, message: outcome.code };
        },
      ),
    );

    socket.on(
      "submit",
      guarded(
        socket,
        {
          role: "judge",
          forbidden: "only a judge on the panel may submit",
          schema: submitMessage,
          failure: "the submission could not be stored",
        },
        async (user, message) => {
          const outcome = await services.live.submit(user, message);
          if (!outcome.ok)
            return {
              ok: false,
              code: outcome.code,
              message: outcome.message ?? outcome.code,
              ...(outcome.field ? { field: outcome.field } : {}),
            };
          // The judge's other screens (a second phone, a reload) learn it is scored.
          void sendJudgeView(null, user, message.competition).catch(() => undefined);
          return { ok: true, duplicate: outcome.duplicate };
        },
      ),
    );
  });

  return {
    namespace: live,
    close() {
      unsubscribe();
      stopWatchingSessions();
      live.disconnectSockets(true);
    },
  };
}
