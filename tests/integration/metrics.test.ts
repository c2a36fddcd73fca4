// Operations: /metrics for Prometheus behind its bearer token, and a JSON log line per request
// that carries the id the response was answered under.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoDatabaseFile } from "../support/db";
import { startServer, type RunningServer } from "../support/server-process";

const root = path.resolve(import.meta.dirname, "../..");
const TOKEN = "metrics-token-for-the-test-0123456789";

// The production server serves the built app; build once if this run has no build yet.
function ensureBuild() {
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: root,
      stdio: "ignore",
    });
  }
}

async function demoServer(env: Record<string, string>) {
  ensureBuild();
  const { file, dir } = copyDemoDatabaseFile();
  const server = await startServer({ DATABASE_PATH: file, FRONTIER_DEMO: "1", ...env });
  return {
    server,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const scrape = (server: RunningServer, headers: Record<string, string> = {}) =>
  fetch(server.url + "/metrics", { headers });
const withToken = { Authorization: `Bearer ${TOKEN}` };

/** The value of one sample line (`name{labels} value`), or 0 when the series is not there yet. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** The server's JSON log lines so far (its other output, if any, is not JSON). */
function logLines(server: RunningServer): Record<string, unknown>[] {
  return server
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function logLineFor(server: RunningServer, id: string) {
  const end = Date.now() + 5_000;
  for (;;) {
    const line = logLines(server).find((l) => (l.req as { id?: string } | undefined)?.id === id);
    if (line || Date.now() > end) return line;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("with METRICS_TOKEN", () => {
  let demo: Awaited<ReturnType<typeof demoServer>>;
  beforeAll(async () => {
    demo = await demoServer({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => demo?.stop());

  // First, before any request: Remix prints a 404's error on stderr itself, as plain text.
  it("writes every line of its own as JSON with a msg, the listening line included", () => {
    const lines = demo.server.output().trim().split("\n");
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty("msg");
    expect(lines.some((l) => (JSON.parse(l) as { msg: string }).msg.startsWith("listening on http://127.0.0.1:"))).toBe(
      true,
    );
  });

  it("refuses /metrics without the token or with a wrong one", async () => {
    expect((await scrape(demo.server)).status).toBe(401);
    expect((await scrape(demo.server, { Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape(demo.server, { Authorization: "Bearer short" })).status).toBe(401);
    expect((await scrape(demo.server, { Authorization: TOKEN })).status).toBe(401);
  });

  it("gives Prometheus the requests, latencies, sockets, live commands, outbox depth and event-loop lag", async () => {
    const res = await scrape(demo.server, withToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain;/);
    expect(res.headers.get("content-type")).toContain("version=0.0.4");
    const text = await res.text();
    for (const name of [
      "frontier_http_requests_total",
      "frontier_http_request_duration_seconds_bucket",
      "frontier_live_sockets",
      "frontier_outbox_pending_messages",
      'frontier_live_commands_total{kind="control",outcome="ok"}',
      'frontier_live_commands_total{kind="submit",outcome="refused"}',
      "nodejs_eventloop_lag_seconds",
      "process_resident_memory_bytes",
    ])
      expect(text).toContain(name);
    expect(sample(text, "frontier_live_sockets")).toBe(0);
  });

  it("counts a page request by method and status class, never by its URL", async () => {
    const series = 'frontier_http_requests_total{method="GET",status_class="3xx"}';
    const before = sample(await (await scrape(demo.server, withToken)).text(), series);
    // "/" sends the newcomer on to the competition home: a 302.
    expect((await fetch(demo.server.url + "/", { redirect: "manual" })).status).toBe(302);
    expect((await fetch(demo.server.url + "/no-such-page-" + Date.now())).status).toBe(404);
    const text = await (await scrape(demo.server, withToken)).text();
    expect(sample(text, series)).toBe(before + 1);
    expect(sample(text, 'frontier_http_requests_total{method="GET",status_class="4xx"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain("no-such-page");
  });

  it("answers every request under a request id, echoed in the header and in its JSON log line", async () => {
    const fresh = await fetch(demo.server.url + "/c/zgc2026");
    const generated = fresh.headers.get("x-request-id")!;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const sane = await fetch(demo.server.url + "/c/zgc2026", { headers: { "X-Request-Id": "proxy.abc-123_4" } });
    expect(sane.headers.get("x-request-id")).toBe("proxy.abc-123_4");
    const insane = await fetch(demo.server.url + "/c/zgc2026", { headers: { "X-Request-Id": "a b<script>" } });
    expect(insane.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const tooLong = await fetch(demo.server.url + "/c/zgc2026", { headers: { "X-Request-Id": "x".repeat(65) } });
    expect(tooLong.headers.get("x-request-id")).not.toBe("x".repeat(65));

    const line = await logLineFor(demo.server, "proxy.abc-123_4");
    expect(line).toMatchObject({ level: 30, req: { method: "GET", url: "/c/zgc2026" }, res: { statusCode: 200 } });
    expect(typeof line!.msg).toBe("string");
    expect(await logLineFor(demo.server, generated)).toBeDefined();
    // What a request carried stays out of the log: no headers, so no cookies or tokens.
    expect(JSON.stringify(line)).not.toContain("headers");
  });

  it("keeps the token of a reset link and a query string out of the log", async () => {
    const secret = "reset-token-that-must-not-be-logged";
    await fetch(`${demo.server.url}/reset-password/${secret}?next=private-value`, {
      headers: { "X-Request-Id": "reset-link-1" },
    });
    const line = await logLineFor(demo.server, "reset-link-1");
    expect(line).toMatchObject({ req: { url: "/reset-password/…" } });
    expect(JSON.stringify(line)).not.toContain(secret);
    expect(JSON.stringify(line)).not.toContain("private-value");
  });

  it("keeps the health check, scrapes and static assets out of the info log", async () => {
    const id = (res: Response) => res.headers.get("x-request-id")!;
    const quiet = [
      id(await fetch(demo.server.url + "/healthz")),
      id(await scrape(demo.server, withToken)),
      id(await fetch(demo.server.url + "/favicon.svg")),
    ];
    const loud = id(await fetch(demo.server.url + "/c/zgc2026"));
    expect(await logLineFor(demo.server, loud)).toBeDefined();
    const ids = new Set(logLines(demo.server).map((l) => (l.req as { id?: string } | undefined)?.id));
    for (const q of quiet) expect(ids.has(q)).toBe(false);
  });
});

describe("without METRICS_TOKEN", () => {
  let demo: Awaited<ReturnType<typeof demoServer>>;
  beforeAll(async () => {
    demo = await demoServer({});
  });
  afterAll(async () => demo?.stop());

  it("has no /metrics at all", async () => {
    expect((await scrape(demo.server)).status).toBe(404);
    expect((await scrape(demo.server, withToken)).status).toBe(404);
  });
});
