// Every deck of a round's entries as one ZIP (`<code> <title>.pdf` each), for organizers: streamed
// as it is built, never held whole in memory.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { resolveLocale } from "~/i18n/locale.server";
import { organizerRound } from "~/routing/guards.server";
import { throwRefusal } from "~/routing/refusals";

export async function loader(args: LoaderFunctionArgs) {
  const { user, round } = await organizerRound(args);
  const locale = await resolveLocale(args.request);
  const outcome = await args.context.services.decks.zipOfRound(user, round.id, locale);
  if (!outcome.ok) throwRefusal(outcome);
  const name = `${round.slug}-decks.zip`;
  return new Response(createReadableStreamFromReadable(outcome.stream), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
