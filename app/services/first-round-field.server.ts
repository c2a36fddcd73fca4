// Who competes in an edition's first round: every submitted entry. Later rounds are filled by
// publishing the round before them; the first has no round before it, so it takes the entries
// submitted when it opens and, while it is open, each entry as it is submitted.
import type { Db } from "../../db/client";

/** The edition's first round by position. */
async function firstRound(trx: Db, competitionId: number) {
  return trx
    .selectFrom("rounds")
    .select(["id", "status"])
    .where("competition_id", "=", competitionId)
    .orderBy("position")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Enters the competition's submitted entries (or just `entryIds`) into its first round when that
 * round is open (and is `roundId`, when given: the round being opened); call it in the transaction
 * that opens the round or submits the entries. Returns how many were entered (entries already in
 * are left as they are).
 */
export async function enterIntoFirstRound(
  trx: Db,
  competitionId: number,
  only: { entryIds?: readonly number[]; roundId?: number } = {},
): Promise<number> {
  const { entryIds, roundId } = only;
  const round = await firstRound(trx, competitionId);
  if (round?.status !== "open" || entryIds?.length === 0) return 0;
  if (roundId !== undefined && round.id !== roundId) return 0;
  let query = trx
    .selectFrom("entries")
    .select("id")
    .where("competition_id", "=", competitionId)
    .where("status", "=", "submitted");
  if (entryIds) query = query.where("id", "in", entryIds);
  const entries = await query.execute();
  let entered = 0;
  for (let i = 0; i < entries.length; i += 500) {
    const result = await trx
      .insertInto("round_entries")
      .values(entries.slice(i, i + 500).map((e) => ({ round_id: round.id, entry_id: e.id })))
      .onConflict((c) => c.doNothing())
      .executeTakeFirst();
    entered += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return entered;
}
