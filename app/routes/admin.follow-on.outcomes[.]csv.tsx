// The follow-on outcomes as CSV: one row per accepted meeting with both sides' records and what it
// counts for; with ?rows=summary the totals (all, by track, group and country) instead.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { outcomeMeetingColumns, outcomeSummaryColumns, outcomeSummaryRows } from "~/domain/outcome-columns";
import { attachment, CSV_TYPE } from "~/routing/entry-export.server";
import { outcomeExport } from "~/routing/outcome-export.server";
import { tableInSlices, toCsvInSlices } from "~/services/spreadsheet.server";

const rowsQuery = z.object({ rows: z.enum(["meetings", "summary"]).catch("meetings") });

export async function loader(args: LoaderFunctionArgs) {
  const { rows } = rowsQuery.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const { board, words, timeZone, base } = await outcomeExport(args);
  const names = { tracks: board.tracks, groups: board.groups };
  const table =
    rows === "summary"
      ? await tableInSlices(outcomeSummaryColumns(words), outcomeSummaryRows(words, board.dashboard, names))
      : await tableInSlices(outcomeMeetingColumns(words, timeZone, names), board.meetings);
  return new Response(await toCsvInSlices(table), {
    headers: attachment(rows === "summary" ? `${base}-summary` : base, "csv", CSV_TYPE),
  });
}
