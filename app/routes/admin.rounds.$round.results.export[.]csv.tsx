import type { LoaderFunctionArgs } from "@remix-run/node";
import { organizerRound } from "~/routing/guards.server";
import { attachment } from "~/routing/entry-export.server";
import { toCsv } from "~/services/spreadsheet.server";

export async function loader(args: LoaderFunctionArgs) {
  const { round } = await organizerRound(args);
  await args.context.services.resultsAdmin.refresh(round.id);
  const table = await args.context.services.resultsAdmin.exportRows(round.id);
  return new Response(toCsv(table), { headers: attachment(`results-${round.slug}`, "csv", "text/csv; charset=utf-8") });
}
