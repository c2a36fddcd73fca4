import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment, exportTable } from "~/routing/entry-export.server";
import { toXlsx } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const table = await exportTable(request, context);
  const body = await toXlsx(table, "entries");
  return new Response(new Uint8Array(body), {
    headers: attachment("entries", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  });
}
