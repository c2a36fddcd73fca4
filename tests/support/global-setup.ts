import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, type DbHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    templateDbPath: string;
    demoDbPath: string;
  }
}

// Fold the WAL back into the main file so a plain file copy carries everything.
function detach(handle: DbHandle) {
  handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  handle.sqlite.pragma("journal_mode = DELETE");
  return handle.close();
}

/**
 * Builds the test databases once per run from the migrations (and, for the demo one, the seed);
 * each test file works on its own copy.
 */
export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-template-"));
  const file = path.join(dir, "template.db");
  const handle = openDatabase(file);
  await migrateToLatest(handle.db);
  await detach(handle);
  project.provide("templateDbPath", file);

  const demoFile = path.join(dir, "demo.db");
  if (project.name !== "unit") {
    fs.copyFileSync(file, demoFile);
    const demo = openDatabase(demoFile);
    // Imported here, not at the top, so the unit project never loads the seed.
    const { seedDemo } = await import("../../db/seed/seed.server");
    await seedDemo(demo, new Date("2026-11-24T08:00:00.000Z"));
    await detach(demo);
  }
  project.provide("demoDbPath", demoFile);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
