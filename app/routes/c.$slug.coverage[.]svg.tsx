import crypto from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { competitionSlugSchema } from "~/domain/common-schemas";
import { createI18n, isLocale } from "~/i18n/config";
import { countryName } from "~/i18n/countries";
import { resolveLocale } from "~/i18n/locale.server";
import { MAP_HEIGHT, MAP_WIDTH, worldShapes } from "~/services/world-map.server";
import { notFound, parseParams } from "~/routing/responses";

const params = z.object({ slug: competitionSlugSchema });

// Upper bounds of the colour buckets, in entries; the last is open-ended.
const BUCKETS = [
  { max: 0, fill: "#e2e8f0" },
  { max: 2, fill: "#c7d2fe" },
  { max: 9, fill: "#a5b4fc" },
  { max: 49, fill: "#818cf8" },
  { max: 199, fill: "#6366f1" },
  { max: Infinity, fill: "#4338ca" },
];

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The world-coverage map of the home page, as an SVG image: no script, cacheable, light. */
export async function loader({ params: raw, request, context }: LoaderFunctionArgs) {
  const { slug } = parseParams(raw, params);
  const competition = await context.services.competitions.bySlug(slug);
  if (!competition) throw notFound();
  const requested = new URL(request.url).searchParams.get("lng");
  const locale = isLocale(requested) ? requested : await resolveLocale(request);
  const counts = await context.services.competitions.entriesByCountry(competition.id);

  const etag = `"${crypto.createHash("sha1").update(locale).update(JSON.stringify(counts)).digest("base64url").slice(0, 20)}"`;
  const headers = {
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Cache-Control": "public, max-age=300",
    ETag: etag,
    Vary: "Cookie",
  };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });

  const t = createI18n(locale).t;
  const byCode = new Map(counts.map((c) => [c.code, c.entries]));
  const fillFor = (n: number) => BUCKETS.find((b) => n <= b.max)!.fill;
  const label = (code: string | null, n: number) => (code ? `${countryName(code, locale)}: ${n}` : "");
  const { shapes, dots } = worldShapes();
  const paths = shapes
    .map((s) => {
      const n = s.code ? (byCode.get(s.code) ?? 0) : 0;
      return `<path d="${s.d}" fill="${fillFor(n)}"><title>${escapeXml(label(s.code, n))}</title></path>`;
    })
    .join("");
  const circles = dots
    .filter((d) => (byCode.get(d.code) ?? 0) > 0)
    .map((d) => {
      const n = byCode.get(d.code)!;
      return `<circle cx="${d.x}" cy="${d.y}" r="4" fill="${fillFor(n)}" stroke="#fff" stroke-width="1"><title>${escapeXml(label(d.code, n))}</title></circle>`;
    })
    .join("");
  const legendLabels = ["0", "1–2", "3–9", "10–49", "50–199", "200+"];
  const legend = BUCKETS.map(
    (b, i) =>
      `<rect x="${24 + i * 58}" y="${MAP_HEIGHT - 34}" width="56" height="10" fill="${b.fill}"/>` +
      `<text x="${24 + i * 58}" y="${MAP_HEIGHT - 12}">${legendLabels[i] === "0" ? escapeXml(t("common.none")) : legendLabels[i]}</text>`,
  ).join("");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}" role="img">` +
    `<title>${escapeXml(t("home.coverageAlt"))}</title>` +
    `<g stroke="#ffffff" stroke-width="0.5">${paths}</g>${circles}` +
    `<g font-family="system-ui, sans-serif" font-size="12" fill="#475569"><text x="24" y="${MAP_HEIGHT - 42}" font-weight="600">${escapeXml(t("coverage.legend"))}</text>${legend}</g>` +
    `</svg>`;
  return new Response(svg, { headers });
}
