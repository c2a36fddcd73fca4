import type { LoaderFunctionArgs } from "@remix-run/node";
import { PROTOCOL_VERSION } from "~/live/protocol";
import { publicJson, publicJsonError } from "~/routing/public-json.server";

/**
 * GET /api/v1/live/:competition — the live final's public state, the same object the live
 * channel's `snapshot` carries. The ETag follows `seq`, so polling partners get 304 until it moves.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.competition ?? "";
  const snapshot = /^[a-z0-9]{2,40}$/.test(slug) ? await context.services.live.snapshot(slug) : null;
  if (!snapshot) return publicJsonError(404, "unknown_competition", { en: "There is no such competition.", zh: "没有该赛事。" });
  const state = snapshot.state;
  return publicJson(request, { protocol: PROTOCOL_VERSION, competition: slug, state }, { maxAgeSeconds: 1, etag: state ? `live-${slug}-${state.round.slug}-${state.seq}` : `live-${slug}-none` });
}
