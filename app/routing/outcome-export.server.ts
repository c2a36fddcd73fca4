// What the organizers' outcome dashboard and its exports share: the edition the organizer works on,
// its outcome board (the service refuses anyone but an organizer), and the reader's words.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileNamePart, knownZone } from "../domain/export-columns";
import { organizerEdition } from "./edition.server";
import { readerWords } from "./entry-export.server";
import { throwRefusal } from "./refusals";

export async function outcomeExport({ request, context }: Pick<LoaderFunctionArgs, "request" | "context">) {
  const { user, competition } = await organizerEdition(request, context);
  const out = await context.services.outcomes.board(user, competition.id);
  if (!out.ok) throwRefusal(out);
  return {
    board: out.board,
    competition,
    timeZone: knownZone(competition.time_zone),
    words: await readerWords(request),
    base: `outcomes-${fileNamePart(competition.slug)}`,
  };
}
