// The gate in front of every message that changes something: within the rate, from the right role,
// valid by its schema; then the handler answers it. Anything else is refused and changes nothing.
import type { z } from "zod";
import type { Role } from "../../db/schema";
import type { SessionUser } from "../services/auth.server";
import type { Services } from "../services/index.server";
import { currentUser, fail, reply, type LiveSocket } from "./hub-socket.server";
import { channelRefusal, type Ack } from "./protocol";
import { allowed } from "./rate-limit.server";

export function guarded<T>(
  socket: LiveSocket,
  services: Services,
  rule: { role: Role; schema: z.ZodType<T> },
  run: (user: SessionUser, data: T) => Promise<Ack>,
) {
  return async (message: unknown, ack?: unknown) => {
    if (!allowed(socket, ack)) return;
    const user = await currentUser(services, socket);
    if (!user?.roles.includes(rule.role)) return fail(socket, channelRefusal("forbidden"), ack);
    const parsed = rule.schema.safeParse(message);
    if (!parsed.success) return fail(socket, channelRefusal("invalidPayload"), ack);
    try {
      reply(ack, await run(user, parsed.data));
    } catch {
      fail(socket, channelRefusal("serverError"), ack);
    }
  };
}
