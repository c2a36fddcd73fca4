// What the hub's handlers share: the socket's typed data, the hub's dependencies, and the small
// steps every handler takes (answer an ack, refuse with an error event, re-read who is asking).
import type { IncomingMessage } from "node:http";
import type { Namespace, Socket } from "socket.io";
import type { OriginPolicy } from "../http/origin.server";
import type { SessionUser } from "../services/auth.server";
import type { Services } from "../services/index.server";
import type { Ack, ClientToServerEvents, ErrorEvent, ServerToClientEvents } from "./protocol";
import type { LiveCluster } from "./cluster.server";
import type { LiveRelay } from "./publisher.server";
import type { RateLimit } from "./rate-limit.server";

export type SocketData = {
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
export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type HubDeps = {
  services: Services;
  /** The publisher the live service writes to (server.ts hands the same one to both). */
  publisher: Pick<LiveRelay, "subscribe">;
  origin: OriginPolicy;
  /** The client's address as the HTTP side sees it (TRUST_PROXY applies). */
  clientAddress: (req: IncomingMessage) => string;
  maxConnectionsPerAddress: number;
  /** The other processes, with REDIS_URL; without it this process is alone (SINGLE_PROCESS). */
  cluster?: LiveCluster;
  /** Told of each control command and stage score handled, accepted or refused (/metrics counts them). */
  onHandled?: (kind: "control" | "submit", ok: boolean) => void;
};

export const judgeRoom = (slug: string, userId: number) => `judge:${slug}:${userId}`;
export const sessionRoom = (sessionHash: string) => `session:${sessionHash}`;

/** Answers the message's acknowledgement, when the client asked for one. */
export function reply(ack: unknown, answer: Ack) {
  if (typeof ack === "function") (ack as (a: Ack) => void)(answer);
}

/** Refuses a message: an `error` event to the socket, and the same refusal in the ack. */
export function fail(socket: LiveSocket, error: ErrorEvent, ack?: unknown) {
  socket.emit("error", error);
  reply(ack, { ok: false, ...error });
}

/**
 * Who is sending this message now: the session re-read from the database, so a sign-out, a
 * password reset, a disabled account or a removed role counts from the next message on.
 */
export async function currentUser(services: Services, socket: LiveSocket): Promise<SessionUser | null> {
  const session = socket.data.session;
  const user = session ? await services.auth.userOfSession(session) : null;
  socket.data.user = user;
  return user;
}
