// Attaching or replacing an entry's deck and video link: the entrant until the registration
// deadline, an organizer at any time. The file is checked by its content; a refused upload leaves
// everything stored as it was (the old deck, its row, the link).
import { fileTypeFromBuffer } from "file-type";
import type { Db } from "../../../db/client";
import type { Entry } from "../../../db/schema";
import { DECK_MEDIA_TYPE, deckFormSchema, MAX_DECK_BYTES, storedDeckName } from "../../domain/deck-rules";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import type { FileStore } from "../files/store";
import { entryOf, entryOwnedBy } from "../queries/entries.server";
import { currentDeck, type CurrentDeck } from "./current.server";
import { readDeckUpload, type DeckUpload } from "./upload-form.server";

export type DeckDeps = { db: Db; clock: () => Date; store: FileStore };
/** Through which page the deck is changed: the entrant's own, or the organizer's for this edition. */
export type DeckAsker = { as: "entrant" } | { as: "organizer"; competitionId: number };

const maxParams = { max: `${MAX_DECK_BYTES / 1024 / 1024} MB` };
const removed = (entry: Entry) => entry.status === "withdrawn" || entry.status === "disqualified";

/** The entry this user may change the deck of, and whether the deadline still lets them. */
async function target(db: Db, now: Date, user: SessionUser, entryId: number, asker: DeckAsker) {
  const organizer = asker.as === "organizer";
  if (organizer && !user.roles.includes("organizer")) return null;
  const entry = organizer ? await entryOf(db, asker.competitionId, entryId) : await entryOwnedBy(db, user.id, entryId);
  if (!entry) return null;
  const { registration_closes_at: closesAt } = await db
    .selectFrom("competitions")
    .where("id", "=", entry.competition_id)
    .select("registration_closes_at")
    .executeTakeFirstOrThrow();
  // An organizer may replace a deck after the deadline (a finalist's corrected slides).
  const open = organizer || (now.toISOString() < closesAt && !removed(entry));
  return { entry, closesAt, open, removed: removed(entry) };
}

export type DeckPage = {
  entry: { id: number; code: string; titleZh: string | null; titleEn: string | null };
  deck: CurrentDeck | null;
  videoUrl: string | null;
  open: boolean;
  closesAt: string;
};

/** What the upload form shows; null when the entry is not this user's to change (404). */
export async function deckPage(deps: DeckDeps, user: SessionUser, entryId: number, asker: DeckAsker) {
  const found = await target(deps.db, deps.clock(), user, entryId, asker);
  if (!found) return null;
  const { entry } = found;
  const page: DeckPage = {
    entry: { id: entry.id, code: entry.code, titleZh: entry.title_zh, titleEn: entry.title_en },
    deck: await currentDeck(deps.db, entry.id),
    videoUrl: entry.video_url,
    open: found.open,
    closesAt: found.closesAt,
  };
  return page;
}

/** Everything about the upload that can be refused before anything is stored. */
async function check(upload: DeckUpload | null, hasDeck: boolean) {
  if (!upload) return refuse.invalid("decks.unreadable", "deck");
  if (upload.tooLarge) return refuse.invalid("decks.tooLarge", "deck", maxParams);
  const fields = deckFormSchema.safeParse(upload.fields);
  if (!fields.success) return refuse.invalid(fields.error.issues[0]?.message ?? "decks.videoUrlInvalid", "videoUrl");
  if (upload.file) {
    // By content: a name ending in .pdf says nothing about what the bytes are.
    const type = await fileTypeFromBuffer(upload.file.head);
    if (type?.mime !== DECK_MEDIA_TYPE) return refuse.invalid("decks.notPdf", "deck");
  } else if (fields.data.videoUrl === undefined || (!hasDeck && fields.data.videoUrl === null))
    return refuse.invalid("decks.nothingChosen", "deck");
  return { ok: true as const, videoUrl: fields.data.videoUrl };
}

/**
 * Reads the upload from the request (streamed into the store as it arrives) and, if it passes,
 * makes it the entry's deck: the previous one keeps its row with `replaced_at` set.
 */
export async function replaceDeck(
  deps: DeckDeps,
  user: SessionUser,
  entryId: number,
  request: Request,
  asker: DeckAsker,
): Promise<Outcome<{ entryId: number }>> {
  const { db, store } = deps;
  const now = deps.clock();
  const found = await target(db, now, user, entryId, asker);
  // Refused before a byte is kept: the body is read and dropped so the browser still gets the answer.
  const early = !found
    ? refuse.notFound("admin.notFound")
    : found.removed && asker.as === "entrant"
      ? refuse.conflict("registration.notEditable", undefined, "deck")
      : !found.open
        ? refuse.conflict("decks.closed", undefined, "deck")
        : null;
  if (early || !found) {
    await readDeckUpload(request, null);
    return early ?? refuse.notFound("admin.notFound");
  }
  const upload = await readDeckUpload(request, store);
  try {
    const previous = await currentDeck(db, entryId);
    const checked = await check(upload, previous !== null);
    if (!checked.ok) return checked;
    const kept = upload!.file ? await upload!.file.draft.keep() : null;
    const at = now.toISOString();
    await inTransaction(db, async (trx) => {
      if (kept && upload!.file) await attach(trx, { user, entryId, at, kept, name: upload!.file.name });
      const videoUrl = checked.videoUrl;
      if (videoUrl !== undefined && videoUrl !== found.entry.video_url) {
        await trx
          .updateTable("entries")
          .set({ video_url: videoUrl, updated_at: at })
          .where("id", "=", entryId)
          .execute();
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: "entry.video_link",
          subject_type: "entry",
          subject_id: entryId,
          before: JSON.stringify({ videoUrl: found.entry.video_url }),
          after: JSON.stringify({ videoUrl }),
        });
      }
    });
    return { ok: true, entryId };
  } finally {
    // Whatever was not kept (a refused upload, a failed write) leaves nothing behind; keep() made the rest permanent.
    await upload?.file?.draft.discard();
  }
}

async function attach(
  trx: Db,
  change: { user: SessionUser; entryId: number; at: string; kept: { sha256: string; bytes: number }; name: string },
) {
  const { user, entryId, at, kept } = change;
  const before = await trx
    .selectFrom("entry_decks")
    .where("entry_id", "=", entryId)
    .where("replaced_at", "is", null)
    .select(["id", "file_name", "bytes", "sha256"])
    .executeTakeFirst();
  if (before) await trx.updateTable("entry_decks").set({ replaced_at: at }).where("id", "=", before.id).execute();
  const fileName = storedDeckName(change.name);
  await trx
    .insertInto("entry_decks")
    .values({
      entry_id: entryId,
      sha256: kept.sha256,
      bytes: kept.bytes,
      file_name: fileName,
      uploaded_by: user.id,
      uploaded_at: at,
    })
    .execute();
  await recordAudit(trx, {
    actor_user_id: user.id,
    action: before ? "entry.deck_replaced" : "entry.deck_attached",
    subject_type: "entry",
    subject_id: entryId,
    before: before
      ? JSON.stringify({ deck: { fileName: before.file_name, bytes: before.bytes, sha256: before.sha256 } })
      : null,
    after: JSON.stringify({ deck: { fileName, bytes: kept.bytes, sha256: kept.sha256 } }),
  });
}
