// The organizer's filtered entry list as CSV (UTF-8 with BOM), headers in the reader's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment, CSV_TYPE, exportTable } from "~/routing/entry-export.server";
import { toCsvInSlices } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { table } = await exportTable(request, context);
  return new Response(await toCsvInSlices(table), { headers: attachment("entries", "csv", CSV_TYPE) });
}
