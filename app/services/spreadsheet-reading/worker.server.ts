// The spreadsheet worker thread: parses the file it was handed and posts the records back.
import { parentPort, workerData } from "node:worker_threads";
import { SpreadsheetRefused, type SpreadsheetRefusalCode, type SpreadsheetLimits } from "./limits";
import type { SheetRow } from "./csv.server";
import { parseSheet } from "./parse.server";

export type WorkerInput = { name: string; bytes: Uint8Array; limits: SpreadsheetLimits };
export type WorkerData = WorkerInput & { tmpDir: string };
export type WorkerOutput =
  | { header: string[] }
  | { rows: SheetRow[] }
  | { done: true }
  | { refused: SpreadsheetRefusalCode; params: { line?: number } };

// Rows go in batches: the main thread copies each message in one go, and 20,000 rows at once
// would hold it for a few hundred milliseconds.
const BATCH = 1_000;

const { name, bytes, limits, tmpDir } = workerData as WorkerData;
// Where exceljs (through tmp and os.tmpdir()) writes; set here, after tsx has found its cache.
if (tmpDir) process.env.TMPDIR = tmpDir;
const post = (output: WorkerOutput) => parentPort!.postMessage(output);
parseSheet(name, bytes, limits).then(
  ({ header, rows }) => {
    post({ header });
    for (let i = 0; i < rows.length; i += BATCH) post({ rows: rows.slice(i, i + BATCH) });
    post({ done: true });
  },
  // Anything exceljs or csv-parse throws means the file is not one they can read.
  (error: unknown) =>
    post(
      error instanceof SpreadsheetRefused
        ? { refused: error.code, params: error.params }
        : { refused: "import.unreadable", params: {} },
    ),
);
