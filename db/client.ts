import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
} from "kysely";
import { FRONTIER_APPLICATION_ID, inspectDatabaseFile } from "./inspect";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

/** A database that cannot be opened: the message is one line, fit for a start-up failure. */
export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

// SQLite runs DDL inside transactions; Kysely's adapter says it does not, which would leave a
// failed migration half-applied. Telling the migrator the truth makes every batch atomic.
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
// Several server processes may share the file (docs/decisions/0020-one-live-writer-at-a-time.md):
// a deferred transaction that reads, then writes after another process committed, fails at once
// with SQLITE_BUSY_SNAPSHOT. Taking the write lock at BEGIN makes it wait (busy_timeout) and read
// the latest data instead, so every transaction sees what it then changes.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}
class TransactionalSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export type Db = Kysely<Database>;
export type DbHandle = {
  db: Db;
  sqlite: SQLite.Database;
  /** A Frontier database from before application ids, recognised and marked as Frontier's on opening. */
  adopted: boolean;
  close: () => Promise<void>;
};

/**
 * Opens (creating if needed) the SQLite file with the pragmas the app relies on. An existing file
 * is inspected read-only first (db/inspect.ts): one that is not a Frontier database this version
 * knows is refused before anything is written, so a refusal leaves it byte for byte as it was.
 * `:memory:` is accepted for tests.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): DbHandle {
  const readonly = options.readonly ?? false;
  let adopt = false;
  if (file !== ":memory:") {
    const inspection = inspectDatabaseFile(file, Object.keys(migrations));
    if (inspection.kind === "refused") {
      throw new DatabaseOpenError(`cannot open the database ${file}: ${inspection.reason}; it was left unchanged`);
    }
    adopt = inspection.kind === "adopt" && !readonly;
    const dir = path.dirname(path.resolve(file));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new DatabaseOpenError(`cannot create the database folder ${dir}: ${(error as Error).message}`);
    }
  }
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file, { readonly, fileMustExist: readonly });
    // Reading the schema version touches the file header, so a file that is not a database fails here.
    sqlite.pragma("schema_version", { simple: true });
    if (!readonly) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // FULL: in WAL mode each commit syncs the WAL, so a score acknowledged to a judge survives a
    // power cut, not only a crash of the process (docs/decisions/0001-durability-of-acknowledged-scores.md).
    sqlite.pragma("synchronous = FULL");
    // Marked only now, after the read-write open: the file was inspected and is Frontier's.
    if (adopt) sqlite.pragma(`application_id = ${FRONTIER_APPLICATION_ID}`);
  } catch (error) {
    sqlite?.close(); // a read-write connection removes the -wal and -shm it created
    throw new DatabaseOpenError(`cannot open the database ${file}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    db,
    sqlite,
    adopted: adopt,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy(); // also closes the better-sqlite3 handle
    },
  };
}
