import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment, exportTable } from "~/routing/entry-export.server";
import { toCsv } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const table = await exportTable(request, context);
  return new Response(toCsv(table), { headers: attachment("entries", "csv", "text/csv; charset=utf-8") });
}
