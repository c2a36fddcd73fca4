// Pitch decks: the upload (replace.server.ts), who may read one (access.server.ts), the finalists'
// ZIP (zip.server.ts) and the current deck as pages show it (current.server.ts), around one file store.
import type { Db } from "../../../db/client";
import type { SessionUser } from "../auth.server";
import { createFileStore } from "../files/index.server";
import { readableDeck } from "./access.server";
import { currentDeck } from "./current.server";
import { deckPage, replaceDeck, type DeckAsker } from "./replace.server";
import { deckCountOfRound, zipOfRound } from "./zip.server";

export { currentDeck, deckUrl, type CurrentDeck } from "./current.server";
export type { DeckAsker, DeckPage } from "./replace.server";

export function createDeckService(db: Db, options: { clock: () => Date; dataDir: string | undefined }) {
  const { clock } = options;
  const store = createFileStore(options.dataDir);
  const deps = { db, clock, store };
  return {
    current: (entryId: number) => currentDeck(db, entryId),
    page: (user: SessionUser, entryId: number, asker: DeckAsker) => deckPage(deps, user, entryId, asker),
    replace: (user: SessionUser, entryId: number, request: Request, asker: DeckAsker) =>
      replaceDeck(deps, user, entryId, request, asker),
    /** The deck's bytes for whoever may read it; null (404) for everyone else and for no deck. */
    async read(user: SessionUser | null, code: string) {
      const deck = await readableDeck(db, user, code);
      if (!deck) return null;
      const stream = await store.open(deck.sha256);
      return stream ? { ...deck, stream } : null;
    },
    countInRound: (roundId: number) => deckCountOfRound(db, roundId),
    zipOfRound: (user: SessionUser, roundId: number, locale: string) => zipOfRound(db, store, user, roundId, locale),
  };
}

export type DeckService = ReturnType<typeof createDeckService>;
