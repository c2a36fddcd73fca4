// Spreadsheets out: CSV through csv-stringify, Excel through exceljs (uploads are read in spreadsheet-reading/).
import { stringify } from "csv-stringify/sync";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { csvText, numberFormat, TIME_FORMAT, type CellValue, type Column, type Table } from "../domain/export-columns";

export type { CellValue, Table } from "../domain/export-columns";

/** One sheet of a workbook: its tab name (Excel allows 31 characters) and its table. */
export type Sheet = { name: string; table: Table };

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return that
 * some programs skip) is prefixed with an apostrophe, so it opens as text (OWASP CSV injection).
 * Numbers and dates are ours, never typed text, and stay what they are.
 */
export function neutralizeFormula<V extends CellValue>(value: V): V | string {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

// Headers too: the results export names its columns after the rubric's criteria, typed by organizers.
const safeHeaders = (table: Table) => table.headers.map((h) => String(neutralizeFormula(h)));
const safeRows = (table: Table) => table.rows.map((row) => row.map(neutralizeFormula));

/**
 * CSV with a UTF-8 byte-order mark: Excel otherwise misreads Chinese and Arabic text.
 *
 * Every cell is quoted, not only those holding a comma: Excel in German or French splits on `;`,
 * so an unquoted `x;=HYPERLINK(…)` would become a cell of its own that starts with `=`. A quoted
 * field is never split, on any delimiter or line break, so no cell can start anywhere but at
 * its own first character; that character is the one `neutralizeFormula` guards (Excel still
 * runs a quoted `"=1+1"`, so both are needed, and a `=` after a `;` inside a cell needs neither).
 *
 * Numbers are written plainly with the column's digits ("9.50"), times as "2026-03-01 14:05".
 */
export function toCsv(table: Table): string {
  const rows = safeRows(table).map((row) => row.map((cell, i) => csvText(cell, table.formats?.[i])));
  return "\uFEFF" + stringify([safeHeaders(table), ...rows], { quoted: true, quoted_empty: true });
}

// Rows between two pauses: a large export is built in slices, so the server keeps answering
// everyone else (the live final's judges and screens) while an organizer downloads it.
const SLICE = 500;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Rows through their columns, as `tableOf` does, pausing between slices of rows. */
export async function tableInSlices<R>(columns: readonly Column<R>[], rows: readonly R[]): Promise<Table> {
  const cells: CellValue[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    cells.push(columns.map((c) => c.value(row)));
    if (i % SLICE === SLICE - 1) await pause();
  }
  return {
    headers: columns.map((c) => c.header),
    rows: cells,
    formats: columns.map((c) => numberFormat(c.kind ?? "text", c.decimals)),
  };
}

/** `toCsv`, written a slice of rows at a time (for the exports of thousands of rows). */
export async function toCsvInSlices(table: Table): Promise<string> {
  const parts = ["\uFEFF", stringify([safeHeaders(table)], { quoted: true, quoted_empty: true })];
  const rows = safeRows(table);
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = rows.slice(i, i + SLICE).map((row) => row.map((cell, j) => csvText(cell, table.formats?.[j])));
    parts.push(stringify(slice, { quoted: true, quoted_empty: true }));
    await pause();
  }
  return parts.join("");
}

// Wide enough for the header and the longest of the first rows, within reason.
function columnWidth(table: Table, column: number): number {
  let longest = table.headers[column]?.length ?? 8;
  for (const row of table.rows.slice(0, 200)) {
    const cell = row[column];
    const text = cell instanceof Date ? "2026-03-01 14:05" : String(cell ?? "");
    // CJK characters take about two columns.
    longest = Math.max(longest, text.length + (text.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0));
  }
  return Math.min(60, Math.max(8, longest + 2));
}

async function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet) {
  const { table } = sheet;
  const out = workbook.addWorksheet(sheet.name.slice(0, 31).replace(/[\\/?*[\]:]/g, " "), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  // A column's number format is its style: every cell added below takes it (numbers, dates).
  out.columns = table.headers.map((_, i) => {
    const format = table.formats?.[i];
    return { width: columnWidth(table, i), ...(format ? { style: { numFmt: format } } : {}) };
  });
  if (table.headers.length > 0)
    out.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  const header = out.addRow(safeHeaders(table));
  header.font = { bold: true };
  header.commit();
  const rows = safeRows(table);
  for (let i = 0; i < rows.length; i++) {
    const added = out.addRow(rows[i]!);
    // A time in a column that names no format still reads as a time, not as a day count.
    rows[i]!.forEach((cell, j) => {
      if (cell instanceof Date && !table.formats?.[j]) added.getCell(j + 1).numFmt = TIME_FORMAT;
    });
    added.commit();
    if (i % SLICE === SLICE - 1) await pause();
  }
  out.commit();
}

/** A workbook of several sheets, in order: numbers as number cells, times as date cells. */
export async function toWorkbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) await addSheet(workbook, sheet);
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A workbook of one sheet. */
export function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  return toWorkbook([{ name: sheetName, table }]);
}
