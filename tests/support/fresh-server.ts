// A new installation: server.ts in production on an empty database file (migrated at start, no
// demo, no organizer), for journeys that begin where a real organizer begins.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { serverClient, type DemoServer } from "./demo-server";
import { startServer, type RunningServer } from "./server-process";

export const FRESH_SESSION_SECRET = "a-secret-of-at-least-thirty-two-characters";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a production server on an empty database for the current test file, and stops it afterwards. */
export function freshServerForThisFile(): DemoServer {
  let server: RunningServer | undefined;
  let dir = "";
  let file = "";
  const env: Record<string, string> = {};
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-fresh-"));
    file = path.join(dir, "frontier.db");
    const port = await freePort();
    Object.assign(env, {
      DATABASE_PATH: file,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: FRESH_SESSION_SECRET,
    });
    server = await startServer(env);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return serverClient(
    () => server,
    () => file,
    env,
  );
}
