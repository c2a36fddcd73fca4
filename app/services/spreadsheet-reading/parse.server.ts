// Turns the bytes of a CSV or .xlsx file into its header and rows, refusing a file as soon as it
// goes past a limit. Runs in the spreadsheet worker (see read.server.ts), not the server.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { readCsvRows, type SheetRow } from "./csv.server";
import { SpreadsheetRefused, type SpreadsheetLimits } from "./limits";
import { checkZip } from "./zip-check.server";

export type SpreadsheetRecords = Record<string, string>[];
/** The header row's cells as typed (trimmed), and every other non-empty row with its row number. */
export type Sheet = { header: string[]; rows: SheetRow[] };
type AddRow = (row: SheetRow) => void;

/** Collects rows, counting them against the limits as they come; the first non-empty one is the header. */
function collector(limits: SpreadsheetLimits) {
  const sheet: Sheet = { header: [], rows: [] };
  let cells = 0;
  let headerSeen = false;
  const add: AddRow = ({ line, cells: values }) => {
    let width = values.length;
    while (width > 0 && values[width - 1]!.trim() === "") width--;
    if (width === 0) return; // an empty row: skipped, its number kept by the others
    if (width > limits.maxColumns) throw new SpreadsheetRefused("import.tooManyColumns");
    for (let i = 0; i < width; i++) if (values[i] !== "") cells++;
    if (cells > limits.maxCells) throw new SpreadsheetRefused("import.tooManyCells");
    if (!headerSeen) {
      headerSeen = true;
      sheet.header = values.slice(0, width).map((h) => h.trim());
      return;
    }
    if (sheet.rows.length === limits.maxRows) throw new SpreadsheetRefused("import.tooManyRows");
    sheet.rows.push({ line, cells: values.slice(0, width) });
  };
  return { sheet, add };
}

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlinks
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return String(value.error); // #N/A and the like, shown as Excel shows them
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
      add({ line: row.number, cells: Array.from({ length: values.length - 1 }, (_, i) => cellText(values[i + 1])) });
    }
    return;
  }
  throw new SpreadsheetRefused("import.notWorkbook"); // a zip with no worksheet in it (a .docx, say)
}

const ZIP = Buffer.from("PK\x03\x04", "latin1");
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * What the file is, by its first bytes rather than its name alone: a zip is read as .xlsx, an
 * old compound document (.xls, or an .xlsx with a password) is refused as such, and a file named
 * as Excel that is neither is refused as not being one. Anything else is read as CSV.
 */
function kindOf(name: string, bytes: Buffer): "xlsx" | "csv" {
  if (bytes.subarray(0, 4).equals(ZIP)) return "xlsx";
  if (bytes.subarray(0, 8).equals(OLE)) throw new SpreadsheetRefused("import.oldExcel");
  if (/\.(xlsx|xlsm|xls)$/i.test(name)) throw new SpreadsheetRefused("import.notXlsx");
  return "csv";
}

/** The first sheet (Excel) or the whole file (CSV): its header and its rows with their numbers. */
export async function parseSheet(name: string, bytes: Uint8Array, limits: SpreadsheetLimits): Promise<Sheet> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { sheet, add } = collector(limits);
  if (kindOf(name, buffer) === "xlsx") {
    await checkZip(buffer, limits);
    await readXlsx(buffer, limits, add);
  } else {
    for (const row of readCsvRows(buffer, limits)) add(row);
  }
  return sheet;
}

/** A sheet as records keyed by the lower-cased header (what the judge import reads). */
export function recordsOf(sheet: Sheet): SpreadsheetRecords {
  const keys = sheet.header.map((h) => h.toLowerCase());
  return sheet.rows.map((row) => Object.fromEntries(keys.map((h, i) => [h, row.cells[i] ?? ""])));
}

/** The first sheet (Excel) or the whole file (CSV) as records keyed by the lower-cased header row. */
export async function parseSpreadsheet(
  name: string,
  bytes: Uint8Array,
  limits: SpreadsheetLimits,
): Promise<SpreadsheetRecords> {
  return recordsOf(await parseSheet(name, bytes, limits));
}
