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

/**
 * The request's headers, with Host naming the site. Remix refuses an action whose Origin differs
 * from Host (its own CSRF check); origin.server.ts has already decided which origins are ours, so
 * Host is set to the one the request came from when it passed, and to the public origin otherwise.
 */
function headersOf(req: express.Request, publicOrigin: string): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined || key === "x-forwarded-host") continue;
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
}) {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    try {
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const body = res.locals.body as Buffer | undefined;
      // A streamed upload (request-guard's STREAMED_UPLOADS) reaches the action as it arrives.
      const stream = res.locals.streamBody === true ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null;
      // Concatenated, not resolved: a path such as "//elsewhere/x" stays a path of this site.
      const origin = options.publicOrigin();
      const request = new Request(origin + req.originalUrl, {
        method: req.method,
        headers: headersOf(req, origin),
        signal: controller.signal,
        ...(stream
          ? { body: stream, duplex: "half" }
          : req.method !== "GET" && req.method !== "HEAD"
            ? {
                body: body
                  ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length)
                  : new Uint8Array(0),
              }
            : {}),
      });
      const response = await handle(request, options.getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      // Set-Cookie is the one header that may repeat: Headers keeps each, getSetCookie lists them.
      const headers = keepPrivate(req, response.headers);
      for (const [key, value] of headers.entries()) if (key !== "set-cookie") res.append(key, value);
      for (const value of headers.getSetCookie()) res.append("Set-Cookie", value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}
