// The audience for bench:live, in its own process: N clients (socket.io-client on /live, or plain
// `ws`) on 127.0.0.1 that note when each update arrives. The parent asks when the last of them had
// a given seq. Times are absolute (performance.timeOrigin + now) so two processes compare.
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";

type Start = { type: "start"; mode: "socketio" | "ws"; url: string; n: number; competition: string };
type Await = { type: "await"; seq: number; timeoutMs: number };
type Message = Start | Await | { type: "close" };

const now = () => performance.timeOrigin + performance.now();
const arrivals = new Map<number, { count: number; last: number }>();
const waiting = new Map<number, { resolve: () => void; n: number }>();
let size = 0;
const closers: (() => void)[] = [];

function arrived(seq: number) {
  const t = now();
  const a = arrivals.get(seq) ?? { count: 0, last: 0 };
  a.count += 1;
  a.last = t;
  arrivals.set(seq, a);
  const w = waiting.get(seq);
  if (w && a.count >= w.n) {
    waiting.delete(seq);
    w.resolve();
  }
}

function connectSocketIo(url: string, competition: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = io(url + "/live", {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: 60_000,
    });
    socket.on("connect_error", reject);
    socket.once("snapshot", () => resolve());
    socket.on("connect", () => socket.emit("join", { competition }));
    socket.on("update", (event: { seq: number }) => arrived(event.seq));
    closers.push(() => socket.disconnect());
  });
}

function connectWs(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, "ws"));
    ws.on("error", reject);
    ws.on("open", () => resolve());
    ws.on("message", (data) => arrived((JSON.parse(data.toString()) as { seq: number }).seq));
    closers.push(() => ws.close());
  });
}

process.on("message", async (message: Message) => {
  if (message.type === "start") {
    size = message.n;
    const started = now();
    // In waves, as an audience arrives: a hall's Wi-Fi does not open 10,000 sockets in one tick.
    for (let i = 0; i < message.n; i += 250) {
      const wave = Math.min(250, message.n - i);
      await Promise.all(
        Array.from({ length: wave }, () =>
          message.mode === "socketio" ? connectSocketIo(message.url, message.competition) : connectWs(message.url),
        ),
      );
    }
    process.send!({ type: "ready", connected: message.n, ms: now() - started, rss: process.memoryUsage().rss });
  } else if (message.type === "await") {
    const done = new Promise<void>((resolve) => {
      const a = arrivals.get(message.seq);
      if (a && a.count >= size) return resolve();
      waiting.set(message.seq, { resolve, n: size });
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, message.timeoutMs));
    await Promise.race([done, timeout]);
    waiting.delete(message.seq);
    const a = arrivals.get(message.seq) ?? { count: 0, last: 0 };
    process.send!({ type: "arrived", seq: message.seq, count: a.count, last: a.last });
  } else {
    for (const close of closers) close();
    process.exit(0);
  }
});
