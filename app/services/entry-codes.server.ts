// Entry codes: group, track and a serial, e.g. EU-QI-0042. A code is never handed out twice: one an
// entry gave up when it moved is kept in retired_entry_codes, still finds the entry, and counts
// when the next serial of its series is chosen.
import { sql } from "kysely";
import type { Db } from "../../db/client";

/** The highest serial a series has ever used, in entries or among retired codes (0 for none). */
async function highestSerial(trx: Db, prefix: string): Promise<number> {
  // GLOB is case-sensitive and has no `_` wildcard; the serial is compared as a number, so
  // EU-QI-10000 counts above EU-QI-9999.
  const pattern = `${prefix}[0-9]*`;
  const serial = sql<number>`max(cast(substr(code, ${prefix.length + 1}) as integer))`;
  const [current, retired] = await Promise.all([
    trx
      .selectFrom("entries")
      .select(serial.as("n"))
      .where(sql<boolean>`code glob ${pattern}`)
      .executeTakeFirst(),
    trx
      .selectFrom("retired_entry_codes")
      .select(serial.as("n"))
      .where(sql<boolean>`code glob ${pattern}`)
      .executeTakeFirst(),
  ]);
  return Math.max(current?.n ?? 0, retired?.n ?? 0);
}

/** The next code of a group and track no entry has ever held; call it inside the writing transaction. */
export async function nextEntryCode(trx: Db, groupCode: string, trackCode: string): Promise<string> {
  const prefix = `${groupCode}-${trackCode}-`;
  const serial = (await highestSerial(trx, prefix)) + 1;
  return `${prefix}${String(serial).padStart(4, "0")}`;
}

/**
 * Retires the code an entry is giving up and returns the next code of its new series; the caller
 * writes the new code in the same transaction. The old code keeps finding the entry.
 */
export async function codeForMove(
  trx: Db,
  entry: { id: number; code: string },
  groupCode: string,
  trackCode: string,
  now: string,
): Promise<string> {
  await trx
    .insertInto("retired_entry_codes")
    .values({ code: entry.code, entry_id: entry.id, retired_at: now })
    .execute();
  return nextEntryCode(trx, groupCode, trackCode);
}

/** The codes an entry gave up, oldest first. */
export function retiredCodesOf(db: Db, entryId: number) {
  return db
    .selectFrom("retired_entry_codes")
    .select(["code", "retired_at"])
    .where("entry_id", "=", entryId)
    .orderBy("retired_at")
    .orderBy("code")
    .execute();
}

/** The ids of the entries a typed code names (its current holder, or the entry that gave it up), for `where id in`. */
export function entryIdsKnownBy(db: Db, code: string) {
  const normalized = code.trim().toUpperCase();
  return db
    .selectFrom("entries")
    .select("id")
    .where("code", "=", normalized)
    .union(db.selectFrom("retired_entry_codes").select("entry_id as id").where("code", "=", normalized));
}
