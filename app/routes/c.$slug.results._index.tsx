import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

const params = z.object({ slug: z.string().regex(/^[a-z0-9]{2,40}$/) });

/** Results without a round: the latest published round, else the first one. */
export async function loader({ params: raw, context }: LoaderFunctionArgs) {
  const parsed = params.safeParse(raw);
  const competition = parsed.success ? await context.services.competitions.bySlug(parsed.data.slug) : undefined;
  if (!competition) throw new Response("Not found", { status: 404 });
  const rounds = await context.services.results.rounds(competition.id);
  const round = [...rounds].reverse().find((r) => r.status === "published") ?? rounds[0];
  if (!round) throw new Response("Not found", { status: 404 });
  return redirect(`/c/${competition.slug}/results/${round.slug}`);
}
