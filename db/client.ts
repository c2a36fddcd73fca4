import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter } from "kysely";
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
class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

export type Db = Kysely<Database>;
export type DbHandle = { db: Db; sqlite: SQLite.Database; close: () => Promise<void> };

/**
 * Opens (creating if needed) the SQLite file with the pragmas the app relies on.
 * `:memory:` is accepted for tests.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): DbHandle {
  if (file !== ":memory:") {
    const dir = path.dirname(path.resolve(file));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new DatabaseOpenError(`cannot create the database folder ${dir}: ${(error as Error).message}`);
    }
  }
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // Reading the schema version touches the file header, so a file that is not a database fails here.
    sqlite.pragma("schema_version", { simple: true });
    if (!options.readonly) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
  } catch (error) {
    throw new DatabaseOpenError(`cannot open the database ${file}: ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new TransactionalSqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    db,
    sqlite,
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy(); // also closes the better-sqlite3 handle
    },
  };
}
