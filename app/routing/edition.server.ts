// Which edition an organizer is working on. Several editions live side by side; the organizer picks
// one at /admin/competitions and every admin page shows (and names) that one until they pick another.
import { createCookie, type AppLoadContext } from "@remix-run/node";
import type { Competition } from "../../db/schema";
import type { SessionUser } from "../services/auth/deps.server";
import { competitionSlugSchema } from "../domain/common-schemas";
import { notFound } from "./responses";

// A preference, not a grant: it holds a slug that every read checks again, so it need not be signed.
export const editionCookie = createCookie("edition", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The edition the organizer chose, else the newest one; undefined when there is none at all. */
export async function chosenEdition(request: Request, context: AppLoadContext): Promise<Competition | undefined> {
  const slug = competitionSlugSchema.safeParse(await editionCookie.parse(request.headers.get("Cookie")));
  const chosen = slug.success ? await context.services.competitions.bySlug(slug.data) : undefined;
  return chosen ?? (await context.services.competitions.latest());
}

/** An organizer and the edition they work on; 404 when no edition exists yet. */
export async function organizerEdition(
  request: Request,
  context: AppLoadContext,
): Promise<{ user: SessionUser; competition: Competition }> {
  const user = await context.services.auth.requireUser(request, "organizer");
  const competition = await chosenEdition(request, context);
  if (!competition) throw notFound();
  return { user, competition };
}

/** The Set-Cookie header that makes `slug` the organizer's edition. */
export function chooseEditionHeader(slug: string): Promise<string> {
  return editionCookie.serialize(slug);
}
