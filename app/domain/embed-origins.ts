// The partner origins allowed to frame the live pages and overlays, and to open the live channel
// from their own pages: how the organizer's list is read and checked, and how it is stored
// (competitions.embed_origins, one origin per line). Pure: no I/O.
import { z } from "zod";
import { refuse, type Refusal } from "./refusal";

/** More than this many partners is a sign of a pasted list gone wrong, and it makes every CSP header long. */
export const MAX_EMBED_ORIGINS = 20;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * One origin as a browser sends it in `Origin`: https with a host (and a port), or plain http on
 * this machine for a partner testing locally. No path, query, fragment or credentials, and no
 * wildcard: a CSP source or an Origin header compares the whole origin.
 */
export const embedOriginSchema = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: "custom", message: "livestream.embedding.notAnOrigin" });
    return;
  }
  // A plain host name or an IPv6 literal: no wildcard (CSP would read `*` as one; Origin never has it).
  const host = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname);
  if (!host) {
    ctx.addIssue({ code: "custom", message: "livestream.embedding.notAnOrigin" });
    return;
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  if (!secure) ctx.addIssue({ code: "custom", message: "livestream.embedding.httpsOnly" });
  else if (url.origin !== value || url.username || url.password)
    ctx.addIssue({ code: "custom", message: "livestream.embedding.notBare" });
});

/** The organizer's text split into origins (newlines, spaces or commas between them), each once, in order. */
export function splitOrigins(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((s) => s.length > 0))];
}

/** The stored list (as saved, or as older data has it: newline- or space-separated). */
export const storedOrigins = (stored: string | null | undefined): string[] => splitOrigins(stored ?? "");

/** The stored form of a checked list. */
export const storeOrigins = (origins: readonly string[]): string => origins.join("\n");

/**
 * The organizer's list checked as a whole: every origin valid and at most MAX_EMBED_ORIGINS of
 * them. A refusal sits at the `origins` field and names the first origin that is wrong.
 */
export function parseOriginList(text: string): { ok: true; origins: string[] } | Refusal {
  if (text.length > 4000) return refuse.invalid("livestream.embedding.tooMany", "origins", { max: MAX_EMBED_ORIGINS });
  // An origin is written lowercase by browsers; the host part of a typed one may not be.
  const origins = splitOrigins(text).map((o) => o.replace(/^[a-z]+:\/\/[^/]+/i, (head) => head.toLowerCase()));
  const unique = [...new Set(origins)];
  if (unique.length > MAX_EMBED_ORIGINS)
    return refuse.invalid("livestream.embedding.tooMany", "origins", { max: MAX_EMBED_ORIGINS });
  for (const origin of unique) {
    const checked = embedOriginSchema.safeParse(origin);
    if (!checked.success)
      return refuse.invalid(checked.error.issues[0]?.message ?? "livestream.embedding.notAnOrigin", "origins", {
        origin,
      });
  }
  return { ok: true, origins: unique };
}
