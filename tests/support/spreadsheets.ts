// Spreadsheets for tests: real .xlsx files written by exceljs, zips made byte by byte (to lie
// about their sizes or hide entries), and CSV read the way Excel reads it.
import { once } from "node:events";
import { PassThrough } from "node:stream";
import zlib from "node:zlib";
import ExcelJS from "exceljs";

export const ENTRY_HEADER = [
  "group",
  "track",
  "title_zh",
  "title_en",
  "summary_zh",
  "summary_en",
  "organization",
  "country",
  "contact_name",
  "contact_email",
  "team",
];

/**
 * An .xlsx of `rows` good entries, each with an English summary of `words` random words and a
 * Chinese one of `zhChars` random characters (random, so that the file does not compress away).
 * `alike`: every row the same entry, so that the file is small for its rows (for limits, not imports).
 */
export async function entriesWorkbook(
  rows: number,
  { words = 0, zhChars = 0, alike = false } = {},
): Promise<Buffer<ArrayBuffer>> {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const summaryEn = () => Array.from({ length: words }, () => Math.floor(random() * 36 ** 6).toString(36)).join(" ");
  const summaryZh = () =>
    String.fromCharCode(...Array.from({ length: zhChars }, () => 0x4e00 + Math.floor(random() * 5000)));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet("entries");
  sheet.addRow(ENTRY_HEADER).commit();
  for (let n = 1; n <= rows; n++) {
    const i = alike ? 1 : n;
    const row = [
      "AS",
      "EAI",
      "",
      `Drone swarm ${i}`,
      summaryZh(),
      summaryEn(),
      `Swarm Partner ${i} Pte Ltd`,
      "SG",
      `Contact ${i}`,
      `swarm${i}@partner.example.sg`,
      "",
    ];
    sheet.addRow(row).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

export type ZipPart = {
  name: string;
  /** Deflated from these bytes... */
  data?: Buffer;
  /** ...or already deflated (see deflateRepeated). */
  deflated?: { bytes: Buffer; size: number; crc: number };
  /** What the zip says the part unpacks to, when it should lie. */
  declaredSize?: number;
  /** false: written in the file, left out of the central directory. */
  listed?: boolean;
};

/** A zip written field by field, as the format describes it (no zip64, no data descriptors). */
export function zipOf(parts: ZipPart[]): Buffer<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = part.data ?? Buffer.alloc(0);
    const compressed = part.deflated?.bytes ?? zlib.deflateRawSync(data);
    const size = part.declaredSize ?? part.deflated?.size ?? data.length;
    const crc = part.deflated?.crc ?? zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    if (part.listed !== false) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(compressed.length, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
    }
    locals.push(local, name, compressed);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** head + `times` × chunk + tail, deflated as it goes, so a huge part never sits in memory. */
export async function deflateRepeated(
  head: string,
  chunk: Buffer,
  times: number,
  tail: string,
): Promise<NonNullable<ZipPart["deflated"]>> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const ended = once(deflate, "end");
  let crc = zlib.crc32(head);
  deflate.write(head);
  for (let i = 0; i < times; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, "drain");
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await ended;
  return {
    bytes: Buffer.concat(out),
    size: Buffer.byteLength(head) + chunk.length * times + Buffer.byteLength(tail),
    crc,
  };
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="entries" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>group</t></is></c></row>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A zip bomb shaped as an .xlsx: a few kilobytes whose one sheet unpacks to `megabytes` of blank space. */
export async function xlsxBomb(megabytes: number): Promise<Buffer<ArrayBuffer>> {
  const sheet = await deflateRepeated(SHEET_HEAD, Buffer.alloc(1024 * 1024, " "), megabytes, SHEET_TAIL);
  return zipOf([
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(RELS) },
    { name: "xl/worksheets/sheet1.xml", deflated: sheet },
  ]);
}

/**
 * Cells as Excel splits a CSV where the list separator is `delimiter` (`;` in German or French):
 * a `"` turns quoting on and off anywhere in a cell (`""` inside quotes is one `"`), and only a
 * delimiter or line break outside quotes ends a cell.
 */
export function excelCells(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (!quoted && ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
