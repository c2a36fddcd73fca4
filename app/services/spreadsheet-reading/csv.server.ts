// CSV as people's programs write it: UTF-8 with or without a byte-order mark, UTF-16 from Excel's
// "Unicode text", commas, semicolons (Excel in German or French) or tabs. What cannot be read is
// refused with the line it went wrong at and what was wrong there.
import { parse } from "csv-parse/sync";
import { SpreadsheetRefused, type SpreadsheetLimits } from "./limits";

/** One row as the file has it, numbered as a spreadsheet program shows it (the header is row 1). */
export type SheetRow = { line: number; cells: string[] };

const DELIMITERS = [",", ";", "\t"] as const;

/** The line (from 1) at character `index` of `text`. */
const lineAt = (text: string, index: number) => text.slice(0, index).split("\n").length;

/** Where UTF-8 decoding first fails: the offset of the first byte that does not belong. */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF: the decoder refuses them too.
    if (!isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return -1;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Text in GBK (or GB18030), as Chinese Windows saves a CSV: its non-ASCII bytes come in pairs (or
 * fours), where a Western encoding's stand alone ("Müller"), and it reads as Chinese.
 */
function looksLikeGbk(bytes: Buffer): boolean {
  let runs = 0;
  let evenRuns = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < bytes.length && bytes[end]! >= 0x80) end++;
    runs++;
    if ((end - i) % 2 === 0) evenRuns++;
    i = end;
  }
  if (runs === 0 || evenRuns < runs * 0.8) return false;
  try {
    return /\p{Script=Han}/u.test(new TextDecoder("gb18030", { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
}

/**
 * The file's text. UTF-16 with its byte-order mark (what Excel writes as "Unicode text") is read
 * as such: the mark says exactly what it is. A file that is not UTF-8 is refused at its first line
 * that is not, naming the encoding it seems to be in (GBK from Chinese Windows, else another one):
 * guessing would turn "Müller" into Chinese characters without a word.
 */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return new TextDecoder("utf-16le").decode(swapped);
  }
  const sample = bytes.subarray(0, 4096);
  const zeros = sample.filter((b) => b === 0).length;
  if (zeros > sample.length / 4) throw new SpreadsheetRefused("import.utf16WithoutMark", { line: 1 });
  if (isUtf8(bytes)) return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const bad = firstInvalidUtf8(bytes);
  const line = lineAt(bytes.subarray(0, Math.max(bad, 0)).toString("latin1"), Math.max(bad, 0));
  throw new SpreadsheetRefused(looksLikeGbk(bytes) ? "import.encodingGbk" : "import.encodingOther", { line });
}

/** The separator of the header line: whichever of comma, semicolon and tab it holds most of, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

type CsvError = Error & { code?: string; lines?: number };

/**
 * The rows of a CSV file, each with its row number (empty lines count, as a spreadsheet shows
 * them). A quote inside an unquoted cell (`5" screen`) is taken as it is; a quoted cell that
 * never closes is refused at the line it opened, one closed in the middle of a cell at its line.
 */
export function readCsvRows(bytes: Buffer, limits: SpreadsheetLimits): SheetRow[] {
  const text = decodeCsv(bytes);
  const rows: SheetRow[] = [];
  let lastLine = 0;
  try {
    const records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // The header, the most rows allowed, and one more to know the file has more (empty lines too).
      to: limits.maxRows + 2,
      on_record: (record, context) => {
        lastLine = context.lines;
        return record;
      },
    }) as string[][];
    records.forEach((cells, i) => rows.push({ line: i + 1, cells }));
  } catch (error) {
    const { code, lines } = error as CsvError;
    if (code === "CSV_QUOTE_NOT_CLOSED") throw new SpreadsheetRefused("import.quoteNotClosed", { line: lastLine + 1 });
    if (code === "CSV_INVALID_CLOSING_QUOTE" || code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE")
      throw new SpreadsheetRefused("import.quoteInCell", { line: lines ?? lastLine + 1 });
    throw new SpreadsheetRefused("import.unreadable", { line: lines ?? lastLine + 1 });
  }
  return rows;
}
