import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { copyDemoDatabaseFile } from "./db";
import { startServer, type RunningServer } from "./server-process";

type RequestOptions = { cookie?: string; lang?: string; headers?: Record<string, string> };

export type DemoServer = {
  readonly url: string;
  readonly server: RunningServer;
  readonly dbFile: string;
  get(path: string, options?: RequestOptions): Promise<Response>;
  /** A same-origin POST, as the browser sends a form (URLSearchParams, FormData or raw text). */
  post(path: string, body: URLSearchParams | FormData | string, options?: RequestOptions): Promise<Response>;
  /** Reads the server's database through a second, read-only connection. */
  query<T>(sql: string, ...params: unknown[]): T[];
  /** Writes to the server's database from outside, as another process would. */
  run(sql: string, ...params: unknown[]): void;
  count(sql: string, ...params: unknown[]): number;
  /** Signs in through the form and returns the session cookie. */
  signIn(email: string, password: string): Promise<string>;
};

/** A server process a test may stop (as systemd or a crash would) and start again. */
export type RestartableServer = DemoServer & {
  /** Stops the process with `signal` (SIGTERM by default) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; output: string }>;
  /** Starts it again on the same database and the same port, so open clients can find it. */
  start(): Promise<void>;
};

/**
 * Starts `server.ts` on a copy of the seeded demo database for the current test file, and stops
 * it afterwards. Fields are ready from the first test on.
 */
export function demoServerForThisFile(
  env: Record<string, string> = {},
  prepare?: (dbFile: string) => void,
): RestartableServer {
  let server: RunningServer | undefined;
  let file = "";
  let dir = "";
  const boot = async (port = "0") => {
    server = await startServer({ DATABASE_PATH: file, FRONTIER_DEMO: "1", PORT: port, ...env });
  };
  beforeAll(async () => {
    ({ file, dir } = copyDemoDatabaseFile());
    prepare?.(file);
    await boot();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const demo = serverClient(
    () => server,
    () => file,
    env,
  ) as RestartableServer;
  demo.stop = (signal) => demo.server.stop(signal);
  demo.start = () => boot(new URL(demo.url).port);
  return demo;
}

/** The requests and database reads a test makes against a running server and its database file. */
export function serverClient(
  current: () => RunningServer | undefined,
  currentFile: () => string,
  env: Record<string, string>,
): DemoServer {
  const running = () => {
    const server = current();
    if (!server) throw new Error("the demo server is not running yet");
    return server;
  };
  const headers = (options: RequestOptions = {}) => ({
    "Accept-Language": options.lang ?? "en",
    ...(options.cookie ? { Cookie: options.cookie } : {}),
    ...options.headers,
  });
  const demo: DemoServer = {
    get url() {
      return running().url;
    },
    get server() {
      return running();
    },
    get dbFile() {
      return currentFile();
    },
    get: (path, options) => fetch(running().url + path, { headers: headers(options), redirect: "manual" }),
    post: (path, body, options) =>
      fetch(running().url + path, {
        method: "POST",
        body,
        headers: {
          Origin: env["PUBLIC_URL"] ?? running().url,
          ...(typeof body === "string" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
          ...headers(options),
        },
        redirect: "manual",
      }),
    query<T>(sql: string, ...params: unknown[]) {
      const db = new Database(currentFile(), { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    run(sql, ...params) {
      const db = new Database(currentFile());
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    count: (sql, ...params) => demo.query<{ n: number }>(sql, ...params)[0]?.n ?? 0,
    async signIn(email, password) {
      const res = await demo.post("/login", new URLSearchParams({ email, password }));
      if (res.status !== 302) throw new Error(`sign-in of ${email} failed with ${res.status}`);
      return res.headers.get("set-cookie")!.split(";")[0]!;
    },
  };
  return demo;
}
