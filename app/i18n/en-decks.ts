// English messages of pitch decks: upload, reading and the finalists' ZIP. Merged into `en` as `decks` (see en.ts).
export const enDecks = {
  title: "Pitch deck",
};
