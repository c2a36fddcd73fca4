// A round's results as CSV: one row per entry, or with ?rows=marks one row per judge's submitted mark.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { marksTable, resultsTable } from "~/domain/results-export-columns";
import { attachment, CSV_TYPE } from "~/routing/entry-export.server";
import { roundExport } from "~/routing/results-export.server";
import { toCsv } from "~/services/spreadsheet.server";

// Anything but "marks" gives the per-entry table, the one most readers want.
const rowsQuery = z.object({ rows: z.enum(["entries", "marks"]).catch("entries") });

export async function loader(args: LoaderFunctionArgs) {
  const { rows } = rowsQuery.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const { data, words, base } = await roundExport(args);
  const table = rows === "marks" ? marksTable(words, data) : resultsTable(words, data);
  return new Response(toCsv(table), {
    headers: attachment(rows === "marks" ? `${base}-marks` : base, "csv", CSV_TYPE),
  });
}
