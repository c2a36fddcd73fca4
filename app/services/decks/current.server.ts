// An entry's current deck as pages show it (the judge's sheet, the entrant's and organizer's pages):
// where to read it, its name and size, and when it came.
import type { Db } from "../../../db/client";

export type CurrentDeck = { url: string; fileName: string; bytes: number; uploadedAt: string };

/** The address every deck is read at; who may read it is decided there (decks/access.server.ts). */
export const deckUrl = (code: string) => `/entries/${encodeURIComponent(code)}/deck`;

export async function currentDeck(db: Db, entryId: number): Promise<CurrentDeck | null> {
  const row = await db
    .selectFrom("entry_decks as d")
    .innerJoin("entries as e", "e.id", "d.entry_id")
    .where("d.entry_id", "=", entryId)
    .where("d.replaced_at", "is", null)
    .select(["e.code", "d.file_name", "d.bytes", "d.uploaded_at"])
    .executeTakeFirst();
  if (!row) return null;
  return { url: deckUrl(row.code), fileName: row.file_name, bytes: row.bytes, uploadedAt: row.uploaded_at };
}
