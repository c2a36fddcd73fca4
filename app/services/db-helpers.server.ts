import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

/**
 * Runs `fn` in a transaction, or inside the caller's when it already has one, so a use case can
 * be composed into a larger one (the demo seed, an import) and still be all-or-nothing.
 */
export async function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}
