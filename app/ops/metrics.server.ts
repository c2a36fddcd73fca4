// Prometheus metrics (prom-client): requests and their latency, live sockets, live commands, the
// outbox's depth, and Node's own (event-loop lag, memory). Served at /metrics only with METRICS_TOKEN.
import crypto from "node:crypto";
import type { RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Methods by name; anything else is "other", so a client cannot invent label values. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const methodLabel = (method: string) => (METHODS.has(method) ? method : "other");
/** 2xx, 4xx…: the class, never the URL, keeps the number of series fixed. */
const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

export type LiveCommandKind = "control" | "submit";

export type Metrics = {
  registry: Registry;
  /** Counts every request and its duration once its response is done. */
  countRequests: RequestHandler;
  /** The live hub's hook: a command was handled, accepted or refused. */
  liveCommandHandled: (kind: LiveCommandKind, ok: boolean) => void;
  /** Where the open sockets of the live channel are counted, read at each scrape. */
  readLiveSockets: (count: () => number) => void;
};

export function createMetrics(sources: { outboxDepth: () => Promise<number> }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "status_class"] as const;
  const requests = new Counter({
    name: "frontier_http_requests_total",
    help: "HTTP requests answered, by method and status class",
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "frontier_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response, by method and status class",
    labelNames,
    registers: [registry],
  });
  const commands = new Counter({
    name: "frontier_live_commands_total",
    help: "Control-room commands and stage scores handled on the live channel, by outcome",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  // Present from the first scrape, so a rate over them never starts from a missing series.
  for (const kind of ["control", "submit"]) for (const outcome of ["ok", "refused"]) commands.inc({ kind, outcome }, 0);
  let liveSockets = () => 0;
  new Gauge({
    name: "frontier_live_sockets",
    help: "Sockets open on this process's live channel (/live)",
    registers: [registry],
    collect() {
      this.set(liveSockets());
    },
  });
  new Gauge({
    name: "frontier_outbox_pending_messages",
    help: "Messages in the outbox waiting to be sent",
    registers: [registry],
    async collect() {
      this.set(await sources.outboxDepth());
    },
  });
  return {
    registry,
    countRequests: (req, res, next) => {
      const end = latency.startTimer();
      res.once("close", () => {
        const labels = { method: methodLabel(req.method), status_class: statusClass(res.statusCode) };
        requests.inc(labels);
        end(labels);
      });
      next();
    },
    liveCommandHandled: (kind, ok) => commands.inc({ kind, outcome: ok ? "ok" : "refused" }),
    readLiveSockets: (count) => {
      liveSockets = count;
    },
  };
}

/** Equal whatever the lengths, in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string) {
  const digest = (s: string) => crypto.createHash("sha256").update(s).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** GET /metrics: the registry in Prometheus's text format, for `Authorization: Bearer <token>` only. */
export function serveMetrics(metrics: Metrics, token: string): RequestHandler {
  return (req, res, next) => {
    const bearer = /^Bearer (\S+)$/.exec(req.get("authorization") ?? "")?.[1];
    if (!bearer || !sameSecret(bearer, token)) {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("unauthorized\n");
      return;
    }
    metrics.registry.metrics().then((text) => res.type(metrics.registry.contentType).send(text), next);
  };
}
