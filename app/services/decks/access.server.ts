// Who may read a deck: the entry's own entrant, organizers, and judges assigned to the entry in a
// round of its edition. Everyone else is told exactly what a missing deck tells: nothing.
import type { Db } from "../../../db/client";
import type { SessionUser } from "../auth.server";

export type ReadableDeck = { sha256: string; bytes: number; fileName: string; mediaType: string };

async function assignedJudge(db: Db, userId: number, entryId: number, competitionId: number) {
  const row = await db
    .selectFrom("assignments as a")
    .innerJoin("judges as j", "j.id", "a.judge_id")
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .where("a.entry_id", "=", entryId)
    .where("j.user_id", "=", userId)
    .where("r.competition_id", "=", competitionId)
    .select("a.id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The current deck of the entry with this code, if `user` may read it; null otherwise (also when none). */
export async function readableDeck(db: Db, user: SessionUser | null, code: string): Promise<ReadableDeck | null> {
  if (!user) return null;
  const row = await db
    .selectFrom("entries as e")
    .innerJoin("entry_decks as d", (join) => join.onRef("d.entry_id", "=", "e.id").on("d.replaced_at", "is", null))
    .where("e.code", "=", code)
    .select(["e.id", "e.competition_id", "e.entrant_user_id", "d.sha256", "d.bytes", "d.file_name", "d.media_type"])
    .executeTakeFirst();
  if (!row) return null;
  const allowed =
    user.roles.includes("organizer") ||
    row.entrant_user_id === user.id ||
    (user.roles.includes("judge") && (await assignedJudge(db, user.id, row.id, row.competition_id)));
  if (!allowed) return null;
  return { sha256: row.sha256, bytes: row.bytes, fileName: row.file_name, mediaType: row.media_type };
}
