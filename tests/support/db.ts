import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase, type DbHandle } from "../../db/client";

export type TestDatabase = DbHandle & { file: string; remove: () => Promise<void> };

/** A copy of a database built once in global setup: "empty" (migrated) or "demo" (seeded). */
export function createTestDatabase(kind: "empty" | "demo" = "empty"): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(inject(kind === "demo" ? "demoDbPath" : "templateDbPath"), file);
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

/** A copy of the seeded demo database as a file, for a server process to open. */
export function copyDemoDatabaseFile(): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-server-"));
  const file = path.join(dir, "frontier.db");
  fs.copyFileSync(inject("demoDbPath"), file);
  return { file, dir };
}
