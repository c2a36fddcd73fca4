import { Migrator, type Migration } from "kysely";
import type { Db } from "./client";
import { migrations as defaultMigrations } from "./migrations/index";

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Applies every pending migration in one transaction: on failure nothing of the batch stays,
 * and the error names the migration that failed.
 */
export async function migrateToLatest(
  db: Db,
  migrations: Record<string, Migration> = defaultMigrations,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed} failed, database left unchanged: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
