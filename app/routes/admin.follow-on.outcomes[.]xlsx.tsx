// The follow-on outcomes as an Excel workbook: the totals (all, by track, group and country) and the
// accepted meetings behind them, with both sides' records.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { outcomeMeetingColumns, outcomeSummaryColumns, outcomeSummaryRows } from "~/domain/outcome-columns";
import { attachment, XLSX_TYPE } from "~/routing/entry-export.server";
import { outcomeExport } from "~/routing/outcome-export.server";
import { tableInSlices, toWorkbook } from "~/services/spreadsheet.server";

export async function loader(args: LoaderFunctionArgs) {
  const { board, words, timeZone, base } = await outcomeExport(args);
  const names = { tracks: board.tracks, groups: board.groups };
  const body = await toWorkbook([
    {
      name: words.t("outcome.sheet.summary"),
      table: await tableInSlices(outcomeSummaryColumns(words), outcomeSummaryRows(words, board.dashboard, names)),
    },
    {
      name: words.t("outcome.sheet.meetings"),
      table: await tableInSlices(outcomeMeetingColumns(words, timeZone, names), board.meetings),
    },
  ]);
  return new Response(new Uint8Array(body), { headers: attachment(base, "xlsx", XLSX_TYPE) });
}
