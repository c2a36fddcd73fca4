// Composition root: environment, database, HTTP (Express + Remix), Socket.IO, shutdown.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import proxyaddr from "proxy-addr";
import { Server as SocketServer } from "socket.io";
import { openDatabase, type DbHandle } from "./db/client";
import { migrateToLatest } from "./db/migrate";
import { seedDemoIfEmpty } from "./db/seed/seed.server";
import type { AppContext } from "./app/context";
import { parseEnv, trustProxySetting, type Env } from "./app/env.server";
import { refuseCrossSiteWrites, type OriginPolicy } from "./app/http/origin.server";
import { remixHandler } from "./app/http/remix-bridge.server";
import { guardRequests } from "./app/http/request-guard.server";
import { attachLiveHub } from "./app/live/hub.server";
import { createServices } from "./app/services/index.server";

const root = path.dirname(fileURLToPath(import.meta.url));

function log(message: string) {
  process.stdout.write(`[frontier] ${message}\n`);
}

/** Reads SESSION_SECRET, or for the demo and development makes one under data/ and keeps it. */
function resolveSessionSecret(env: Env): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  log(
    `no SESSION_SECRET given: generated one in ${path.relative(process.cwd(), file)} (set SESSION_SECRET in production)`,
  );
  return secret;
}

async function start() {
  const env = parseEnv(process.env);
  const handle: DbHandle = openDatabase(env.DATABASE_PATH);
  if (handle.adopted) log(`marked ${env.DATABASE_PATH} as a Frontier database (made before application ids)`);
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
  // Only proxies named in TRUST_PROXY may set the client's address (rate limits key on it).
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));
  const clientAddress = (req: http.IncomingMessage) =>
    proxyaddr(req, app.get("trust proxy fn") as (addr: string, i: number) => boolean);
  // Links and origin checks use PUBLIC_URL; without one (demo, development) the address listened on.
  const origin: OriginPolicy = {
    publicOrigin: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    configured: env.PUBLIC_URL !== undefined,
  };

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

  app.use(refuseCrossSiteWrites(origin));
  app.use(guardRequests());

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
    remixHandler({
      build,
      mode: production ? "production" : "development",
      publicOrigin: () => origin.publicOrigin,
      getLoadContext: (req, res): AppContext => ({
        db: handle.db,
        services,
        now,
        cspNonce: res.locals.cspNonce as string,
        clientIp: clientAddress(req),
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
    // Who is asking is checked again on a recovered connection too (the default would skip it).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  const hub = attachLiveHub(io, {
    services,
    origin,
    clientAddress,
    maxConnectionsPerAddress: env.LIVE_MAX_CONNECTIONS_PER_ADDRESS,
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const shownHost = env.HOST === "0.0.0.0" ? "localhost" : env.HOST;
  if (!origin.configured)
    origin.publicOrigin = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;
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
