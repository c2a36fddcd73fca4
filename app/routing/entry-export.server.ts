// The organizer's entry list as a spreadsheet table, and the download headers every export answers with.
import type { AppLoadContext } from "@remix-run/node";
import { adminListQuery } from "../services/entry-admin.server";
import type { Table } from "../services/spreadsheet.server";
import { organizerEdition } from "./edition.server";

export const EXPORT_HEADERS = [
  "code",
  "group",
  "track",
  "title_zh",
  "title_en",
  "organization",
  "country",
  "status",
  "contact_email",
  "submitted_at",
];

/** The organizer's current filtered list (the same query string as the table) as a table. */
export async function exportTable(request: Request, context: AppLoadContext): Promise<Table> {
  const { competition } = await organizerEdition(request, context);
  const query = adminListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await context.services.entryAdmin.all(competition.id, query);
  return {
    headers: EXPORT_HEADERS,
    rows: rows.map((r) => [
      r.code,
      r.groupCode,
      r.trackCode,
      r.titleZh,
      r.titleEn,
      r.organization,
      r.country,
      r.status,
      r.contactEmail,
      r.submittedAt,
    ]),
  };
}

export function attachment(base: string, extension: string, type: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${base}-${stamp}.${extension}"`,
    "Cache-Control": "no-store",
  };
}
