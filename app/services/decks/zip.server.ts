// Every deck of a round's entries as one ZIP for organizers, written as it is sent: each file is
// opened only when the archive reaches it, so a round of hundreds never holds hundreds of files open.
import { PassThrough, type Readable } from "node:stream";
import yazl from "yazl";
import type { Db } from "../../../db/client";
import { zipDeckName } from "../../domain/deck-rules";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth.server";
import type { FileStore } from "../files/store";

/** The current decks of a round's entries still in the competition, by code. */
function decksOfRound(db: Db, roundId: number) {
  return db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .innerJoin("entry_decks as d", (join) => join.onRef("d.entry_id", "=", "e.id").on("d.replaced_at", "is", null))
    .where("re.round_id", "=", roundId)
    .where("e.status", "not in", ["withdrawn", "disqualified"]);
}

/** How many decks the round's ZIP holds (for the link that offers it). */
export async function deckCountOfRound(db: Db, roundId: number): Promise<number> {
  const row = await decksOfRound(db, roundId)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The round's decks as a ZIP stream, each named `<code> <title>.pdf`; organizers only. */
export async function zipOfRound(
  db: Db,
  store: FileStore,
  user: SessionUser,
  roundId: number,
  locale: string,
): Promise<Outcome<{ stream: Readable; count: number }>> {
  if (!user.roles.includes("organizer")) return refuse.notFound("admin.notFound");
  const decks = await decksOfRound(db, roundId)
    .select(["e.code", "e.title_zh", "e.title_en", "d.sha256", "d.bytes", "d.uploaded_at"])
    .orderBy("e.code")
    .execute();
  const zip = new yazl.ZipFile();
  for (const deck of decks) {
    const title = locale === "en" ? (deck.title_en ?? deck.title_zh) : (deck.title_zh ?? deck.title_en);
    // PDFs are compressed already: stored as they are, the archive costs no CPU.
    const options = { compress: false, size: deck.bytes, mtime: new Date(deck.uploaded_at) };
    zip.addReadStreamLazy(zipDeckName(deck.code, title), options, (done) => {
      store.open(deck.sha256).then(
        (stream) => done(stream ? null : new Error(`deck file ${deck.sha256} is missing`), stream ?? new PassThrough()),
        (error: Error) => done(error, new PassThrough()),
      );
    });
  }
  const stream = zip.outputStream as Readable;
  // A file that cannot be read cuts the download off (the browser shows it failed), never a silently short ZIP.
  zip.on("error", (error: Error) => stream.destroy(error));
  zip.end();
  return { ok: true, stream, count: decks.length };
}
