// Checks an .xlsx (a zip) before exceljs unpacks it: how much it says it unpacks to, that it
// unpacks to no more than it says, and that exceljs will read those entries and no others.
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { SpreadsheetRefused, type SpreadsheetLimits } from "./limits";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = Buffer.from("PK\x07\x08", "latin1");
const HAS_DATA_DESCRIPTOR = 0x08;

const unreadable = () => new SpreadsheetRefused("import.unreadable");

/** The compressed size a local header gives, where zip64 keeps it in an extra field. */
function localCompressedSize(size: number, extraField: Buffer): number {
  if (size !== 0xffffffff) return size;
  const zip64 = yauzl.parseExtraFields(extraField).find((f) => f.id === 0x0001);
  if (!zip64 || zip64.data.length < 16) throw unreadable();
  return Number(zip64.data.readBigUInt64LE(8));
}

/**
 * exceljs's streaming reader (unzipper) reads a zip front to back by its local headers, not by
 * the central directory that yauzl checked: a file could hide entries between them, or let a
 * "size unknown" entry run on past where the directory ends it. So the local entries must tile
 * the file up to the central directory exactly as unzipper 0.10 walks them.
 */
async function checkLayout(zip: ZipFile, bytes: Buffer, entries: Entry[]) {
  let cursor = 0;
  for (const entry of [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader)) {
    if (entry.relativeOffsetOfLocalHeader !== cursor || bytes.readUInt32LE(cursor) !== LOCAL_HEADER) throw unreadable();
    const local = await zip.readLocalFileHeaderPromise(entry);
    const compressed = localCompressedSize(local.compressedSize, local.extraField);
    const dataEnd = local.fileDataStart + entry.compressedSize;
    const sizeKnown = !(local.generalPurposeBitFlag & HAS_DATA_DESCRIPTOR) || compressed > 0;
    if (sizeKnown) {
      if (compressed !== entry.compressedSize) throw unreadable();
      cursor = dataEnd;
    } else {
      // unzipper reads such an entry up to the first data descriptor signature, then 16 bytes.
      if (bytes.indexOf(DATA_DESCRIPTOR, local.fileDataStart) !== dataEnd) throw unreadable();
      cursor = dataEnd + 16;
    }
  }
  if (bytes.readUInt32LE(cursor) !== CENTRAL_HEADER) throw unreadable();
}

/** Unpacks every entry and throws the bytes away: yauzl fails one that unpacks to more than it declares. */
async function checkUnpackedSizes(zip: ZipFile, entries: Entry[]) {
  for (const entry of entries) {
    for await (const _chunk of await zip.openReadStreamPromise(entry)) {
      // counted by yauzl (validateEntrySizes)
    }
  }
}

/** Refuses a zip bomb (import.unpackedTooLarge) or a malformed or deceptive zip (import.unreadable). */
export async function checkZip(bytes: Buffer, limits: SpreadsheetLimits): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw unreadable();
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) throw new SpreadsheetRefused("import.unpackedTooLarge");
    const entries: Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize;
      if (declared > limits.maxUnpackedBytes) throw new SpreadsheetRefused("import.unpackedTooLarge");
      entries.push(entry);
    }
    await checkLayout(zip, bytes, entries);
    await checkUnpackedSizes(zip, entries);
  } catch (error) {
    throw error instanceof SpreadsheetRefused ? error : unreadable();
  } finally {
    zip.close();
  }
}
