// The livestream overlays' query string (/live/:competition/overlay/…?background=green&rows=12):
// a chroma-key backdrop or none, and how many rows the ranking overlay shows. Pure: no I/O.
import { z } from "zod";

export const BACKDROPS = ["transparent", "green", "blue", "magenta"] as const;
export type Backdrop = (typeof BACKDROPS)[number];

/** The solid colours a vision mixer keys out: broadcast chroma green and blue, and magenta. */
export const BACKDROP_COLOR: Record<Backdrop, string> = {
  transparent: "transparent",
  green: "#00b140",
  blue: "#0047bb",
  magenta: "#ff00ff",
};

export const DEFAULT_OVERLAY_ROWS = 10;
export const MAX_OVERLAY_ROWS = 30;

/**
 * Absent parameters take their defaults; a wrong one is refused (400) rather than quietly replaced,
 * so a typo in OBS ("gren") shows at once instead of a backdrop that looks almost right.
 */
export const overlayQuerySchema = z.object({
  background: z.enum(BACKDROPS, { error: "livestream.overlay.badBackground" }).default("transparent"),
  rows: z.coerce
    .number({ error: "livestream.overlay.badRows" })
    .int({ error: "livestream.overlay.badRows" })
    .min(1, { error: "livestream.overlay.badRows" })
    .max(MAX_OVERLAY_ROWS, { error: "livestream.overlay.badRows" })
    .default(DEFAULT_OVERLAY_ROWS),
});
export type OverlayQuery = z.infer<typeof overlayQuerySchema>;

/** The query of a URL as the overlay reads it; the message key of the first problem when it is wrong. */
export function parseOverlayQuery(
  search: URLSearchParams,
): { ok: true; query: OverlayQuery } | { ok: false; problem: string } {
  const raw: Record<string, string> = {};
  for (const key of ["background", "rows"] as const) {
    const value = search.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = overlayQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  return { ok: false, problem: parsed.error.issues[0]?.message ?? "livestream.overlay.badRows" };
}

/** The colour of html and body under an overlay: its backdrop, transparent when unknown. */
export const backdropColor = (background: unknown): string =>
  BACKDROPS.includes(background as Backdrop) ? BACKDROP_COLOR[background as Backdrop] : "transparent";
