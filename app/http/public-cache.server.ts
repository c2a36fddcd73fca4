// Public pages for results day: an anonymous visitor's page is rendered once per (address, language,
// data version, minute) and then served from memory, with an ETag a browser, nginx or a CDN can
// revalidate. Signed-in visitors never touch this cache (docs/decisions/0019-cacheable-public-pages.md).
import crypto from "node:crypto";
import type express from "express";
import { LRUCache } from "lru-cache";
import { browserLocale, resolveFormatting, resolveLocale } from "../i18n/locale.server";

/** What rendering a request produced, read whole so it can be kept. */
export type Rendered = { status: number; statusText: string; headers: Headers; body: Buffer };

type Entry = {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
  /** The Content-Security-Policy the body's nonce was rendered under: served with the body, always. */
  csp: string | undefined;
  etag: string | undefined;
};

type Kind = "page" | "api";

// The pages an anonymous visitor reads on results day. The live page is not here: its first load
// gives each phone its own voting cookie, so no two visitors get the same answer.
const PUBLIC_ROUTES: [RegExp, Kind][] = [
  [/^\/$/, "page"],
  [/^\/c\/[^/]+\/?$/, "page"],
  [/^\/c\/[^/]+\/results(?:\/[^/]+)?\/?$/, "page"],
  [/^\/entries\/[^/]+\/?$/, "page"],
  // The JSON API reads no cookie and speaks both languages in every answer.
  [/^\/api\/v1\/results\/[^/]+\/[^/]+$/, "api"],
];

/**
 * Browsers keep a page 5 s (a refresh soon revalidates, cheaply, with a 304); a shared cache 30 s
 * (results published appear within half a minute) and may answer from its copy for 60 s more while
 * it fetches a fresh one, so a burst never waits on this server.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=5, s-maxage=30, stale-while-revalidate=60";
/** The language is the `lng` cookie, else Accept-Language (which also picks number formats). */
export const PUBLIC_VARY = "Accept-Language, Cookie";
/** Pages that show dates and deadlines (registration open, the featured edition) move on by the minute. */
const WINDOW_MS = 60_000;

const signedIn = (req: express.Request) => /(?:^|;\s*)__session=/.test(req.get("cookie") ?? "");

function kindOf(req: express.Request): Kind | null {
  if (req.method !== "GET") return null;
  for (const [pattern, kind] of PUBLIC_ROUTES)
    if (pattern.test(req.path)) return kind === "page" && signedIn(req) ? null : kind;
  return null;
}

/** Everything about the visitor a public page depends on: its language, number format and language menu. */
async function variantOf(req: express.Request): Promise<string> {
  const request = new Request("http://public.invalid/", {
    headers: { cookie: req.get("cookie") ?? "", "accept-language": req.get("accept-language") ?? "" },
  });
  const locale = await resolveLocale(request);
  return `${locale}|${resolveFormatting(request, locale)}|${browserLocale(request)}`;
}

/** A response that sets a cookie, or that is not a page's ordinary answer, is never kept. */
function cacheable(rendered: Rendered): boolean {
  if (rendered.headers.getSetCookie().length > 0) return false;
  if (/no-store|private/.test(rendered.headers.get("cache-control") ?? "")) return false;
  return [200, 301, 302, 307, 308].includes(rendered.status);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === bare);
}

function keep(rendered: Rendered, csp: string | undefined, kind: Kind, tag: string): Entry | null {
  if (!cacheable(rendered)) return null;
  const headers = new Headers(rendered.headers);
  if (kind === "page") {
    headers.set("Cache-Control", PUBLIC_CACHE_CONTROL);
    headers.set("Vary", PUBLIC_VARY);
    headers.set("ETag", tag);
  }
  return {
    status: rendered.status,
    statusText: rendered.statusText,
    headers: [...headers.entries()],
    body: rendered.body,
    csp,
    etag: headers.get("etag") ?? undefined,
  };
}

function send(req: express.Request, res: express.Response, entry: Entry, state: string) {
  res.setHeader("X-Public-Cache", state);
  for (const [key, value] of entry.headers) res.setHeader(key, value);
  if (entry.csp) res.setHeader("Content-Security-Policy", entry.csp);
  if (entry.status === 200 && entry.etag && matches(req.get("if-none-match"), entry.etag)) {
    res.removeHeader("Content-Type");
    res.removeHeader("Content-Length");
    res.status(304).end();
    return;
  }
  res.statusMessage = entry.statusText;
  res.status(entry.status).end(entry.body);
}

export type PublicCache = ReturnType<typeof createPublicCache>;

export function createPublicCache(options: {
  /** The public data version (db/migrations/0014_public_data_version), read on every request. */
  readVersion: () => number;
  /** The build's id: a deploy serves new pages even when the data did not move. */
  buildId: string;
  maxBytes: number;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes,
    maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 8)),
    sizeCalculation: (entry, key) =>
      entry.body.length + key.length + entry.headers.reduce((n, [k, v]) => n + k.length + v.length, 64),
  });
  // Concurrent misses for one key wait on the one render in progress.
  const inflight = new Map<string, Promise<Entry | null>>();

  return {
    /** Whether this request is an anonymous visitor's read of a public page. */
    handles: (req: express.Request): boolean => kindOf(req) !== null,

    /**
     * Serves from memory, or renders once (`render` must not see If-None-Match, so it answers with
     * the whole page) and keeps the answer; `passThrough` answers one that must not be kept.
     */
    async serve(
      req: express.Request,
      res: express.Response,
      render: () => Promise<Rendered>,
      passThrough: (rendered: Rendered) => Promise<void>,
    ): Promise<void> {
      const kind = kindOf(req)!;
      const variant = kind === "page" ? await variantOf(req) : "";
      const version = options.readVersion();
      const window = Math.floor(now() / WINDOW_MS);
      const key = `${req.originalUrl}\n${variant}\n${version}\n${window}`;
      const digest = crypto.createHash("sha256").update(`${options.buildId}\n${key}`).digest("base64url");
      const tag = `W/"${version}-${digest.slice(0, 22)}"`;
      const kept = entries.get(key);
      if (kept) return send(req, res, kept, "hit");
      const pending = inflight.get(key);
      if (pending) {
        const shared = await pending;
        if (shared) return send(req, res, shared, "shared");
        // The one render was not keepable (it set a cookie, say): this visitor gets its own.
      }
      let ownRendered: Rendered | null = null;
      const rendering = render().then((rendered) => {
        ownRendered = rendered;
        return keep(rendered, res.getHeader("Content-Security-Policy") as string | undefined, kind, tag);
      });
      if (!pending) inflight.set(key, rendering);
      try {
        const entry = await rendering;
        if (entry) {
          entries.set(key, entry);
          return send(req, res, entry, "miss");
        }
        res.setHeader("X-Public-Cache", "pass");
        await passThrough(ownRendered!);
      } finally {
        if (inflight.get(key) === rendering) inflight.delete(key);
      }
    },
  };
}

/** The cache over this database and build: the version is read from the database on each request. */
export function publicCacheOn(
  sqlite: { prepare(sql: string): { pluck(): { get(): unknown } } },
  build: { assets: { version: string } },
  maxMegabytes: number,
): PublicCache {
  const version = sqlite.prepare("SELECT version FROM public_data_version WHERE id = 1").pluck();
  return createPublicCache({
    readVersion: () => Number(version.get() ?? 0),
    buildId: build.assets.version,
    maxBytes: maxMegabytes * 1024 * 1024,
  });
}
