// What organizer and judge pages check before anything else: who is asking, and which round.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { slugSchema } from "~/domain/common-schemas";
import { notFound } from "./responses";
import { organizerEdition } from "./edition.server";

/** An organizer, the current competition and one of its rounds by slug; 404 otherwise. */
export async function organizerRound({
  request,
  context,
  params,
}: Pick<LoaderFunctionArgs, "request" | "context" | "params">) {
  const { user, competition } = await organizerEdition(request, context);
  const slug = slugSchema.safeParse(params["round"]);
  if (!slug.success) throw notFound();
  const found = await context.services.rounds.bySlug(competition.id, slug.data);
  if (!found) throw notFound();
  return { user, competition, ...found };
}

/**
 * A judge and the edition they work on: the newest one in which they are a judge, preferring one whose
 * registration has opened (an account with the judge role and no judge record yet sees the public
 * edition). Organizers who are not judges get 403.
 */
export async function judgeContext({ request, context }: Pick<LoaderFunctionArgs, "request" | "context">) {
  const user = await context.services.auth.requireUser(request, "judge");
  const competitions = context.services.competitions;
  const competition =
    (await competitions.newestJudgedBy(user.id, context.now())) ?? (await competitions.featured(context.now()));
  if (!competition) throw notFound();
  return { user, competition };
}

/** The first problem of a failed parse, as the page shows it at its field. */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: String(issue?.path[0] ?? ""), message: issue?.message ?? "validation.required" };
}

export { reasonSchema } from "~/domain/common-schemas";
