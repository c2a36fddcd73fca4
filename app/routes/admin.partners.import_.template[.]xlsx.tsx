// The partner import's template as .xlsx: the partners sheet, the accepted codes, the notes.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { download, XLSX_TYPE } from "~/routing/import-files.server";
import { partnerTemplateOf } from "~/routing/partner-import-files.server";
import { partnerTemplateXlsx } from "~/services/follow-on/partner-import-files.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { codes, t, slug } = await partnerTemplateOf(request, context);
  const body = await partnerTemplateXlsx(codes, t);
  return new Response(new Uint8Array(body), { headers: download(`partners-template-${slug}.xlsx`, XLSX_TYPE) });
}
