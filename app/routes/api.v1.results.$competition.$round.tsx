import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicJson, publicJsonError } from "~/routing/public-json.server";

/**
 * GET /api/v1/results/:competition/:round?unit=group:BJ — a published round's results for one
 * ranking unit (default: the first). Unpublished rounds are not found, as on the public pages.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.competition ?? "";
  const roundSlug = params.round ?? "";
  const competition = /^[a-z0-9]{2,40}$/.test(slug) ? await context.services.competitions.bySlug(slug) : undefined;
  if (!competition || !/^[a-z0-9-]{2,40}$/.test(roundSlug)) return publicJsonError(404, "not_found", { en: "There is no such competition or round.", zh: "没有该赛事或轮次。" });
  const unit = new URL(request.url).searchParams.get("unit");
  const results = await context.services.results.api(competition.id, roundSlug, unit);
  if (results === "not_found") return publicJsonError(404, results, { en: "There is no such round.", zh: "没有该轮次。" });
  if (results === "not_published") return publicJsonError(404, results, { en: "This round's results are not published yet.", zh: "该轮次成绩尚未公布。" });
  if (results === "bad_unit") return publicJsonError(400, "bad_unit", { en: "Unknown ranking unit: use one listed in `units`, e.g. unit=all, unit=group:BJ or unit=track:QI.", zh: "未知的排名单元：请使用 `units` 中列出的值，例如 unit=all、unit=group:BJ 或 unit=track:QI。" });
  return publicJson(request, { competition: competition.slug, ...results }, { maxAgeSeconds: 60 });
}
