// A round's results as an Excel workbook: Results (one row per entry), Judges' marks (one row per
// submitted mark) and About (the round, its rule, its time zone).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { aboutTable, markColumns, resultColumns } from "~/domain/results-export-columns";
import { attachment, XLSX_TYPE } from "~/routing/entry-export.server";
import { roundExport } from "~/routing/results-export.server";
import { tableInSlices, toWorkbook } from "~/services/spreadsheet.server";

export async function loader(args: LoaderFunctionArgs) {
  const { data, words, base } = await roundExport(args);
  const body = await toWorkbook([
    { name: words.t("exports.sheet.results"), table: await tableInSlices(resultColumns(words, data), data.entries) },
    { name: words.t("exports.sheet.marks"), table: await tableInSlices(markColumns(words, data), data.marks) },
    { name: words.t("exports.sheet.about"), table: aboutTable(words, data, new Date()) },
  ]);
  return new Response(new Uint8Array(body), { headers: attachment(base, "xlsx", XLSX_TYPE) });
}
