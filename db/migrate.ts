import { Migrator, sql, type Kysely, type Migration } from "kysely";
import type { Db } from "./client";
import { FRONTIER_APPLICATION_ID, MIGRATOR_TABLES } from "./inspect";
import { migrations as defaultMigrations } from "./migrations/index";

export class MigrationError extends Error {
  override name = "MigrationError";
}

/**
 * Refuses a database that is not Frontier's before the migrator creates its tables in it: it must
 * carry Frontier's application id, or be blank. openDatabase has already refused such a file (and
 * marked an old Frontier one); this keeps an in-memory or otherwise opened database honest too.
 * Returns whether it is blank.
 */
async function checkIdentity(db: Db): Promise<boolean> {
  const id = (await sql<{ application_id: number }>`PRAGMA application_id`.execute(db)).rows[0]?.application_id ?? 0;
  if (id === FRONTIER_APPLICATION_ID) return false;
  if (id !== 0) throw new MigrationError(`not a Frontier database (application id ${id}): nothing migrated`);
  const held = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_schema
    WHERE name NOT LIKE 'sqlite_%' AND tbl_name NOT IN (${sql.join(MIGRATOR_TABLES)})`.execute(db);
  if (held.rows[0]?.n === 0) return true;
  throw new MigrationError("not a Frontier database (no Frontier application id, but tables): nothing migrated");
}

/** The first migration also writes Frontier's application id, in the same transaction. */
function markedFirst(migrations: Record<string, Migration>): Record<string, Migration> {
  const first = Object.keys(migrations).sort()[0];
  if (first === undefined) return migrations;
  const migration = migrations[first]!;
  return {
    ...migrations,
    [first]: {
      ...migration,
      async up(db: Kysely<unknown>) {
        await sql.raw(`PRAGMA application_id = ${FRONTIER_APPLICATION_ID}`).execute(db);
        await migration.up(db);
      },
    },
  };
}

/**
 * Applies every pending migration in one transaction: on failure nothing of the batch stays,
 * and the error names the migration that failed. On a blank database the first migration marks
 * it as Frontier's (`PRAGMA application_id`, see db/inspect.ts).
 */
export async function migrateToLatest(
  db: Db,
  migrations: Record<string, Migration> = defaultMigrations,
): Promise<string[]> {
  const blank = await checkIdentity(db);
  const provided = blank ? markedFirst(migrations) : migrations;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => provided } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed} failed, database left unchanged: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
