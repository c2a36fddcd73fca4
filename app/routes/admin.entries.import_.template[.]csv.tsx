// The import template as CSV: header, example row, notes and the edition's codes as "#" rows.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, templateOf } from "~/routing/import-files.server";
import { templateCsv } from "~/services/entry-import-files.server";
import { toCsv } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { data, t, slug } = await templateOf(request, context);
  return new Response(toCsv(templateCsv(data, t)), {
    headers: download(`entries-template-${slug}.csv`, "text/csv; charset=utf-8"),
  });
}
