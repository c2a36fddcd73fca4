// Starting and stopping the cluster's processes (redis-server, Frontier's server.ts, nginx) as
// children of this one: shared by `npm run demo:cluster` and the cluster tests (tests/support/cluster.ts).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const REDIS_SERVER = "/usr/bin/redis-server";
export const NGINX = "/usr/sbin/nginx";

export type Child = {
  name: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it) once it has exited. */
  exited: Promise<number | null>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit; at once if it already exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/** A port nobody listens on right now (the OS picks it; the caller binds it soon after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Spawns a program; each line it prints goes to `onLine` as well as into its output. */
export function spawnChild(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; onLine?: (line: string) => void } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a Ctrl-C in the terminal reaches only us, and we stop the children in order.
    detached: true,
  });
  let out = "";
  const pending = { stdout: "", stderr: "" };
  const take = (stream: "stdout" | "stderr") => (data: Buffer) => {
    const text = data.toString();
    out += text;
    const lines = (pending[stream] + text).split("\n");
    pending[stream] = lines.pop() ?? "";
    for (const line of lines) options.onLine?.(line);
  };
  child.stdout!.on("data", take("stdout"));
  child.stderr!.on("data", take("stderr"));
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    // A program that cannot be run at all (ENOENT) never exits: count that as its end.
    child.once("error", (error) => {
      out += `${error.message}\n`;
      resolve(127);
    });
  });
  return {
    name,
    child,
    output: () => out,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until `check` resolves true, or fails with `what` after `timeoutMs` or when `child` exits. */
export async function waitFor(what: string, check: () => Promise<boolean>, child: Child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void child.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`${child.name} exited before ${what}:\n${child.output()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.name}: no ${what} after ${timeoutMs} ms:\n${child.output()}`);
}

export const httpOk = (url: string) => async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

export const tcpOpen = (port: number) => () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/**
 * redis-server on 127.0.0.1:`port` with its files in `dir`. No snapshots and no append-only file:
 * Redis holds only what can be lost (the live channel's recent events and the rate-limit counters);
 * the competition itself is in SQLite, and after a Redis restart the clients resync by seq.
 */
export async function startRedis(dir: string, port: number, onLine?: (line: string) => void): Promise<Child> {
  fs.mkdirSync(dir, { recursive: true });
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"];
  const redis = spawnChild("redis", REDIS_SERVER, [...args, "--daemonize", "no", "--logfile", ""], { onLine });
  await waitFor("readiness", async () => redis.output().includes("Ready to accept connections"), redis, 20_000);
  return redis;
}

/** nginx as our own process: its prefix, pid, logs and temp files under `dir`, in the foreground. */
export async function startNginx(
  dir: string,
  config: string,
  listenPort: number,
  onLine?: (line: string) => void,
): Promise<Child> {
  fs.mkdirSync(dir, { recursive: true });
  // Started as root, nginx's workers run as nobody: they must be able to reach their temp directories.
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, "nginx.conf");
  fs.writeFileSync(file, config);
  // -e: the error log before the config is read (else nginx first tries /var/log/nginx/error.log).
  const args = ["-p", dir, "-e", "stderr", "-c", file, "-g", "daemon off;"];
  const nginx = spawnChild("nginx", NGINX, args, { onLine });
  await waitFor(`a listener on port ${listenPort}`, tcpOpen(listenPort), nginx, 20_000);
  return nginx;
}

/** The environment a Frontier process of the cluster runs with (on top of PATH and HOME). */
export type FrontierEnv = {
  port: number;
  redisUrl: string;
  databasePath: string;
  publicUrl: string;
  sessionSecret: string;
  extra?: Record<string, string>;
};

/** server.ts as `npm start` runs it, in demo mode; resolves once its /healthz answers. */
export async function startFrontier(name: string, env: FrontierEnv, onLine?: (line: string) => void): Promise<Child> {
  const server = spawnChild(name, process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      FRONTIER_DEMO: "1",
      HOST: "127.0.0.1",
      PORT: String(env.port),
      REDIS_URL: env.redisUrl,
      DATABASE_PATH: env.databasePath,
      TRUST_PROXY: "loopback",
      PUBLIC_URL: env.publicUrl,
      SESSION_SECRET: env.sessionSecret,
      // Its name in the logs and in the emitter lease (decision 0020).
      FRONTIER_NODE_ID: name,
      ...env.extra,
    },
    onLine,
  });
  await waitFor("/healthz", httpOk(`http://127.0.0.1:${env.port}/healthz`), server, 90_000);
  return server;
}

/** Stops children in the order given, each waited for before the next (SIGKILL after `graceMs`). */
export async function stopInOrder(children: Array<Child | undefined>, graceMs = 15_000) {
  for (const c of children) {
    if (!c) continue;
    const timer = setTimeout(() => c.child.kill("SIGKILL"), graceMs);
    await c.stop("SIGTERM");
    clearTimeout(timer);
  }
}
