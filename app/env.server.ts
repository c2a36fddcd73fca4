import { z } from "zod";

/** "name <address>" or a bare address; the address part checked the way e-mail fields are. */
const MAIL_FROM_FORM = /^(?:[^<>@\r\n]{0,100}<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("data/frontier.db"),
  // Long enough to resist guessing; production must bring its own.
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // "1" makes the server seed the demo competition into an empty database and invent a session secret.
  FRONTIER_DEMO: z.enum(["0", "1"]).default("0"),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  // The address people reach the site at: every link the server writes (QR codes, invitations,
  // e-mail) starts with it, never with a request's Host header. Required in production.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://frontier.example.org" })
    .transform((value) => new URL(value).origin)
    .optional(),
  // Which proxies may tell us the client's address (X-Forwarded-For): none unless said. Accepts
  // Express's forms: a hop count ("1"), or addresses and subnets ("loopback", "10.0.0.0/8, ::1").
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      "must be false, a hop count, or a comma-separated list of addresses",
    )
    .default("false"),
  // Live-channel sockets one client address may hold open: a whole hall (about 1,500 phones,
  // the panel and the screens) may reach us through one venue NAT.
  LIVE_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(2000),
  // The mail server the outbox worker sends through. Without it messages wait in the outbox, readable
  // at /admin/outbox (the demo). Credentials go in the URL: smtps://user:pass@mail.example.org:465.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL such as smtp://mail.example.org:587" })
    .optional(),
  // Who messages come from: an address, optionally with a name ("Frontier <noreply@example.org>").
  MAIL_FROM: z
    .string()
    .trim()
    .regex(MAIL_FROM_FORM, "must be an address, optionally with a name: Frontier <noreply@example.org>")
    .default("Frontier <noreply@frontier.invalid>"),
  // Retries of a failed send: the first wait, the longest wait, and how many tries before "failed".
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  MAIL_RETRY_CAP_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(24 * 3_600_000)
    .default(3_600_000),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  // Messages sent at the same time; a small number keeps a shared mail server's rate limits happy.
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  // Several server processes share the live channel through Redis (docs/scaling.md); without it
  // this process is the only one.
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379" })
    .optional(),
  // This process's name in the cluster's logs and leases: two processes must not share one.
  FRONTIER_NODE_ID: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "must be 1 to 64 letters, digits, dots, colons, dashes or underscores")
    .optional(),
  // Memory for anonymous visitors' rendered public pages (results day); 0 renders every request.
  PUBLIC_CACHE_MAX_MB: z.coerce.number().int().min(0).max(4096).default(64),
  // Minutes between the server's own online backups of DATABASE_PATH; 0 (the default) leaves them to
  // cron and `npm run db:backup`. With several processes on one database set it on one only (a
  // process also skips a run when BACKUP_DIR already holds a backup newer than the interval).
  BACKUP_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(0),
  // Where backups go (default: backups/ beside the database) and how many of the newest are kept.
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(48),
  // /metrics answers only with this bearer token; without it the endpoint does not exist (404).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // How much the JSON log says (pino's levels): request lines are "info", failures "error".
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema> & { demo: boolean };

/** TRUST_PROXY in the form Express's "trust proxy" setting takes. */
export function trustProxySetting(value: string): boolean | number | string[] {
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(",").map((part) => part.trim());
}

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment; the error message is one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new EnvError(`invalid environment: ${problems}`);
  }
  const env = parsed.data;
  const demo = env.FRONTIER_DEMO === "1";
  if (env.NODE_ENV === "production" && !demo && !env.SESSION_SECRET) {
    throw new EnvError("invalid environment: SESSION_SECRET is required in production (32+ characters)");
  }
  if (env.NODE_ENV === "production" && !demo && !env.PUBLIC_URL) {
    throw new EnvError("invalid environment: PUBLIC_URL is required in production (e.g. https://frontier.example.org)");
  }
  return { ...env, demo };
}
