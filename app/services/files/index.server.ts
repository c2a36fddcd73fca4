// The file store the services use: the data directory's, the only one built so far (an
// S3-compatible store would be chosen here when configured; see store.ts for what it must offer).
import path from "node:path";
import { createLocalFileStore } from "./local-store.server";
import type { FileStore } from "./store";

export type { FileDraft, FileStore } from "./store";

/** Files under `dataDir` (without one, `data/` beside the default database, as DATABASE_PATH is). */
export function createFileStore(dataDir: string | undefined): FileStore {
  return createLocalFileStore(dataDir ?? path.resolve("data"));
}
