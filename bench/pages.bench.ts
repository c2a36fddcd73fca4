// Public pages on results day, without nginx in front: start the built server (production, a copy of
// the demo database), then for /healthz and each public page measure requests/s and p50/p99 at 50
// concurrent anonymous clients, once as fresh visitors (no If-None-Match) and once revalidating
// (If-None-Match with the page's ETag). Prints a table with each rate's ratio to /healthz.
// Target (issue 16): every public page at least 30% of /healthz's rate, p99 under 100 ms.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed.server";

const root = path.resolve(import.meta.dirname, "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

function startServer(file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      FRONTIER_DEMO: "1",
      DATABASE_PATH: file,
      HOST: "127.0.0.1",
      PORT: "0",
      SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

type Figures = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function measure(url: string, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-pages-"));
  const file = path.join(dir, "pages.db");
  const handle = openDatabase(file);
  await migrateToLatest(handle.db);
  await seedDemo(handle);
  await handle.close();
  const db = new Database(file, { readonly: true });
  const code = (db.prepare("SELECT code FROM entries WHERE code IS NOT NULL ORDER BY id LIMIT 1").pluck().get() ??
    "") as string;
  db.close();
  const { child, url } = await startServer(file);
  const pages = [
    "/c/zgc2026",
    "/c/zgc2026/results",
    "/c/zgc2026/results/regional",
    `/entries/${encodeURIComponent(code)}`,
    "/api/v1/results/zgc2026/regional",
    "/live/zgc2026",
  ];
  const browser = { "accept-language": "en-GB,en;q=0.9" };
  const rows: { path: string; mode: string; f: Figures }[] = [];
  try {
    for (const mode of ["fresh", "revalidate"] as const) {
      const health = await measure(url + "/healthz", browser);
      rows.push({ path: "/healthz", mode, f: health });
      for (const page of pages) {
        const first = await fetch(url + page, { headers: browser, redirect: "manual" });
        await first.arrayBuffer();
        const etag = first.headers.get("etag");
        const headers = mode === "revalidate" && etag ? { ...browser, "if-none-match": etag } : browser;
        rows.push({
          path: page,
          mode: mode === "revalidate" && !etag ? "fresh (no ETag)" : mode,
          f: await measure(url + page, headers),
        });
      }
    }
  } finally {
    child.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const baseline = (mode: string) => rows.find((r) => r.path === "/healthz" && r.mode === mode)!.f.rps;
  console.log(
    `bench:pages — ${CONNECTIONS} connections, ${SECONDS} s each, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log("| path | visitor | req/s | vs /healthz | p50 ms | p99 ms | non-2xx | errors | target |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---|");
  for (const { path: p, mode, f } of rows) {
    const ratio = f.rps / baseline(mode.startsWith("revalidate") ? "revalidate" : "fresh");
    const met = p === "/healthz" ? "" : ratio >= 0.3 && f.p99 < 100 ? "met" : "missed";
    console.log(
      `| ${p} | ${mode} | ${f.rps.toFixed(0)} | ${(ratio * 100).toFixed(0)}% | ${f.p50} | ${f.p99} | ${f.non2xx} | ${f.errors} | ${met} |`,
    );
  }
}

await main();
