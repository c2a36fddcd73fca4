// The live channel's wire format, shared by the server hub and every client. Each event's payload
// is a zod schema here, so both sides validate the same thing. Documented in docs/live-protocol.md.
import { z } from "zod";

export const LIVE_NAMESPACE = "/live";

/** Sent by a client when it joins: which competition it follows, and the last seq it applied. */
export const joinMessage = z.object({
  competition: z.string().regex(/^[a-z0-9]{2,40}$/),
  lastSeq: z.number().int().min(0).optional(),
});
export type JoinMessage = z.infer<typeof joinMessage>;

/** The whole public state of a competition, sent on join and whenever a client must resync. */
export const snapshotEvent = z.object({
  competition: z.string(),
  seq: z.number().int().min(0),
  stage: z.null(),
  frozen: z.boolean(),
});
export type SnapshotEvent = z.infer<typeof snapshotEvent>;

export const errorEvent = z.object({
  code: z.enum(["invalid_payload", "unknown_competition", "forbidden", "rate_limited"]),
  message: z.string(),
});
export type ErrorEvent = z.infer<typeof errorEvent>;

export type ServerToClientEvents = {
  snapshot: (event: SnapshotEvent) => void;
  error: (event: ErrorEvent) => void;
};
export type ClientToServerEvents = {
  join: (message: JoinMessage) => void;
};

/** Room that receives a competition's broadcasts: serialized once, delivered to every member. */
export const competitionRoom = (slug: string) => `competition:${slug}`;
