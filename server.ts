// Composition root: environment, database, clock and live publisher, HTTP (Express + Remix),
// Socket.IO, shutdown.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
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
import { allowListedFramers } from "./app/http/frame-ancestors.server";
import { refuseCrossSiteWrites, type OriginPolicy } from "./app/http/origin.server";
import { remixHandler } from "./app/http/remix-bridge.server";
import { publicCacheOn } from "./app/http/public-cache.server";
import { guardRequests } from "./app/http/request-guard.server";
import { FIRST_ORGANIZER_COMMAND } from "./app/domain/first-organizer";
import {
  connectRedis,
  joinCluster,
  SINGLE_PROCESS,
  type LiveCluster,
  type RedisClient,
} from "./app/live/cluster.server";
import { attachLiveHub } from "./app/live/hub.server";
import { createLivePublisher, type LiveRelay } from "./app/live/publisher.server";
import { createServices, type Services } from "./app/services/index.server";
import { redisLimiters } from "./app/services/limiter-store.server";
import { createSmtpSender } from "./app/services/messages/smtp.server";
import { createOutboxWorker, type OutboxWorker } from "./app/services/messages/worker.server";
import { backupDirFor, scheduleBackups } from "./app/ops/backups.server";
import { createLogger, requestLogging } from "./app/ops/logging.server";
import { createMetrics, serveMetrics, type Metrics } from "./app/ops/metrics.server";
import { pendingOutboxMessages } from "./app/services/messages/outbox-depth.server";

const root = path.dirname(fileURLToPath(import.meta.url));

const logger = createLogger();
const log = (message: string) => logger.info(message);

/** What the steps of start-up share once the database is open. */
type Runtime = {
  env: Env;
  production: boolean;
  handle: DbHandle;
  services: Services;
  publisher: LiveRelay;
  clock: () => Date;
  origin: OriginPolicy;
  /** Sends the outbox through SMTP_URL; null without one (messages then wait in the outbox). */
  worker: OutboxWorker | null;
  /** REDIS_URL's client: the live channel and the rate limits shared with the other processes. */
  redis: RedisClient | null;
  /** With METRICS_TOKEN: what /metrics reports; null without (the endpoint does not exist). */
  metrics: Metrics | null;
};

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

/** Opens the database and brings it to the latest schema (and the demo's data, when asked). */
async function openMigrated(env: Env): Promise<DbHandle> {
  const handle = openDatabase(env.DATABASE_PATH);
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
  return handle;
}

/** The services around the database, with the one clock and the one publisher the hub listens on. */
function composeRuntime(env: Env, handle: DbHandle, redis: RedisClient | null): Runtime {
  const production = env.NODE_ENV === "production";
  const clock = () => new Date();
  const publisher = createLivePublisher();
  const publicOrigin = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const worker = env.SMTP_URL
    ? createOutboxWorker(handle.db, {
        sender: createSmtpSender(env.SMTP_URL, env.MAIL_FROM),
        clock,
        policy: { baseMs: env.MAIL_RETRY_BASE_MS, capMs: env.MAIL_RETRY_CAP_MS, maxAttempts: env.MAIL_MAX_ATTEMPTS },
        concurrency: env.MAIL_CONCURRENCY,
        log,
      })
    : null;
  // Links and origin checks use PUBLIC_URL; without one (demo, development) the address listened on.
  const origin: OriginPolicy = {
    publicOrigin,
    configured: env.PUBLIC_URL !== undefined,
  };
  const services = createServices(handle.db, {
    sessionSecret: resolveSessionSecret(env),
    // Secure cookies need HTTPS; the demo and development are served over plain HTTP.
    secureCookies: production && !env.demo,
    clock,
    publisher,
    // Read when a link is written: without PUBLIC_URL the port is known only once the server listens.
    get publicOrigin() {
      return origin.publicOrigin;
    },
    dataDir: path.dirname(path.resolve(env.DATABASE_PATH)),
    onMessageQueued: () => worker?.nudge(),
    mailConfigured: worker !== null,
    limiters: redis ? redisLimiters(redis) : undefined,
  });
  const metrics = env.METRICS_TOKEN ? createMetrics({ outboxDepth: () => pendingOutboxMessages(handle.db) }) : null;
  return { env, production, handle, services, publisher, clock, origin, worker, redis, metrics };
}

/**
 * A nonce per response for the inline scripts, and the security headers that allow it; the live
 * pages and overlays may also be framed by the partners their competition lists.
 */
function securityHeaders(app: express.Express, { env, production, services }: Runtime) {
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
  app.use(allowListedFramers((slug) => services.embedding.framers(slug)));
}

/** The Remix build: the production bundle and its static files, or Vite's dev server. */
async function serveBuild(app: express.Express, production: boolean) {
  if (production) {
    const clientDir = path.join(root, "build/client");
    const serverBuild = path.join(root, "build/server/index.js");
    if (!fs.existsSync(serverBuild)) throw new Error("no production build found: run `npm run build` first");
    // Fingerprinted assets never change under their name: cache them for a year.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    app.use(express.static(clientDir, { maxAge: "1h", index: false }));
    return { build: (await import(serverBuild)) as ServerBuild, viteDevServer: undefined };
  }
  const vite = await import("vite");
  const viteDevServer = await vite.createServer({ server: { middlewareMode: true }, root });
  app.use(viteDevServer.middlewares);
  app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));
  const build = () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  return { build, viteDevServer };
}

/** The Express app: headers, the cross-site and request guards, the health check, Remix. */
async function createApp(runtime: Runtime) {
  const { env, production, handle, services, clock, origin, metrics } = runtime;
  const app = express();
  app.disable("x-powered-by");
  app.use(requestLogging(logger, path.join(root, production ? "build/client" : "public")));
  if (metrics) app.use(metrics.countRequests);
  // Only proxies named in TRUST_PROXY may set the client's address (rate limits key on it).
  app.set("trust proxy", trustProxySetting(env.TRUST_PROXY));
  const clientAddress = (req: http.IncomingMessage) =>
    proxyaddr(req, app.get("trust proxy fn") as (addr: string, i: number) => boolean);
  securityHeaders(app, runtime);
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
  if (metrics) app.get("/metrics", serveMetrics(metrics, env.METRICS_TOKEN!));
  const { build, viteDevServer } = await serveBuild(app, production);
  // Vite rebuilds pages in development without a new build id: only a production build is cached.
  const cacheable = typeof build !== "function" && env.PUBLIC_CACHE_MAX_MB > 0;
  const publicCache = cacheable ? publicCacheOn(handle.sqlite, build, env.PUBLIC_CACHE_MAX_MB) : undefined;
  const loadContext = (req: express.Request, res: express.Response): AppContext => ({
    db: handle.db,
    services,
    now: clock,
    cspNonce: res.locals.cspNonce as string,
    clientIp: clientAddress(req),
  });
  app.all(
    "*",
    remixHandler({
      build,
      mode: production ? "production" : "development",
      publicOrigin: () => origin.publicOrigin,
      getLoadContext: loadContext,
      publicCache,
    }),
  );
  return { app, clientAddress, viteDevServer };
}

/** Socket.IO on the HTTP server, with the live hub listening on the services' publisher. */
async function attachSockets(
  server: http.Server,
  runtime: Runtime,
  clientAddress: (req: http.IncomingMessage) => string,
) {
  const io = new SocketServer(server, {
    serveClient: false,
    // Long-polling from a partner's page needs CORS; its origin must be one an organizer listed
    // (the handshake refuses any other). This site's own pages are same-origin and need none.
    cors: {
      origin: (origin, allow) => {
        if (!origin) return allow(null, false);
        runtime.services.embedding.listed(origin).then(
          (listed) => allow(null, listed),
          () => allow(null, false),
        );
      },
      credentials: false,
    },
    // Messages are small (a command, a score sheet): anything larger is not ours.
    maxHttpBufferSize: 64 * 1024,
    // A phone that drops off the venue Wi-Fi for up to two minutes gets the missed events from
    // Socket.IO itself; past that, the app's own seq resync takes over (DESIGN §4).
    // Who is asking is checked again on a recovered connection too (the default would skip it).
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  // With REDIS_URL the adapter must be in place before the hub's namespace is used.
  const cluster: LiveCluster = runtime.redis
    ? await joinCluster(io, runtime.redis, {
        nodeId: runtime.env.FRONTIER_NODE_ID ?? `${os.hostname()}:${process.pid}`,
        log,
      })
    : SINGLE_PROCESS;
  const hub = attachLiveHub(io, {
    cluster,
    services: runtime.services,
    publisher: runtime.publisher,
    origin: runtime.origin,
    clientAddress,
    maxConnectionsPerAddress: runtime.env.LIVE_MAX_CONNECTIONS_PER_ADDRESS,
    onHandled: runtime.metrics?.liveCommandHandled,
  });
  runtime.metrics?.readLiveSockets(() => hub.namespace.sockets.size);
  return { io, hub: { close: () => hub.close(), cluster } };
}

/** Listens, and says where (without PUBLIC_URL, that address becomes the public origin). */
async function listen(server: http.Server, runtime: Runtime) {
  const { env, production, origin, services } = runtime;
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
  // A fresh installation has nobody who can sign in and set it up: say how to make the first organizer.
  if (runtime.worker) {
    // The URL may carry credentials: only where the mail goes is worth a log line.
    const smtp = new URL(env.SMTP_URL!);
    log(`sending mail through ${smtp.protocol}//${smtp.host} as ${env.MAIL_FROM}`);
    runtime.worker.start();
  } else log("no SMTP_URL: messages wait in the outbox (/admin/outbox)");
  if (!(await services.auth.hasOrganizer()))
    log(`no organizer yet: create the first one with ${FIRST_ORGANIZER_COMMAND} (with the same DATABASE_PATH)`);
}

/** SIGTERM and SIGINT close everything in order, or exit anyway after the shutdown timeout. */
function closeOnSignals(
  runtime: Runtime,
  parts: {
    server: http.Server;
    io: SocketServer;
    hub: { close(): void; cluster: LiveCluster };
    viteDevServer?: { close(): Promise<void> };
  },
) {
  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: closing`);
    const force = setTimeout(() => {
      log("requests still open after the shutdown timeout: exiting anyway");
      process.exit(1);
    }, runtime.env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // Stop accepting; let requests in flight finish; idle keep-alive sockets go at once.
    const httpClosed = new Promise<void>((resolve) => parts.server.close(() => resolve()));
    parts.server.closeIdleConnections();
    // The hub stops listening; io.close() then drops every transport without a disconnect packet,
    // so each screen sees a lost connection and comes back by itself, as after a crash (DESIGN §4).
    parts.hub.close();
    await new Promise<void>((resolve) => parts.io.close(() => resolve()));
    await parts.hub.cluster.close();
    await httpClosed;
    // The message in flight is finished (sent or given back); nothing new is taken.
    await runtime.worker?.stop();
    await parts.viteDevServer?.close();
    await runtime.services.rehearsals.close();
    await runtime.handle.close();
    log("closed");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

async function start() {
  const env = parseEnv(process.env);
  logger.level = env.LOG_LEVEL;
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, log) : null;
  const runtime = composeRuntime(env, await openMigrated(env), redis);
  const { app, clientAddress, viteDevServer } = await createApp(runtime);
  const server = http.createServer(app);
  const { io, hub } = await attachSockets(server, runtime, clientAddress);
  await listen(server, runtime);
  const dir = backupDirFor(env.DATABASE_PATH, env.BACKUP_DIR);
  scheduleBackups(runtime.handle.sqlite, {
    minutes: env.BACKUP_INTERVAL_MINUTES,
    dir,
    keep: env.BACKUP_KEEP,
    log: logger,
  });
  closeOnSignals(runtime, { server, io, hub, viteDevServer });
}

start().catch((error: unknown) => {
  // One line: the operator needs the reason, not a stack of framework frames.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`[frontier] cannot start: ${message.replace(/\s+/g, " ")}\n`);
  process.exit(1);
});
