// What the assignment use cases share: the lock of a published round, the round's competing
// entries, and writing or clearing pairs in bulk.
import type { Db } from "../../../db/client";
import { refuse, type Outcome } from "../../domain/refusal";
import { roundById } from "../queries/rounds.server";

type Round = NonNullable<Awaited<ReturnType<typeof roundById>>>;

/**
 * The round, read in the caller's transaction, when its assignment may still change: a published
 * round's judging is the record, so no run, seat or swap may touch it, whoever asks.
 */
export async function unlockedRound(trx: Db, roundId: number): Promise<Outcome<{ round: Round }>> {
  const round = await roundById(trx, roundId);
  if (!round) return refuse.notFound("round.notFound");
  if (round.status === "published") return refuse.conflict("round.publishedLocked");
  return { ok: true, round };
}

/** The round's entries still competing (withdrawn and disqualified ones get no judges). */
export function competingEntries(db: Db, roundId: number) {
  return db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select(["e.id", "e.code", "e.track_id", "e.organization", "e.country"])
    .execute();
}

export type Pair = { round_id: number; judge_id: number; entry_id: number };

/** Inserts pairs in chunks (SQLite limits the variables of one statement). */
export async function insertPairs(trx: Db, rows: readonly Pair[]) {
  for (let i = 0; i < rows.length; i += 300)
    await trx
      .insertInto("assignments")
      .values(rows.slice(i, i + 300))
      .execute();
}

/** Drops the round's pairs that have no score yet (of every judge but `keep`); returns how many went. */
export async function deleteUnscoredPairs(trx: Db, roundId: number, keep?: readonly number[]): Promise<number> {
  let query = trx.deleteFrom("assignments").where("round_id", "=", roundId);
  if (keep) query = query.where("judge_id", "not in", keep.length ? [...keep] : [0]);
  const result = await query
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("scores as s")
            .select("s.id")
            .whereRef("s.round_id", "=", "assignments.round_id")
            .whereRef("s.judge_id", "=", "assignments.judge_id")
            .whereRef("s.entry_id", "=", "assignments.entry_id"),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
