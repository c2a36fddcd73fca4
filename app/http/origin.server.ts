// Which origins may act with a visitor's cookie: forms (CSRF) and live sockets (cross-site
// WebSocket hijacking) ask the same question. With PUBLIC_URL set, only that origin counts; the
// demo and development, which have none, accept the origin of the Host they were reached at.
import type { IncomingMessage } from "node:http";
import type express from "express";
import { refuse } from "./refusal.server";

export type OriginPolicy = { publicOrigin: string; configured: boolean };

function originOf(value: string | undefined): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Is this request sent on behalf of a page of this site? An Origin must be ours; without one, the
 * browser must not say it came from another site (old browsers send neither, same-origin GETs too).
 */
export function isSameSite(policy: OriginPolicy, headers: IncomingMessage["headers"]): boolean {
  const raw = headers.origin;
  const fetchSite = headers["sec-fetch-site"];
  if (raw === undefined) return fetchSite !== "cross-site" && fetchSite !== "same-site";
  const origin = originOf(raw);
  if (origin === null) return false; // "Origin: null": sandboxed frames, no-referrer pages
  if (origin === policy.publicOrigin) return true;
  return !policy.configured && typeof headers.host === "string" && new URL(origin).host === headers.host;
}

/**
 * May a page with this Origin open the live channel? Pages of this site, pages of a partner some
 * competition lists (`listed`), and clients that are not browsers (no Origin: they could send any).
 * A partner's page is the audience there: isSameSite still decides whether its cookie counts.
 */
export async function mayOpenLiveChannel(
  policy: OriginPolicy,
  headers: IncomingMessage["headers"],
  listed: (origin: string) => Promise<boolean>,
): Promise<boolean> {
  if (isSameSite(policy, headers)) return true;
  const origin = originOf(headers.origin);
  if (origin === null) return false;
  // This server's own page reached under another name than PUBLIC_URL (a big screen opened at the
  // venue's LAN address): a page of another site could not have been sent with this Host.
  if (typeof headers.host === "string" && new URL(origin).host === headers.host) return true;
  return listed(origin);
}

/** Refuses a state-changing request sent by another site (CSRF); cookies are SameSite=Lax too. */
export function refuseCrossSiteWrites(policy: OriginPolicy) {
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    if (isSameSite(policy, req.headers)) return next();
    void refuse(req, res, 403, "crossSite");
  };
}
