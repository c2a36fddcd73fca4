// The demo server with its live final started and a second organizer, and real socket.io clients
// that carry a session cookie (and an Origin) as a browser would: what the live channel's
// security tests share.
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import { ackSchema, type Ack } from "../../app/live/protocol";
import { demoServerForThisFile, type RestartableServer } from "./demo-server";

export const SLUG = "zgc2026";
export const ORGANIZER = { email: "organizer@frontier.demo", password: "frontier-organizer" };
export const SECOND_ORGANIZER = { email: "second-organizer@frontier.demo", password: ORGANIZER.password };
export const JUDGE = { email: "judge@frontier.demo", password: "frontier-judge" };

export const until = async (check: () => boolean, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

export type LiveHarness = RestartableServer & {
  /** The second organizer's session cookie (it started the final). */
  readonly secondOrganizer: string;
  socket(options?: { cookie?: string; origin?: string; reconnection?: boolean }): LiveSocket;
  connected(options?: { cookie?: string; origin?: string }): Promise<LiveSocket>;
  /** A control command on `channel` (the real final by default), with the version the room saw if given. */
  command(socket: LiveSocket, command: unknown, options?: { channel?: string; version?: number }): Promise<Ack>;
};

/** A second organizer with the demo organizer's password, written before the server starts. */
function addSecondOrganizer(file: string) {
  const db = new Database(file);
  try {
    const hash = (
      db.prepare(`SELECT password_hash FROM users WHERE email = ?`).get(ORGANIZER.email) as { password_hash: string }
    ).password_hash;
    const user = db
      .prepare(`INSERT INTO users (email, password_hash, display_name) VALUES (?, ?, 'Second organizer')`)
      .run(SECOND_ORGANIZER.email, hash);
    db.prepare(`INSERT INTO user_roles (user_id, role) VALUES (?, 'organizer')`).run(user.lastInsertRowid);
  } finally {
    db.close();
  }
}

export function liveHarnessForThisFile(
  env: Record<string, string> = {},
  prepare?: (dbFile: string) => void,
): LiveHarness {
  const demo = demoServerForThisFile(env, (file) => {
    addSecondOrganizer(file);
    prepare?.(file);
  });
  const sockets: LiveSocket[] = [];
  const harness = Object.create(demo) as LiveHarness;
  harness.socket = ({ cookie, origin, reconnection } = {}) => {
    const socket: LiveSocket = connect(demo.url + "/live", {
      transports: ["websocket"],
      reconnection: reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 300,
      extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    });
    sockets.push(socket);
    return socket;
  };
  harness.connected = async (options) => {
    const socket = harness.socket(options);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => reject(error));
    });
    return socket;
  };
  harness.command = async (socket, command, { channel = SLUG, version } = {}) =>
    ackSchema.parse(
      await socket.timeout(5000).emitWithAck("control", {
        competition: channel,
        command,
        ...(version === undefined ? {} : { version }),
      } as never),
    );
  let secondOrganizer = "";
  Object.defineProperty(harness, "secondOrganizer", { get: () => secondOrganizer });
  beforeAll(async () => {
    secondOrganizer = await demo.signIn(SECOND_ORGANIZER.email, SECOND_ORGANIZER.password);
    const started = await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), {
      cookie: secondOrganizer,
    });
    if (started.status !== 302) throw new Error(`could not start the final: ${started.status}`);
  }, 60_000);
  afterAll(() => sockets.forEach((s) => s.disconnect()));
  return harness;
}
