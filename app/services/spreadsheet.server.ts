// Spreadsheets in and out: CSV through csv-parse/csv-stringify, Excel through exceljs.
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

const safeRows = (table: Table) => table.rows.map((row) => row.map(neutralizeFormula));

/** CSV with a UTF-8 byte-order mark: Excel otherwise misreads Chinese and Arabic text. */
export function toCsv(table: Table): string {
  return "\uFEFF" + stringify([table.headers, ...safeRows(table)]);
}

export async function toXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of safeRows(table)) sheet.addRow(row);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
