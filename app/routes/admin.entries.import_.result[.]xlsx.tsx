// What one import made (?batch=), as .xlsx: row, new code, titles, contact e-mail, claim link.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { batchOf, download, XLSX_TYPE } from "~/routing/import-files.server";
import { createdTable } from "~/services/entry-import-files.server";
import { toXlsx } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { created, t, origin } = await batchOf(request, context);
  const table = createdTable(created, origin, t);
  const body = await toXlsx(table, table.sheetName);
  return new Response(new Uint8Array(body), { headers: download("imported-entries.xlsx", XLSX_TYPE) });
}
