// Who may frame a page: this site only (helmet's `frame-ancestors 'self'` and X-Frame-Options
// SAMEORIGIN), except a competition's live pages and overlays, which its organizer may let
// partners embed (the origins listed at /admin/live/embedding).
import type express from "express";

/** The live pages a partner may embed: the big screen and the two overlays of one competition. */
const EMBEDDABLE = /^\/live\/([a-z0-9]{2,40})(?:\/overlay\/(?:ranking|lower-third))?\/?$/;

/** The competition whose embeddable page `path` is, or null for every other page. */
export function embeddableCompetition(path: string): string | null {
  return EMBEDDABLE.exec(path)?.[1] ?? null;
}

/**
 * The policy with its frame-ancestors set to this site and `origins`: the directive replaced where
 * helmet wrote one, added otherwise (development sends no other directive).
 */
export function withFrameAncestors(policy: string | undefined, origins: readonly string[]): string {
  const directive = ["frame-ancestors", "'self'", ...origins].join(" ");
  const others = (policy ?? "")
    .split(";")
    .map((d) => d.trim())
    .filter((d) => d.length > 0 && !/^frame-ancestors(\s|$)/i.test(d));
  return [...others, directive].join(";");
}

/**
 * After helmet: on an embeddable page of a competition that lists partners, frame-ancestors names
 * them and X-Frame-Options goes (it cannot name an origin, and browsers that read it would refuse).
 */
export function allowListedFramers(framers: (slug: string) => Promise<string[]>) {
  return async (req: express.Request, res: express.Response, next: express.NextFunction) => {
    const slug = req.method === "GET" || req.method === "HEAD" ? embeddableCompetition(req.path) : null;
    if (!slug) return next();
    try {
      const origins = await framers(slug);
      if (origins.length > 0) {
        const policy = res.getHeader("Content-Security-Policy");
        res.setHeader(
          "Content-Security-Policy",
          withFrameAncestors(typeof policy === "string" ? policy : undefined, origins),
        );
        res.removeHeader("X-Frame-Options");
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
