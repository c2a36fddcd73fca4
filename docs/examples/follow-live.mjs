// Follows a competition's live final and prints every change, in order, never one twice.
// npm install socket.io-client@4   ·   node follow-live.mjs http://localhost:3000 zgc2026
import { io } from "socket.io-client";

const [url = "http://localhost:3000", competition = "zgc2026"] = process.argv.slice(2);
const socket = io(`${url}/live`, { transports: ["websocket"] });
let seq = null; // the last seq applied; null until the first snapshot

const join = () => socket.emit("join", seq === null ? { competition } : { competition, lastSeq: seq });
socket.on("connect", () => socket.recovered || join()); // a recovered connection was sent what it missed
socket.on("snapshot", ({ state }) => {
  seq = state ? state.seq : 0;
  console.log(JSON.stringify({ snapshot: seq, onStage: state?.stage.entryId ?? null, ranking: state?.ranking ?? [] }));
});
socket.on("update", (event) => {
  if (seq === null || event.seq <= seq) return; // not started yet, or already applied
  if (event.seq !== seq + 1) return join(); // a gap: ask for what was missed
  seq = event.seq;
  console.log(JSON.stringify({ seq, change: event.change }));
});
socket.on("error", (e) => console.error(`${e.kind}: ${e.code}`));
