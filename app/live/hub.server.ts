import type { Server } from "socket.io";
import type { Db } from "../../db/client";
import {
  competitionRoom,
  joinMessage,
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "./protocol";

/**
 * The `/live` namespace. The audience is anonymous and read-only: a socket may join a competition's
 * room and receives its snapshot; everything it sends is validated before it is looked at.
 */
export function attachLiveHub(io: Server, deps: { db: Db }) {
  const live = io.of(LIVE_NAMESPACE) as ReturnType<Server<ClientToServerEvents, ServerToClientEvents>["of"]>;
  live.on("connection", (socket) => {
    socket.on("join", async (raw: unknown) => {
      const parsed = joinMessage.safeParse(raw);
      if (!parsed.success) {
        socket.emit("error", { code: "invalid_payload", message: parsed.error.issues[0]?.message ?? "invalid" });
        return;
      }
      const competition = await deps.db
        .selectFrom("competitions")
        .select("id")
        .where("slug", "=", parsed.data.competition)
        .executeTakeFirst();
      if (!competition) {
        socket.emit("error", { code: "unknown_competition", message: "no such competition" });
        return;
      }
      const last = await deps.db
        .selectFrom("live_events")
        .select((eb) => eb.fn.max("seq").as("seq"))
        .where("competition_id", "=", competition.id)
        .executeTakeFirst();
      await socket.join(competitionRoom(parsed.data.competition));
      socket.emit("snapshot", { competition: parsed.data.competition, seq: Number(last?.seq ?? 0), stage: null, frozen: false });
    });
  });
  return {
    close() {
      live.disconnectSockets(true);
    },
  };
}
