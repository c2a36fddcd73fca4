import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { competitionSlugSchema } from "~/domain/common-schemas";
import { notFound, parseParams } from "~/routing/responses";

const params = z.object({ slug: competitionSlugSchema });

/** Results without a round: the latest published round, else the first one. */
export async function loader({ params: raw, context }: LoaderFunctionArgs) {
  const { slug } = parseParams(raw, params);
  const competition = await context.services.competitions.bySlug(slug);
  if (!competition) throw notFound();
  const rounds = await context.services.results.rounds(competition.id);
  const round = [...rounds].reverse().find((r) => r.status === "published") ?? rounds[0];
  if (!round) throw notFound();
  return redirect(`/c/${competition.slug}/results/${round.slug}`);
}
