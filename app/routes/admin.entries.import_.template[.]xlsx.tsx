// The import template as .xlsx: the entries sheet, a sheet of the edition's codes, and the notes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, templateOf, XLSX_TYPE } from "~/routing/import-files.server";
import { templateXlsx } from "~/services/entry-import-files.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { data, t, slug } = await templateOf(request, context);
  const body = await templateXlsx(data, t);
  return new Response(new Uint8Array(body), { headers: download(`entries-template-${slug}.xlsx`, XLSX_TYPE) });
}
