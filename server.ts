// Composition root: environment, database, HTTP (Express + Remix), Socket.IO, shutdown.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { Server as SocketServer } from "socket.io";
import { openDatabase, type DbHandle } from "./db/client";
import { migrateToLatest } from "./db/migrate";
import { seedDemoIfEmpty } from "./db/seed/seed.server";
import type { AppContext } from "./app/context";
import { parseEnv, type Env } from "./app/env.server";
import { attachLiveHub } from "./app/live/hub.server";
import { createServices } from "./app/services/index.server";

const root = path.dirname(fileURLToPath(import.meta.url));

function log(message: string) {
  process.stdout.write(`[frontier] ${message}\n`);
}

/**
 * Refuses a state-changing request sent by another site (CSRF): its Origin must be this host, or,
 * without an Origin, the browser must not call it cross-site. Session cookies are SameSite=Lax
 * too; this closes the gaps Lax leaves (same-site subdomains, old browsers).
 */
function refuseCrossSiteWrites(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const origin = req.get("origin");
  // "Origin: null" (sandboxed frames, no-referrer pages) cannot be matched to this site: refused
  // here with a reason, rather than by Remix's own check as a 500.
  if (origin) {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host === req.get("host")) return next();
  } else if (req.get("sec-fetch-site") !== "cross-site") {
    return next();
  }
  res.status(403).type("text/plain").send("Cross-site request refused / 已拒绝跨站请求");
}

// Forms are small; uploads (spreadsheets) get their own, larger limit where they are accepted.
const MAX_BODY_BYTES = 1024 * 1024;
const UPLOAD_LIMITS: Record<string, number> = { "/admin/entries/import": 11 * 1024 * 1024 };
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Refuses a request body over the limit before anything reads it, by its declared length. A body
 * of unknown length (chunked) is refused too: browsers send the length of every form they post.
 */
function limitBodySize(limit: number) {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const declared = req.get("content-length");
    if (declared === undefined && req.get("transfer-encoding")) {
      res.status(411).set("Connection", "close").type("text/plain").send("Length required / 需要 Content-Length");
      return;
    }
    if (Number(declared ?? "0") > (UPLOAD_LIMITS[req.path] ?? limit)) {
      // Read the body away (up to a bound) before answering, so the client sees the 413 rather
      // than a connection reset mid-upload; past the bound, just cut it off.
      let drained = 0;
      req.on("data", (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > MAX_DRAIN_BYTES) req.destroy();
      });
      req.on("end", () => res.status(413).set("Connection", "close").type("text/plain").send("Request too large / 请求内容过大"));
      return;
    }
    next();
  };
}

/** Reads SESSION_SECRET, or for the demo and development makes one under data/ and keeps it. */
function resolveSessionSecret(env: Env): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  log(`no SESSION_SECRET given: generated one in ${path.relative(process.cwd(), file)} (set SESSION_SECRET in production)`);
  return secret;
}

async function start() {
  const env = parseEnv(process.env);
  const handle: DbHandle = openDatabase(env.DATABASE_PATH);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) log(`migrated: ${applied.join(", ")}`);
    if (env.demo || env.NODE_ENV === "development") {
      const seeded = await seedDemoIfEmpty(handle);
      if (seeded) log(`seeded the demo competition in ${seeded.ms} ms`);
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  const sessionSecret = resolveSessionSecret(env);
  const production = env.NODE_ENV === "production";
  // Secure cookies need HTTPS; the demo and development are served over plain HTTP.
  const services = createServices(handle.db, { sessionSecret, secureCookies: production && !env.demo });
  const now = () => new Date();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      // In development Vite injects its own inline scripts, so the policy is only enforced in production.
      contentSecurityPolicy: production
        ? {
            directives: {
              "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
              "connect-src": ["'self'", "ws:", "wss:"],
              "img-src": ["'self'", "data:"],
              // The demo runs over plain HTTP: upgrading its requests to HTTPS would break every form.
              "upgrade-insecure-requests": env.demo ? null : [],
            },
          }
        : false,
      // Same-origin requests carry their Origin (the CSRF check relies on it); others get only the origin.
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      // Local HTTP demos would otherwise be told to upgrade to HTTPS they do not have.
      strictTransportSecurity: production && !env.demo,
    }),
  );
  app.use(compression());

  app.use(refuseCrossSiteWrites);
  app.use(limitBodySize(MAX_BODY_BYTES));

  app.get("/healthz", async (_req, res) => {
    try {
      handle.sqlite.prepare("SELECT 1").get();
      res.json({ status: "ok", db: "ok", uptimeSeconds: Math.round(process.uptime()) });
    } catch (error) {
      res.status(503).json({ status: "error", db: (error as Error).message });
    }
  });

  let viteDevServer: import("vite").ViteDevServer | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (production) {
    const clientDir = path.join(root, "build/client");
    const serverBuild = path.join(root, "build/server/index.js");
    if (!fs.existsSync(serverBuild)) throw new Error("no production build found: run `npm run build` first");
    // Fingerprinted assets never change under their name: cache them for a year.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
    build = (await import(serverBuild)) as ServerBuild;
  } else {
    const vite = await import("vite");
    viteDevServer = await vite.createServer({ server: { middlewareMode: true }, root });
    app.use(viteDevServer.middlewares);
    app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));
    const dev = viteDevServer;
    build = () => dev.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  }

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res): AppContext => ({
        db: handle.db,
        services,
        now,
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  const server = http.createServer(app);
  const io = new SocketServer(server, {
    serveClient: false,
    cors: { origin: false },
    // Messages are small (a command, a score sheet): anything larger is not ours.
    maxHttpBufferSize: 64 * 1024,
    // A phone that drops off the venue Wi-Fi for up to two minutes gets the missed events from
    // Socket.IO itself; past that, the app's own seq resync takes over (DESIGN §4).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
  });
  const hub = attachLiveHub(io, { services });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const shownHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  log(`listening on http://${shownHost}:${port} (${production ? "production" : "development"})`);
  if (env.demo || !production) {
    const accounts = await services.demo.accounts();
    for (const a of accounts) log(`demo ${a.role}: ${a.email} / ${a.password}`);
  }

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: closing`);
    const force = setTimeout(() => {
      log("requests still open after the shutdown timeout: exiting anyway");
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // Stop accepting; let requests in flight finish; idle keep-alive sockets go at once.
    const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    hub.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await httpClosed;
    await viteDevServer?.close();
    await handle.close();
    log("closed");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

start().catch((error: unknown) => {
  // One line: the operator needs the reason, not a stack of framework frames.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`[frontier] cannot start: ${message.replace(/\s+/g, " ")}\n`);
  process.exit(1);
});
