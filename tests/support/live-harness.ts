// A server on a copy of the demo with its live final started, and real socket.io clients that
// sign in the way the pages do: what the live channel's security tests share.
import fs from "node:fs";
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import { ackSchema, type Ack } from "../../app/live/protocol";
import { copyDemoDatabaseFile } from "./db";
import { startServer, type RunningServer } from "./server-process";

export const SLUG = "zgc2026";
export const ORGANIZER = { email: "organizer@frontier.demo", password: "frontier-organizer" };
export const JUDGE = { email: "judge@frontier.demo", password: "frontier-judge" };

export const until = async (check: () => boolean, what: string, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

export type LiveHarness = {
  readonly url: string;
  readonly server: RunningServer;
  query<T>(sql: string, ...params: unknown[]): T[];
  /** Writes to the server's database from outside, as another process (or a second server) would. */
  run(sql: string, ...params: unknown[]): void;
  signIn(email: string, password: string): Promise<string>;
  post(path: string, body: URLSearchParams, cookie?: string): Promise<Response>;
  socket(options?: { cookie?: string; origin?: string; reconnection?: boolean }): LiveSocket;
  connected(options?: { cookie?: string; origin?: string }): Promise<LiveSocket>;
  command(socket: LiveSocket, command: unknown): Promise<Ack>;
};

/** Starts the server for this test file (started final, a second organizer with the same password). */
export function liveHarnessForThisFile(env: Record<string, string> = {}): LiveHarness {
  let server: RunningServer | undefined;
  let file = "";
  let dir = "";
  const sockets: LiveSocket[] = [];
  const running = () => {
    if (!server) throw new Error("the server is not running yet");
    return server;
  };
  const harness: LiveHarness = {
    get url() {
      return running().url;
    },
    get server() {
      return running();
    },
    query<T>(sql: string, ...params: unknown[]) {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    run(sql, ...params) {
      const db = new Database(file);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    post: (path, body, cookie) =>
      fetch(running().url + path, {
        method: "POST",
        body,
        headers: { Origin: running().url, "Accept-Language": "en", ...(cookie ? { Cookie: cookie } : {}) },
        redirect: "manual",
      }),
    async signIn(email, password) {
      const res = await harness.post("/login", new URLSearchParams({ email, password }));
      if (res.status !== 302) throw new Error(`sign-in of ${email} failed: ${res.status}`);
      return res.headers.get("set-cookie")!.split(";")[0]!;
    },
    socket({ cookie, origin, reconnection } = {}) {
      const headers: Record<string, string> = { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
      const socket: LiveSocket = connect(running().url + "/live", {
        transports: ["websocket"],
        reconnection: reconnection ?? false,
        reconnectionDelay: 100,
        reconnectionDelayMax: 300,
        extraHeaders: headers,
      });
      sockets.push(socket);
      return socket;
    },
    async connected(options) {
      const socket = harness.socket(options);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", (error) => reject(error));
      });
      return socket;
    },
    command: async (socket, command) => ackSchema.parse(await socket.timeout(5000).emitWithAck("control", { competition: SLUG, command } as never)),
  };
  beforeAll(async () => {
    ({ file, dir } = copyDemoDatabaseFile());
    const db = new Database(file);
    const organizer = db.prepare(`SELECT id, password_hash FROM users WHERE email = ?`).get(ORGANIZER.email) as { id: number; password_hash: string };
    const second = db.prepare(`INSERT INTO users (email, password_hash, display_name) VALUES ('second-organizer@frontier.demo', ?, 'Second organizer')`).run(organizer.password_hash);
    db.prepare(`INSERT INTO user_roles (user_id, role) VALUES (?, 'organizer')`).run(second.lastInsertRowid);
    db.close();
    server = await startServer({ DATABASE_PATH: file, FRONTIER_DEMO: "1", ...env });
    const cookie = await harness.signIn("second-organizer@frontier.demo", ORGANIZER.password);
    const started = await harness.post("/admin/live", new URLSearchParams({ intent: "start" }), cookie);
    if (started.status !== 302) throw new Error(`could not start the final: ${started.status}`);
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return harness;
}
