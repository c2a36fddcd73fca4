import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    templateDbPath: string;
  }
}

/** Builds the test database once from the migrations; each test file works on its own copy. */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-template-"));
  const file = path.join(dir, "template.db");
  const handle = openDatabase(file);
  await migrateToLatest(handle.db);
  // Fold the WAL back into the main file so a plain file copy carries everything.
  handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  handle.sqlite.pragma("journal_mode = DELETE");
  await handle.close();
  project.provide("templateDbPath", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
