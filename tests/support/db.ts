import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, type DbHandle } from "../../db/client";

/** A fresh, migrated SQLite file for one test file: a copy of the template built in global setup. */
export function createTestDatabase(): DbHandle & { file: string; remove: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(inject("templateDbPath"), file);
  const handle = openDatabase(file);
  return {
    ...handle,
    file,
    remove: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
