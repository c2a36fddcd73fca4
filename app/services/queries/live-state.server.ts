// Queries about the live final's stored state, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";

/** Whether a round is played live: its scores come from the stage, not the web sheet. */
export async function isPlayedLive(db: Db, roundId: number): Promise<boolean> {
  return Boolean(
    await db.selectFrom("live_state").select("competition_id").where("round_id", "=", roundId).executeTakeFirst(),
  );
}

/** A competition's stored live state (control and public, as JSON), or nothing before its final starts. */
export function liveStateOf(db: Db, competitionId: number) {
  return db.selectFrom("live_state").selectAll().where("competition_id", "=", competitionId).executeTakeFirst();
}
