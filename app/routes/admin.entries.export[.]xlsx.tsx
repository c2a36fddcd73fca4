// The organizer's filtered entry list as an Excel workbook, headers in the reader's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachment, exportTable, XLSX_TYPE } from "~/routing/entry-export.server";
import { toXlsx } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { table, words } = await exportTable(request, context);
  const body = await toXlsx(table, words.t("exports.sheet.entries"));
  return new Response(new Uint8Array(body), { headers: attachment("entries", "xlsx", XLSX_TYPE) });
}
