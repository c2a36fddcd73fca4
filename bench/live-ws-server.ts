// The baseline for bench:live: a plain `ws` server that, when the publisher sends an update,
// serializes it once and sends it to every other connection. No rooms, no acks, no recovery.
import http from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

const server = http.createServer();
const wss = new WebSocketServer({ server });
const audience = new Set<WebSocket>();

wss.on("connection", (socket, request) => {
  if (request.url === "/publish") {
    socket.on("message", (data) => {
      const event = JSON.parse(data.toString()) as unknown;
      const text = JSON.stringify(event);
      for (const client of audience) client.send(text);
    });
    return;
  }
  audience.add(socket);
  socket.on("close", () => audience.delete(socket));
});

server.listen(0, "127.0.0.1", () => {
  const address = server.address() as { port: number };
  process.stdout.write(`listening on http://127.0.0.1:${address.port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
