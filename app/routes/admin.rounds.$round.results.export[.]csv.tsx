// A round's results as CSV: one row per entry, or with ?rows=marks one row per judge's submitted mark.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { markColumns, resultColumns } from "~/domain/results-export-columns";
import { attachment, CSV_TYPE } from "~/routing/entry-export.server";
import { roundExport } from "~/routing/results-export.server";
import { tableInSlices, toCsvInSlices } from "~/services/spreadsheet.server";

// Anything but "marks" gives the per-entry table, the one most readers want.
const rowsQuery = z.object({ rows: z.enum(["entries", "marks"]).catch("entries") });

export async function loader(args: LoaderFunctionArgs) {
  const { rows } = rowsQuery.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const { data, words, base } = await roundExport(args);
  const table =
    rows === "marks"
      ? await tableInSlices(markColumns(words, data), data.marks)
      : await tableInSlices(resultColumns(words, data), data.entries);
  return new Response(await toCsvInSlices(table), {
    headers: attachment(rows === "marks" ? `${base}-marks` : base, "csv", CSV_TYPE),
  });
}
