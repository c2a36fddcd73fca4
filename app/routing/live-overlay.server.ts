// What both livestream overlays load: the competition's public live state (as the big screen's
// loader reads it) and the overlay's query, checked; a wrong query is a 400 naming the problem.
import { data, type AppLoadContext } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { parseOverlayQuery } from "../domain/overlay-query";
import { notFound } from "./responses";

export async function loadOverlay(request: Request, params: Params, context: AppLoadContext) {
  const competition = await context.services.competitions.bySlug(params["competition"] ?? "");
  if (!competition) throw notFound();
  const query = parseOverlayQuery(new URL(request.url).searchParams);
  if (!query.ok) throw data({ problem: query.problem }, { status: 400 });
  const snapshot = await context.services.live.snapshot(competition.slug);
  return {
    slug: competition.slug,
    name: { zh: competition.name_zh, en: competition.name_en },
    state: snapshot?.state ?? null,
    background: query.query.background,
    rows: query.query.rows,
  };
}
