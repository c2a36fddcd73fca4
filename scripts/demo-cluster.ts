// `npm run demo:cluster`: the demo as a small cluster on this machine — redis-server, two Frontier
// processes over one SQLite file, and nginx in front on PORT — stopped together on Ctrl-C.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { nginxConfig } from "./cluster/nginx-config";
import { freePort, root, startFrontier, startNginx, startRedis, stopInOrder, type Child } from "./cluster/processes";

const say = (line: string) => process.stdout.write(`[cluster] ${line}\n`);
const prefixed = (name: string) => (line: string) => process.stdout.write(`[${name}] ${line}\n`);

const port = Number(process.env.PORT ?? 3000);
const databasePath = path.resolve(root, process.env.DATABASE_PATH ?? "data/frontier.db");
const dataDir = path.dirname(databasePath);
const clusterDir = path.join(dataDir, "cluster");
const publicUrl = `http://localhost:${port}`;

/** SESSION_SECRET, or the one the demo keeps beside the database (as server.ts makes it): one for both. */
function sessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.join(dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  say(`generated a session secret in ${path.relative(root, file)}`);
  return secret;
}

const running: { redis?: Child; nginx?: Child; servers: Child[] } = { servers: [] };
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping nginx, the servers, then redis");
  await stopInOrder([running.nginx, ...running.servers, running.redis]);
  say("stopped");
  process.exit(code);
}

/** A child that ends while we are not stopping: the servers may (failover), nginx may not. */
function watch(child: Child, fatal: boolean) {
  void child.exited.then((code) => {
    if (stopping) return;
    if (fatal) {
      say(`${child.name} exited unexpectedly (${code ?? child.child.signalCode}): nothing is served without it`);
      void stopAll(1);
    } else if (child.name === "redis") {
      say(`redis exited unexpectedly (${code ?? child.child.signalCode}): the servers go on alone until it is back`);
    } else {
      say(
        `${child.name} exited unexpectedly (${code ?? child.child.signalCode}): nginx sends its clients to the other`,
      );
    }
  });
}

async function main() {
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  execFileSync("bash", [path.join(root, "tests/support/ensure-redis-nginx.sh")], { stdio: "inherit" });
  say("building");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  const secret = sessionSecret();

  const redisPort = await freePort();
  running.redis = await startRedis(path.join(clusterDir, "redis"), redisPort, prefixed("redis"));
  watch(running.redis, false);
  say(`redis-server on 127.0.0.1:${redisPort}`);

  const backends: Array<{ name: string; port: number }> = [];
  // One after the other: the first migrates (and seeds an empty database) before the second opens it.
  for (const name of ["a", "b"]) {
    const backendPort = await freePort();
    const env = { port: backendPort, redisUrl: `redis://127.0.0.1:${redisPort}`, databasePath, publicUrl };
    const server = await startFrontier(name, { ...env, sessionSecret: secret }, prefixed(name));
    running.servers.push(server);
    watch(server, false);
    backends.push({ name, port: backendPort });
  }

  const config = nginxConfig({
    listenPort: port,
    backends,
    tempDir: path.join(clusterDir, "nginx"),
    errorLog: "stderr",
  });
  running.nginx = await startNginx(path.join(clusterDir, "nginx"), config, port, prefixed("nginx"));
  watch(running.nginx, true);
  say(`servers a and b on ${backends.map((b) => `127.0.0.1:${b.port}`).join(" and ")}, over ${databasePath}`);
  say(`open ${publicUrl} (nginx); Ctrl-C stops everything`);
}

main().catch(async (error: unknown) => {
  say(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
