import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { publicJson, publicJsonError } from "~/routing/public-json.server";

const params = z.object({
  competition: z.string().regex(/^[a-z0-9]{2,40}$/),
  round: z.string().regex(/^[a-z0-9-]{2,40}$/),
});
/** 'all', 'group:BJ' or 'track:QI'; which ones a round has is the service's to say. */
const unitParam = z
  .string()
  .regex(/^(all|(group|track):[A-Z0-9]{2,4})$/)
  .nullable();

/**
 * GET /api/v1/results/:competition/:round?unit=group:BJ — a published round's results for one
 * ranking unit (default: the first). Unpublished rounds are not found, as on the public pages.
 */
export async function loader({ request, params: raw, context }: LoaderFunctionArgs) {
  const p = params.safeParse(raw);
  const competition = p.success ? await context.services.competitions.bySlug(p.data.competition) : undefined;
  if (!p.success || !competition) return publicJsonError(404, "not_found", "live.api.not_found");
  const unit = unitParam.safeParse(new URL(request.url).searchParams.get("unit"));
  if (!unit.success) return publicJsonError(400, "bad_unit", "live.api.bad_unit");
  const results = await context.services.results.api(competition.id, p.data.round, unit.data);
  if (results === "not_found" || results === "not_published" || results === "bad_unit")
    return publicJsonError(results === "bad_unit" ? 400 : 404, results, `live.api.${results}`);
  return publicJson(request, { competition: competition.slug, ...results }, { maxAgeSeconds: 60 });
}
