// Kept while the judging and assignment services import isPlayedLive from here: the live service
// itself is in ./live/, the query in ./queries/live-state.server.ts (import it from there).
export { isPlayedLive } from "./queries/live-state.server";
