// Reads an uploaded spreadsheet in a worker thread, so that parsing a large file never stalls the
// server (the live final shares its event loop), within limits of size, time and memory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  FIRST_REFUSALS,
  IMPORT_LIMITS,
  SpreadsheetRefused,
  type SpreadsheetRefusalCode,
  type SpreadsheetLimits,
} from "./limits";
import { recordsOf, type Sheet, type SpreadsheetRecords } from "./parse.server";
import type { WorkerData, WorkerInput, WorkerOutput } from "./worker.server";

const WORKER_PATH = "app/services/spreadsheet-reading/worker.mjs";
let workerFile: string | undefined;

/**
 * The worker's entry file. This module runs from app/ (through tsx) and also bundled into
 * build/server/index.js (Remix routes import it), and the bundle carries no worker file: so the
 * file is looked up in app/ from whichever of the two this is, by going up to the project root.
 */
function locateWorker(): string {
  if (workerFile) return workerFile;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, WORKER_PATH);
    if (fs.existsSync(candidate)) return (workerFile = candidate);
  }
  throw new Error(`spreadsheet worker not found: ${WORKER_PATH} above ${fileURLToPath(import.meta.url)}`);
}

function runWorker(input: WorkerInput): Promise<Sheet> {
  // exceljs spills worksheets to temporary files: each run gets its own folder, removed after.
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-import-"));
  const worker = new Worker(locateWorker(), {
    workerData: { ...input, tmpDir } satisfies WorkerData,
    execArgv: [], // not the main thread's --import tsx: worker.mjs loads its own, lighter one
    resourceLimits: { maxOldGenerationSizeMb: input.limits.maxHeapMb },
  });
  let timer: NodeJS.Timeout | undefined;
  const outcome = new Promise<Sheet>((resolve, reject) => {
    const refuse = (code: SpreadsheetRefusalCode, params: { line?: number } = {}) =>
      reject(new SpreadsheetRefused(code, params));
    timer = setTimeout(() => refuse("import.tooSlow"), input.limits.timeoutMs);
    const sheet: Sheet = { header: [], rows: [] };
    worker.on("message", (output: WorkerOutput) => {
      if ("header" in output) sheet.header = output.header;
      else if ("rows" in output) sheet.rows.push(...output.rows);
      else if ("done" in output) resolve(sheet);
      else refuse(output.refused, output.params);
    });
    worker.once("error", (error: Error & { code?: string }) =>
      refuse(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "import.tooMuchMemory" : "import.unreadable"),
    );
    worker.once("exit", () => refuse("import.unreadable")); // gone without an answer
  });
  // Whichever comes first settles it (later calls are ignored); then the worker goes, and its files.
  return outcome.finally(() => {
    clearTimeout(timer);
    void worker.terminate();
    // At once, not after the worker has gone: a process that exits next would leave it behind.
    fs.rmSync(tmpDir, { recursive: true, force: true });
  });
}

// One file at a time: two cores, and the live final must keep one of them.
let queue: Promise<unknown> = Promise.resolve();

/**
 * The first sheet (Excel) or the whole file (CSV), read off the main thread: its header and its
 * rows with their numbers. Throws SpreadsheetRefused with the message key of the limit broken or
 * of what is wrong with the file, and the line where that is known.
 */
export function readSheet(name: string, bytes: Uint8Array, limits: SpreadsheetLimits = IMPORT_LIMITS): Promise<Sheet> {
  const run = queue.then(() => runWorker({ name, bytes, limits }));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The first sheet (Excel) or the whole file (CSV) as records keyed by the lower-cased header
 * row, read off the main thread. Throws SpreadsheetRefused with the message key of the limit
 * broken, or import.unreadable (for the refusals that name a line, which its callers do not show).
 */
export async function readSpreadsheet(
  name: string,
  bytes: Uint8Array,
  limits: SpreadsheetLimits = IMPORT_LIMITS,
): Promise<SpreadsheetRecords> {
  try {
    return recordsOf(await readSheet(name, bytes, limits));
  } catch (error) {
    if (error instanceof SpreadsheetRefused && !FIRST_REFUSALS.includes(error.code))
      throw new SpreadsheetRefused("import.unreadable");
    throw error;
  }
}
