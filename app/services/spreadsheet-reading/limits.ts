// What an uploaded spreadsheet may hold, and the refusal that names the limit it broke.
// The import.* messages in app/i18n state these numbers: change both together.

export type SpreadsheetLimits = {
  /** Data rows, the header row not counted. */
  maxRows: number;
  /** The last filled column of any row. */
  maxColumns: number;
  /** Filled cells in the whole sheet, the header included. */
  maxCells: number;
  /** .xlsx: what all its zip entries unpack to together, as declared and as checked. */
  maxUnpackedBytes: number;
  maxZipEntries: number;
  /** Past this the worker is terminated. */
  timeoutMs: number;
  /** The worker's V8 heap: past it the worker dies, not the server. */
  maxHeapMb: number;
};

export const IMPORT_LIMITS: SpreadsheetLimits = {
  maxRows: 20_000,
  maxColumns: 64,
  maxCells: 400_000,
  maxUnpackedBytes: 150 * 1024 * 1024,
  maxZipEntries: 2_000,
  timeoutMs: 30_000,
  maxHeapMb: 512,
};

export const REFUSALS = [
  "import.unreadable",
  "import.tooManyRows",
  "import.tooManyColumns",
  "import.tooManyCells",
  "import.unpackedTooLarge",
  "import.tooSlow",
  "import.tooMuchMemory",
  // Said with the line they were found at (SpreadsheetRefused's params).
  "import.quoteNotClosed",
  "import.quoteInCell",
  "import.encodingGbk",
  "import.encodingOther",
  "import.utf16WithoutMark",
  // Said of the whole file.
  "import.oldExcel",
  "import.notXlsx",
  "import.notWorkbook",
] as const;
/** The refusals the first reader (readSpreadsheet) said; the later ones it says as import.unreadable. */
export const FIRST_REFUSALS: readonly SpreadsheetRefusalCode[] = REFUSALS.slice(0, 7);
/** Why a file is refused: an i18n key, carried by `SpreadsheetRefused` and turned into a `Refusal` at the service. */
export type SpreadsheetRefusalCode = (typeof REFUSALS)[number];

/** A file refused before (or while) it is read; `code` is the message key shown to the organizer. */
export class SpreadsheetRefused extends Error {
  constructor(
    readonly code: SpreadsheetRefusalCode,
    /** Where in the file: the line (from 1) it went wrong at. */
    readonly params: { line?: number } = {},
  ) {
    super(code);
    this.name = "SpreadsheetRefused";
  }
}
