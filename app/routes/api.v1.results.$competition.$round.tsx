import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { competitionSlugSchema, slugSchema } from "~/domain/common-schemas";
import { REFUSAL_STATUS } from "~/routing/refusals";
import { publicJson, publicJsonError } from "~/routing/public-json.server";

const params = z.object({ competition: competitionSlugSchema, round: slugSchema });
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
  const outcome = await context.services.results.api(competition.id, p.data.round, unit.data);
  // The refusal's code is the message key "live.api.<code>": partners read the code after the last dot.
  if (!outcome.ok) return publicJsonError(REFUSAL_STATUS[outcome.kind], outcome.code.split(".").pop()!, outcome.code);
  return publicJson(request, { competition: competition.slug, ...outcome.results }, { maxAgeSeconds: 60 });
}
