// The spreadsheet worker thread: parses the file it was handed and posts the records back.
import { parentPort, workerData } from "node:worker_threads";
import { SpreadsheetRefused, type SpreadsheetRefusalCode, type SpreadsheetLimits } from "./limits";
import { parseSpreadsheet, type SpreadsheetRecords } from "./parse.server";

export type WorkerInput = { name: string; bytes: Uint8Array; limits: SpreadsheetLimits };
export type WorkerData = WorkerInput & { tmpDir: string };
export type WorkerOutput = { records: SpreadsheetRecords } | { done: true } | { refused: SpreadsheetRefusalCode };

// Records go in batches: the main thread copies each message in one go, and 20,000 rows at once
// would hold it for a few hundred milliseconds.
const BATCH = 1_000;

const { name, bytes, limits, tmpDir } = workerData as WorkerData;
// Where exceljs (through tmp and os.tmpdir()) writes; set here, after tsx has found its cache.
if (tmpDir) process.env.TMPDIR = tmpDir;
const post = (output: WorkerOutput) => parentPort!.postMessage(output);
parseSpreadsheet(name, bytes, limits).then(
  (records) => {
    for (let i = 0; i < records.length; i += BATCH) post({ records: records.slice(i, i + BATCH) });
    post({ done: true });
  },
  // Anything exceljs or csv-parse throws means the file is not one they can read.
  (error: unknown) => post({ refused: error instanceof SpreadsheetRefused ? error.code : "import.unreadable" }),
);
