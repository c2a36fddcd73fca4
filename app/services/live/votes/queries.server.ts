// The audience vote's reads and writes, one function each, the database (or the caller's transaction) first.
import type { Insertable } from "kysely";
import type { Db } from "../../../../db/client";
import type { LiveVotesTable } from "../../../../db/schema";

/** The entry this device voted for in the round, if it has. */
export async function voteOfDevice(db: Db, roundId: number, deviceHash: string): Promise<number | null> {
  const row = await db
    .selectFrom("live_votes")
    .select("entry_id")
    .where("round_id", "=", roundId)
    .where("device_hash", "=", deviceHash)
    .executeTakeFirst();
  return row?.entry_id ?? null;
}

/** Writes one vote; false when the device had already voted in the round (the unique index says so). */
export async function insertVote(db: Db, vote: Insertable<LiveVotesTable>): Promise<boolean> {
  try {
    await db.insertInto("live_votes").values(vote).execute();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") return false;
    throw error;
  }
}

/** Every vote of the round with what the fraud panel reads, oldest first. */
export function votesOfRound(db: Db, roundId: number) {
  return db
    .selectFrom("live_votes")
    .select(["id", "entry_id", "address", "network", "device_seen_at", "created_at", "discounted_at"])
    .where("round_id", "=", roundId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** The votes discounted together (one organizer's decision), newest first. */
export function discountBatches(db: Db, roundId: number) {
  return db
    .selectFrom("live_votes as v")
    .leftJoin("users as u", "u.id", "v.discounted_by")
    .select(["v.discounted_at", "v.discount_reason", "u.display_name", (eb) => eb.fn.countAll<number>().as("votes")])
    .where("v.round_id", "=", roundId)
    .where("v.discounted_at", "is not", null)
    .groupBy(["v.discounted_at", "v.discount_reason", "u.display_name"])
    .orderBy("v.discounted_at", "desc")
    .execute();
}

/** Marks the counted ones among these votes discounted; how many it marked. */
export async function discountVotes(
  trx: Db,
  roundId: number,
  ids: readonly number[],
  by: { at: string; userId: number; reason: string },
): Promise<number> {
  if (!ids.length) return 0;
  const result = await trx
    .updateTable("live_votes")
    .set({ discounted_at: by.at, discounted_by: by.userId, discount_reason: by.reason })
    .where("round_id", "=", roundId)
    .where("id", "in", ids)
    .where("discounted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Counts again the votes discounted at that moment; how many it restored. */
export async function restoreBatch(trx: Db, roundId: number, discountedAt: string): Promise<number> {
  const result = await trx
    .updateTable("live_votes")
    .set({ discounted_at: null, discounted_by: null, discount_reason: null })
    .where("round_id", "=", roundId)
    .where("discounted_at", "=", discountedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The finalists' codes and titles, for the panel's rows. */
export function entryLabels(db: Db, ids: readonly number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("entries").select(["id", "code", "title_zh", "title_en"]).where("id", "in", ids).execute();
}
