// Structured logs: one JSON line per event on stdout (pino), and one per request (pino-http) with
// the request id it was answered under, echoed as X-Request-Id.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";
import pino, { type Logger } from "pino";
import { pinoHttp } from "pino-http";

/**
 * Synchronous writes: the lines just before process.exit (shutdown, a fatal error) are not lost
 * in a buffer. The level starts at "info" and follows LOG_LEVEL once the environment is parsed.
 */
export function createLogger(): Logger {
  return pino(
    { name: "frontier", timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } },
    pino.destination({ dest: 1, sync: true }),
  );
}

/** A proxy's or a client's id is kept only if it is short and plain; otherwise a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && /^[\w.-]{1,64}$/.test(header) ? header : crypto.randomUUID();
}

/** Paths whose tail is a secret (a claim, invitation or reset link): the log keeps only their kind. */
const SECRET_PATHS = /^\/(claim|invite|reset-password)\/[^/]+/;
/** The path without its query (which may carry anything) or a secret segment. */
const loggedPath = (url: string) => url.split("?")[0]!.replace(SECRET_PATHS, "/$1/…");

/** Every file under the static directory, as the path it is served at. */
function staticFiles(dir: string): Set<string> {
  if (!fs.existsSync(dir)) return new Set();
  const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Set(files.map((e) => "/" + path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")));
}

/**
 * One line per request at "info" (5xx and failures at "error"), except the health check, /metrics
 * and static files: probes, scrapes and a page's assets arrive many times per page view and would
 * drown the lines worth reading. They are still logged at "debug".
 */
export function requestLogging(logger: Logger, staticDir: string): RequestHandler {
  const quietFiles = staticFiles(staticDir);
  const quiet = (url: string) => {
    const p = url.split("?")[0]!;
    return p === "/healthz" || p === "/metrics" || p.startsWith("/assets/") || quietFiles.has(p);
  };
  const urlOf = (req: { url?: string; originalUrl?: string }) => req.originalUrl ?? req.url ?? "/";
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdFrom(req.headers["x-request-id"]);
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return "error";
      return quiet(urlOf(req)) ? "debug" : "info";
    },
    // Only what says which request it was: headers carry cookies and tokens.
    wrapSerializers: false,
    serializers: {
      req: (req: { id: string; method: string; url?: string; originalUrl?: string }) => ({
        id: req.id,
        method: req.method,
        url: loggedPath(urlOf(req)),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
