// What one import made (?batch=), as CSV: row, new code, titles, contact e-mail, claim link.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { batchOf, download } from "~/routing/import-files.server";
import { createdTable } from "~/services/entry-import-files.server";
import { toCsv } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { created, t, origin } = await batchOf(request, context);
  return new Response(toCsv(createdTable(created, origin, t)), {
    headers: download("imported-entries.csv", "text/csv; charset=utf-8"),
  });
}
