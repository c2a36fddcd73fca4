// Express → Remix. The Fetch Request Remix sees is addressed at the site's public origin, never at
// the Host header a client chose, so every link built from `request.url` (QR codes, invitation
// links) points to this site; its body is the one request-guard already read and checked (or, for a
// streamed upload, the request's own stream, bounded by request-guard's limit).
import { Readable } from "node:stream";
import type express from "express";
import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { PublicCache, Rendered } from "./public-cache.server";

/**
 * The request's headers, with Host naming the site. Remix refuses an action whose Origin differs
 * from Host (its own CSRF check); origin.server.ts has already decided which origins are ours, so
 * Host is set to the one the request came from when it passed, and to the public origin otherwise.
 */
function headersOf(req: express.Request, publicOrigin: string, whole = false): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key === "x-forwarded-host") continue;
    // A page rendered for the public cache is rendered whole: the cache answers If-None-Match itself.
    if (whole && key === "if-none-match") continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(key, one);
  }
  let host = new URL(publicOrigin).host;
  try {
    if (req.headers.origin && req.headers.origin !== "null") host = new URL(req.headers.origin).host;
  } catch {
    // An unreadable Origin never got past the cross-site check; keep the public host.
  }
  headers.set("host", host);
  return headers;
}

/**
 * A page answered to a signed-in visitor (or one that signs someone in) is theirs alone: no shared
 * proxy or browser back-forward cache may keep it. The public JSON API reads no cookie.
 */
function keepPrivate(req: express.Request, original: Headers): Headers {
  const headers = new Headers(original);
  const signedIn = /(?:^|;\s*)__session=/.test(req.get("cookie") ?? "");
  if ((signedIn && !req.path.startsWith("/api/")) || headers.has("set-cookie"))
    headers.set("Cache-Control", "private, no-store");
  return headers;
}

export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  publicOrigin: () => string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
  /** Anonymous visitors' public pages, rendered once per data version (production only). */
  publicCache?: PublicCache;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  const requestOf = (req: express.Request, res: express.Response, whole: boolean) => {
    const controller = new AbortController();
    // A page rendered for the cache may be awaited by other visitors: one leaving does not end it.
    if (!whole)
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
    const body = res.locals.body as Buffer | undefined;
    // A streamed upload (request-guard's STREAMED_UPLOADS) reaches the action as it arrives.
    const stream = res.locals.streamBody === true ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null;
    // Concatenated, not resolved: a path such as "//elsewhere/x" stays a path of this site.
    const origin = options.publicOrigin();
    return new Request(origin + req.originalUrl, {
      method: req.method,
      headers: headersOf(req, origin, whole),
      signal: controller.signal,
      ...(stream
        ? { body: stream, duplex: "half" }
        : req.method !== "GET" && req.method !== "HEAD"
          ? {
              body: body ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length) : new Uint8Array(0),
            }
          : {}),
    });
  };
  const writeHead = (req: express.Request, res: express.Response, response: Rendered | Response) => {
    res.statusMessage = response.statusText;
    res.status(response.status);
    // Set-Cookie is the one header that may repeat: Headers keeps each, getSetCookie lists them.
    const headers = keepPrivate(req, response.headers);
    for (const [key, value] of headers.entries()) if (key !== "set-cookie") res.append(key, value);
    for (const value of headers.getSetCookie()) res.append("Set-Cookie", value);
  };
  const renderWhole = async (req: express.Request, res: express.Response): Promise<Rendered> => {
    const response = await handle(requestOf(req, res, true), options.getLoadContext(req, res));
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, statusText: response.statusText, headers: response.headers, body };
  };
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      const cache = options.publicCache;
      if (cache?.handles(req))
        return await cache.serve(
          req,
          res,
          () => renderWhole(req, res),
          async (rendered) => {
            writeHead(req, res, rendered);
            res.end(rendered.body);
          },
        );
      const response = await handle(requestOf(req, res, false), options.getLoadContext(req, res));
      writeHead(req, res, response);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
