// The partner import's template as CSV: header, the examples and notes as "#" rows, the accepted codes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { download } from "~/routing/import-files.server";
import { partnerTemplateOf } from "~/routing/partner-import-files.server";
import { partnerTemplateCsv } from "~/services/follow-on/partner-import-files.server";
import { toCsv } from "~/services/spreadsheet.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { codes, t, slug } = await partnerTemplateOf(request, context);
  return new Response(toCsv(partnerTemplateCsv(codes, t)), {
    headers: download(`partners-template-${slug}.csv`, "text/csv; charset=utf-8"),
  });
}
