// npm run bench:live [N,N,...] — the live channel under an audience. For each N (default 1,000,
// 5,000 and 10,000): start the real server (production build) on a copy of the demo, connect N
// socket.io clients from a separate process on 127.0.0.1, play pitches of the live final with the
// nine panel judges submitting, and time each submission until the last of the N clients has the
// update it caused. Then the same N on a plain `ws` server broadcasting the same payload. Prints
// p50/p99/max, the ratio to `ws`, and the server's peak RSS and CPU.
import { fork, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed.server";

const root = path.resolve(import.meta.dirname, "..");
const sizes = (process.argv[2] ?? "1000,5000,10000").split(",").map(Number);
const PITCHES = 22; // every finalist: 22 pitches × 9 judges = 198 timed submissions per N
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const summary = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) ?? NaN, n: s.length };
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Peak RSS and CPU of a process, read from /proc while it runs. */
function monitor(pid: number) {
  const ticks = () => {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (1/100 s)
  };
  const peakRss = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const start = { t: now(), ticks: ticks() };
  let last = { ...start };
  let peak = 0;
  const timer = setInterval(() => {
    const current = { t: now(), ticks: ticks() };
    peak = Math.max(peak, ((current.ticks - last.ticks) * 1000) / (current.t - last.t)); // % of one core
    last = current;
  }, 500);
  return {
    stop() {
      clearInterval(timer);
      const end = { t: now(), ticks: ticks() };
      return {
        averageCpu: ((end.ticks - start.ticks) * 1000) / (end.t - start.t),
        peakCpu: peak,
        peakRssMb: peakRss(),
      };
    },
  };
}

type ServerProcess = { child: ChildProcess; url: string; memory(): Promise<string> };

function startProcess(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        child.stdout!.off("data", onData);
        resolve({ child, url: match[1]!, memory: () => memoryOf(child) });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

/**
 * The server's memory now (bench/live-memory-probe.ts answers SIGUSR2 with a full GC first), and
 * its RSS high-water mark so far: taken between timed phases, never during one.
 */
function memoryOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = /memory (\{.*\})/.exec(out);
      if (!match) return;
      child.stdout!.off("data", onData);
      const m = JSON.parse(match[1]!) as Record<string, number>;
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
      resolve(
        `RSS ${m.rss} MB (peak so far ${hwm.toFixed(0)} MB), live heap ${m.heapUsed} MB of ${m.heapTotal} MB (${m.heapUsedBeforeGc} MB before a full GC), external ${m.external} MB`,
      );
    };
    child.stdout!.on("data", onData);
    child.kill("SIGUSR2");
  });
}

function fleet() {
  const child = fork(path.join(root, "bench/live-clients.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off("message", on);
        resolve(m as T);
      };
      child.on("message", on);
    });
  return {
    child,
    async start(mode: "socketio" | "ws", url: string, n: number) {
      child.send({ type: "start", mode, url, n, competition: "zgc2026" });
      return next<{ connected: number; ms: number; rss: number }>("ready");
    },
    async arrival(seq: number) {
      child.send({ type: "await", seq, timeoutMs: 30_000 });
      return next<{ count: number; last: number }>("arrived");
    },
    close() {
      child.send({ type: "close" });
    },
  };
}

async function signIn(url: string, email: string, password: string) {
  const res = await fetch(url + "/login", {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { Origin: url },
    redirect: "manual",
  });
  if (res.status !== 302) throw new Error(`sign-in of ${email}: ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

function socketAs(url: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(url + "/live", {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie },
    });
    s.on("connect", () => resolve(s));
    s.on("connect_error", reject);
  });
}

async function ack(socket: Socket, event: "control" | "submit", payload: unknown) {
  const answer = (await socket.timeout(30_000).emitWithAck(event, payload)) as { ok: boolean; code?: string };
  if (!answer.ok) throw new Error(`${event} refused: ${answer.code}`);
}

async function runSocketIo(template: string, dir: string, n: number, panelEmails: string[]) {
  const file = path.join(dir, `live-${n}.db`);
  fs.copyFileSync(template, file);
  const probe = ["--expose-gc", "--import", "./bench/live-memory-probe.ts"];
  // V8 flags for the server only, to measure their effect (e.g. a larger young generation).
  const serverFlags = process.env.BENCH_SERVER_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const {
    child: server,
    url,
    memory,
  } = await startProcess([...serverFlags, "--import", "tsx", ...probe, "server.ts"], {
    NODE_ENV: "production",
    FRONTIER_DEMO: "1",
    DATABASE_PATH: file,
    HOST: "127.0.0.1",
    PORT: "0",
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    // Every bench client connects from 127.0.0.1: lift the per-address cap meant for real clients.
    LIVE_MAX_CONNECTIONS_PER_ADDRESS: "100000",
  });
  try {
    const organizer = await signIn(url, "organizer@frontier.demo", "frontier-organizer");
    const judgeCookies = [];
    for (const email of panelEmails) judgeCookies.push(await signIn(url, email, "frontier-judge"));
    const started = await fetch(url + "/admin/live", {
      method: "POST",
      body: new URLSearchParams({ intent: "start" }),
      headers: { Origin: url, Cookie: organizer },
      redirect: "manual",
    });
    if (started.status !== 302) throw new Error(`could not start the live final: ${started.status}`);
    const audience = fleet();
    const ready = await audience.start("socketio", url, n);
    const org = await socketAs(url, organizer);
    const judges = await Promise.all(judgeCookies.map((c) => socketAs(url, c)));
    const order = (await (await fetch(url + "/api/v1/live/zgc2026")).json()) as {
      state: { entries: { id: number }[] };
    };
    const connectedMemory = await memory();
    const watch = monitor(server.pid!);
    const latencies: number[] = [];
    let missing = 0;
    let seq = 0;
    for (const { id: entryId } of order.state.entries.slice(0, PITCHES)) {
      await ack(org, "control", { competition: "zgc2026", command: { type: "stage", entryId } });
      await ack(org, "control", { competition: "zgc2026", command: { type: "open" } });
      seq += 2;
      await audience.arrival(seq);
      for (const [i, judge] of judges.entries()) {
        const marks = { "9": String(5 + (i % 5)), "10": String(6 + (entryId % 4)), "11": "7.5" };
        const t0 = now();
        await ack(judge, "submit", { competition: "zgc2026", submissionId: `bench-${entryId}-${i}`, entryId, marks });
        seq += 1; // the progress update this submission caused
        const arrived = await audience.arrival(seq);
        if (arrived.count < n) missing += n - arrived.count;
        latencies.push(arrived.last - t0);
        if (i === judges.length - 1) seq += 1; // the last judge closes scoring
        await sleep(20);
      }
      await ack(org, "control", { competition: "zgc2026", command: { type: "reveal" } });
      seq += 1;
      await audience.arrival(seq);
    }
    const usage = watch.stop();
    const memoryAfter = await memory();
    audience.close();
    for (const s of [org, ...judges]) s.disconnect();
    return {
      ready,
      latencies: summary(latencies),
      missing,
      usage,
      memory: { connected: connectedMemory, after: memoryAfter },
    };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

async function runWs(n: number, samples: number) {
  const { child: server, url } = await startProcess(["--import", "tsx", "bench/live-ws-server.ts"], {});
  try {
    const audience = fleet();
    await audience.start("ws", url, n);
    const publisher = new WebSocket(url.replace(/^http/, "ws") + "/publish");
    await new Promise((r) => publisher.once("open", r));
    const watch = monitor(server.pid!);
    const latencies: number[] = [];
    let missing = 0;
    for (let seq = 1; seq <= samples; seq++) {
      // The same payload the live channel sends for a judge's submission.
      const event = {
        competition: "zgc2026",
        seq,
        change: { type: "progress", entryId: 1234, submitted: 1 + (seq % 9), of: 9 },
      };
      const t0 = now();
      publisher.send(JSON.stringify(event));
      const arrived = await audience.arrival(seq);
      if (arrived.count < n) missing += n - arrived.count;
      latencies.push(arrived.last - t0);
      await sleep(20);
    }
    const usage = watch.stop();
    publisher.close();
    audience.close();
    return { latencies: summary(latencies), missing, usage };
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-bench-live-"));
try {
  const template = path.join(dir, "template.db");
  const handle = openDatabase(template);
  await migrateToLatest(handle.db);
  await seedDemo(handle);
  // Every judge of the final panel signs in with the demo judge's password (bench only).
  const panel = handle.sqlite
    .prepare(
      `SELECT DISTINCT u.email FROM assignments a JOIN rounds r ON r.id = a.round_id JOIN judges j ON j.id = a.judge_id JOIN users u ON u.id = j.user_id WHERE r.slug = 'final' ORDER BY j.id`,
    )
    .all() as { email: string }[];
  handle.sqlite
    .prepare(
      `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'judge@frontier.demo') WHERE email IN (${panel.map(() => "?").join(",")})`,
    )
    .run(...panel.map((p) => p.email));
  await handle.close();

  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `each N: ${PITCHES} pitches × ${panel.length} judges = ${PITCHES * panel.length} timed submissions; clients in one separate process on 127.0.0.1\n`,
  );
  for (const n of sizes) {
    const sio = await runSocketIo(
      template,
      dir,
      n,
      panel.map((p) => p.email),
    );
    const ws = await runWs(n, sio.latencies.n);
    console.log(
      `N = ${n.toLocaleString("en")}  (connected in ${(sio.ready.ms / 1000).toFixed(1)} s; client process RSS ${Math.round(sio.ready.rss / 2 ** 20)} MB)`,
    );
    console.log(
      `  socket.io, submission → last client: p50 ${ms(sio.latencies.p50)}  p99 ${ms(sio.latencies.p99)}  max ${ms(sio.latencies.max)}  (missed deliveries: ${sio.missing})`,
    );
    console.log(
      `  server: peak RSS ${sio.usage.peakRssMb.toFixed(0)} MB, CPU ${sio.usage.averageCpu.toFixed(0)}% average, ${sio.usage.peakCpu.toFixed(0)}% peak (of one core, 0.5 s windows)`,
    );
    console.log(`  server memory with ${n.toLocaleString("en")} connected: ${sio.memory.connected}`);
    console.log(`  server memory after the pitches: ${sio.memory.after}`);
    console.log(
      `  plain ws, same payload → last client: p50 ${ms(ws.latencies.p50)}  p99 ${ms(ws.latencies.p99)}  max ${ms(ws.latencies.max)}  (missed: ${ws.missing}); ws server peak RSS ${ws.usage.peakRssMb.toFixed(0)} MB`,
    );
    console.log(
      `  ratio socket.io / ws: p50 ${(sio.latencies.p50 / ws.latencies.p50).toFixed(2)}×  p99 ${(sio.latencies.p99 / ws.latencies.p99).toFixed(2)}×\n`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
