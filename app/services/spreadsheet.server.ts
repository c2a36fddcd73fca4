// Spreadsheets out: CSV through csv-stringify, Excel through exceljs (uploads are read in spreadsheet-reading/).
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

export type Table = { headers: string[]; rows: (string | number | null)[][] };

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return that
 * some programs skip) is prefixed with an apostrophe, so it opens as text (OWASP CSV injection).
 */
export function neutralizeFormula(value: string | number | null): string | number | null {
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
 */
export function toCsv(table: Table): string {
  return "\uFEFF" + stringify([safeHeaders(table), ...safeRows(table)], { quoted: true, quoted_empty: true });
}

export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(safeHeaders(table)).font = { bold: true };
  for (const row of safeRows(table)) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
