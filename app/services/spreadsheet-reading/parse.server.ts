// Turns the bytes of a CSV or .xlsx file into records keyed by the header row, refusing a file as
// soon as it goes past a limit. Runs in the spreadsheet worker (see read.server.ts), not the server.
import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { SpreadsheetRefused, type SpreadsheetLimits } from "./limits";
import { checkZip } from "./zip-check.server";

export type SpreadsheetRecords = Record<string, string>[];
type AddRow = (values: string[], isHeader: boolean) => void;

/** Collects rows into records, counting them against the limits as they come. */
function collector(limits: SpreadsheetLimits) {
  let header: string[] = [];
  let cells = 0;
  const records: SpreadsheetRecords = [];
  const add: AddRow = (values, isHeader) => {
    let width = values.length;
    while (width > 0 && values[width - 1] === "") width--;
    if (width > limits.maxColumns) throw new SpreadsheetRefused("import.tooManyColumns");
    for (let i = 0; i < width; i++) if (values[i] !== "") cells++;
    if (cells > limits.maxCells) throw new SpreadsheetRefused("import.tooManyCells");
    if (isHeader) {
      header = values.slice(0, width).map((h) => h.trim().toLowerCase());
      return;
    }
    if (records.length === limits.maxRows) throw new SpreadsheetRefused("import.tooManyRows");
    records.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""])));
  };
  return { records, add };
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlinks
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return String(value.result ?? "");
    if (value instanceof Date) return value.toISOString();
  }
  return String(value);
}

/** The first sheet, streamed: rows are counted as they are read, never the whole workbook at once. */
async function readXlsx(bytes: Buffer, limits: SpreadsheetLimits, add: AddRow) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: "cache",
    styles: "cache", // to tell dates from numbers
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (!row.hasValues) continue;
      // Sparse, indexed from 1: check its length before making a string of every gap.
      const values = row.values as ExcelJS.CellValue[];
      if (values.length - 1 > limits.maxColumns) throw new SpreadsheetRefused("import.tooManyColumns");
      add(
        Array.from({ length: values.length - 1 }, (_, i) => cellText(values[i + 1])),
        row.number === 1,
      );
    }
    return;
  }
}

function readCsv(bytes: Buffer, limits: SpreadsheetLimits, add: AddRow) {
  // The header, the most rows allowed, and one more to know the file has more.
  const rows = parse(bytes, {
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    to: limits.maxRows + 2,
  }) as string[][];
  rows.forEach((row, i) => add(row, i === 0));
}

/** The first sheet (Excel) or the whole file (CSV) as records keyed by the lower-cased header row. */
export async function parseSpreadsheet(
  name: string,
  bytes: Uint8Array,
  limits: SpreadsheetLimits,
): Promise<SpreadsheetRecords> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { records, add } = collector(limits);
  if (/\.xlsx$/i.test(name)) {
    await checkZip(buffer, limits);
    await readXlsx(buffer, limits, add);
  } else {
    readCsv(buffer, limits, add);
  }
  return records;
}
