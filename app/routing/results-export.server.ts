// What the two results export routes share: the organizer's round, brought up to date, read for
// export and worded in the reader's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileNamePart, knownZone } from "../domain/export-columns";
import { throwRefusal } from "./refusals";
import { organizerRound } from "./guards.server";
import { readerWords } from "./entry-export.server";

/** The round's results and marks, with the reader's words and the file's base name. */
export async function roundExport(args: Pick<LoaderFunctionArgs, "request" | "context" | "params">) {
  const { user, round } = await organizerRound(args);
  await args.context.services.resultsAdmin.refresh(round.id);
  const outcome = await args.context.services.resultsAdmin.exportRows(user, round.id);
  if (!outcome.ok) throwRefusal(outcome);
  const data = {
    ...outcome,
    competition: { ...outcome.competition, timeZone: knownZone(outcome.competition.timeZone) },
  };
  return { data, words: await readerWords(args.request), base: `results-${fileNamePart(round.slug)}` };
}
