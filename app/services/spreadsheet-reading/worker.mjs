// Entry file of the spreadsheet worker thread. Plain JavaScript, so that it runs the same under
// tsx and beside the Remix build (read.server.ts finds it in app/ either way).
import fs from "node:fs";
import os from "node:os";
import { require as tsxRequire } from "tsx/cjs/api";

// Linux: this thread runs at a lower priority (nice 10), so that on a busy machine the server's
// own thread, which serves the live final, gets the CPU first. Elsewhere it runs as it is.
try {
  os.setPriority(Number(fs.readlinkSync("/proc/thread-self").split("/").pop()), 10);
} catch {
  // no /proc/thread-self: not Linux
}

// A worker does not inherit the main thread's tsx loader: tsx's require loads the TypeScript
// next to this file (synchronously, with no loader thread of its own).
tsxRequire("./worker.server.ts", import.meta.url);
