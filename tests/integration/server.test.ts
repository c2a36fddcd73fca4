import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoDatabaseFile } from "../support/db";
import { startServer, startServerExpectingFailure, type RunningServer } from "../support/server-process";

const root = path.resolve(import.meta.dirname, "../..");

// The production server serves the built app; build once if this run has no build yet.
function ensureBuild() {
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
      cwd: root,
      stdio: "ignore",
    });
  }
}

const get = (server: RunningServer, url: string, headers: Record<string, string> = {}) =>
  fetch(server.url + url, { headers, redirect: "manual" });

describe("the production server on 127.0.0.1", () => {
  let server: RunningServer;
  let dbDir: string;

  beforeAll(async () => {
    ensureBuild();
    const { file, dir } = copyDemoDatabaseFile();
    dbDir = dir;
    server = await startServer({ DATABASE_PATH: file, FRONTIER_DEMO: "1" });
  });
  afterAll(async () => {
    if (server) await server.stop();
    fs.rmSync(dbDir, { recursive: true, force: true });
  });

  it("answers the health check with the database's state", async () => {
    const res = await get(server, "/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", db: "ok" });
  });

  it("prints the URL and the demo accounts when it starts", () => {
    expect(server.output()).toContain("demo organizer: organizer@frontier.demo / frontier-organizer");
    expect(server.output()).toContain("demo judge: judge@frontier.demo");
  });

  it("sends the newcomer from / to the competition home", async () => {
    const res = await get(server, "/");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/c/zgc2026");
  });

  it("serves the home page in Chinese by default and in English to an English browser", async () => {
    const zh = await get(server, "/c/zgc2026", { "Accept-Language": "zh-CN,zh;q=0.9" });
    expect(zh.status).toBe(200);
    const zhHtml = await zh.text();
    expect(zhHtml).toContain('<html lang="zh-Hans"');
    expect(zhHtml).toContain("2026 中关村国际前沿科技创新大赛");
    const en = await get(server, "/c/zgc2026", { "Accept-Language": "en-US,en;q=0.8" });
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en"');
    expect(enHtml).toContain("2026 Zhongguancun International Frontier Technology Innovation Competition");
  });

  it("remembers a language chosen with the switch", async () => {
    const res = await fetch(server.url + "/locale", {
      method: "POST",
      body: new URLSearchParams({ locale: "en", redirectTo: "/c/zgc2026" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const page = await get(server, "/c/zgc2026", { Cookie: cookie, "Accept-Language": "zh-CN" });
    expect(await page.text()).toContain('<html lang="en"');
  });

  it("serves the regional results ranked per group in both languages, 50 rows a page", async () => {
    for (const lang of ["zh-CN", "en"]) {
      const res = await get(server, "/c/zgc2026/results/regional?group=EU", { "Accept-Language": lang });
      expect(res.status).toBe(200);
      const html = await res.text();
      const codes = html.match(/EU-[A-Z0-9]{2,3}-\d{4}/g) ?? [];
      expect(new Set(codes).size).toBe(50);
    }
  });

  it("shows an entry's public page and 404s an unknown code", async () => {
    const res = await get(server, "/c/zgc2026/results/regional?group=EU", { "Accept-Language": "en" });
    const code = (await res.text()).match(/EU-[A-Z0-9]{2,3}-\d{4}/)![0];
    const entry = await get(server, `/entries/${code}`, { "Accept-Language": "en" });
    expect(entry.status).toBe(200);
    expect(await entry.text()).toContain(code);
    expect((await get(server, "/entries/XX-NO-0000")).status).toBe(404);
  });

  it("sends security headers, compresses pages and caches fingerprinted assets for a year", async () => {
    const res = await get(server, "/c/zgc2026", { "Accept-Encoding": "gzip" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const html = await res.text();
    const asset = html.match(/\/assets\/[\w.-]+\.js/)![0];
    const assetRes = await get(server, asset);
    expect(assetRes.status).toBe(200);
    expect(assetRes.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("accepts a socket.io-client on /live and sends the competition's snapshot", async () => {
    const socket: Socket = connect(server.url + "/live", { transports: ["websocket"], reconnection: false });
    try {
      const snapshot = await new Promise<unknown>((resolve, reject) => {
        socket.on("connect_error", reject);
        socket.on("snapshot", resolve);
        socket.emit("join", { competition: "zgc2026" });
      });
      // Before the organizer starts the live final there is nothing to show yet.
      expect(snapshot).toEqual({ competition: "zgc2026", state: null, serverNow: expect.any(Number) });
      const error = await new Promise<unknown>((resolve) => {
        socket.on("error", resolve);
        socket.emit("join", { competition: "<script>" });
      });
      expect(error).toMatchObject({ code: "live.refusal.invalidPayload" });
    } finally {
      socket.disconnect();
    }
  });

  it("shuts down cleanly on SIGTERM: sockets closed, database closed, exit code 0", async () => {
    const socket: Socket = connect(server.url + "/live", { transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
    const { code, output } = await server.stop("SIGTERM");
    expect(code).toBe(0);
    expect(output).toContain("SIGTERM received: closing");
    expect(output).toContain("closed");
    expect(await disconnected).toBeTruthy();
  });
});

describe("start-up refuses bad input with a one-line reason", () => {
  it("stops on an invalid environment variable", async () => {
    const { code, stderr } = await startServerExpectingFailure({ PORT: "eighty", DATABASE_PATH: ":memory:" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/cannot start: EnvError: invalid environment: PORT/);
  });

  it("stops on a corrupt database file and leaves it as it was", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-corrupt-"));
    const file = path.join(dir, "frontier.db");
    const garbage = crypto.randomBytes(8192);
    fs.writeFileSync(file, garbage);
    try {
      const { code, stderr } = await startServerExpectingFailure({ DATABASE_PATH: file, NODE_ENV: "development" });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/cannot start: DatabaseOpenError: cannot open the database .*: file is not a database/);
      expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses production without a session secret", async () => {
    const { code, stderr } = await startServerExpectingFailure({ NODE_ENV: "production", DATABASE_PATH: ":memory:" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/SESSION_SECRET is required in production/);
  });
});
