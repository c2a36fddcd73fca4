import type { LoaderFunctionArgs } from "@remix-run/node";
import { organizerRound } from "~/routing/guards.server";
import { attachment } from "~/routing/entry-export.server";
import { toXlsx } from "~/services/spreadsheet.server";

export async function loader(args: LoaderFunctionArgs) {
  const { round } = await organizerRound(args);
  await args.context.services.resultsAdmin.refresh(round.id);
  const table = await args.context.services.resultsAdmin.exportRows(round.id);
  const body = await toXlsx(table, `results ${round.slug}`);
  return new Response(new Uint8Array(body), {
    headers: attachment(
      `results-${round.slug}`,
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
  });
}
