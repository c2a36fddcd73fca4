import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { PROTOCOL_VERSION } from "~/live/protocol";
import { publicJson, publicJsonError } from "~/routing/public-json.server";

const params = z.object({ competition: z.string().regex(/^[a-z0-9]{2,40}$/) });

/**
 * GET /api/v1/live/:competition — the live final's public state, the same object the live
 * channel's `snapshot` carries, and `serverNow` (the server's epoch ms) as the socket events carry
 * it, for the pitch timer. The ETag follows `seq`, so polling partners get 304 until it moves (the
 * clock's offset learnt from the first answer still holds).
 */
export async function loader({ request, params: raw, context }: LoaderFunctionArgs) {
  const p = params.safeParse(raw);
  const snapshot = p.success ? await context.services.live.snapshot(p.data.competition) : null;
  if (!p.success || !snapshot) return publicJsonError(404, "unknown_competition", "live.refusal.unknownCompetition");
  const { competition } = p.data;
  const state = snapshot.state;
  return publicJson(
    request,
    { protocol: PROTOCOL_VERSION, competition, state, serverNow: context.now().getTime() },
    {
      maxAgeSeconds: 1,
      etag: state ? `live-${competition}-${state.round.slug}-${state.seq}` : `live-${competition}-none`,
    },
  );
}
