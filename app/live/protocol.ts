// The live channel's wire format, shared by the server hub and every client. Each event's payload
// is a zod schema here, so both sides validate the same thing. Documented in docs/live-protocol.md.
import { z } from "zod";
import type { Change, Command, ControlState, PublicState } from "../domain/live-final";
import { LIVE_REFUSAL_CODES, LIVE_REFUSALS } from "../domain/live-refusals";
import { REFUSAL_KINDS } from "../domain/refusal";

export const LIVE_NAMESPACE = "/live";
export const PROTOCOL_VERSION = 1;

/** A competition's live channel: its slug, or its slug with `~rehearsal` for the rehearsal's copy. */
export const REHEARSAL_SUFFIX = "~rehearsal";
const slug = z.string().regex(/^[a-z0-9]{2,40}(~rehearsal)?$/);
export const rehearsalChannel = (competition: string) => `${competition}${REHEARSAL_SUFFIX}`;
export const isRehearsalChannel = (channel: string) => channel.endsWith(REHEARSAL_SUFFIX);
/** The competition's slug of a channel (the rehearsal's or the real one). */
export const competitionOfChannel = (channel: string) =>
  isRehearsalChannel(channel) ? channel.slice(0, -REHEARSAL_SUFFIX.length) : channel;
const id = z.number().int().positive();
const localized = (max: number) => z.object({ zh: z.string().max(max), en: z.string().max(max) });
const phase = z.enum(["idle", "pitching", "scoring", "closed", "revealed"]);
const revealMode = z.enum(["instant", "stepwise"]);
const voting = z.enum(["closed", "open"]);
const reason = z.string().max(500);
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);

export const messageCardSchema = z.object({
  kind: z.enum(["break", "next", "sponsor", "notice"]),
  title: localized(120),
  body: localized(600),
});

// ---- client → server -------------------------------------------------------------------------

/** Sent by a client when it joins: which competition it follows, and the last seq it applied. */
export const joinMessage = z.object({
  competition: slug,
  lastSeq: z.number().int().min(0).optional(),
});
export type JoinMessage = z.infer<typeof joinMessage>;

/** The control room's commands (organizers only). */
export const commandSchema: z.ZodType<Command> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("reorder"), order: z.array(id).min(1).max(200) }),
  z.object({ type: z.literal("stage"), entryId: id }),
  z.object({ type: z.literal("open") }),
  z.object({ type: z.literal("close"), reason: z.string().max(500).optional() }),
  z.object({ type: z.literal("reveal") }),
  z.object({ type: z.literal("undoReveal"), reason: z.string().max(500) }),
  z.object({ type: z.literal("freeze") }),
  z.object({ type: z.literal("ceremonyStep") }),
  z.object({ type: z.literal("card"), card: messageCardSchema.nullable() }),
  z.object({
    type: z.literal("awards"),
    counts: z.tuple([
      z.number().int().min(1).max(10),
      z.number().int().min(0).max(10),
      z.number().int().min(0).max(10),
    ]),
    trackTop: z.number().int().min(0).max(50).optional(),
  }),
  z.object({ type: z.literal("autoReveal"), on: z.boolean() }),
  z.object({ type: z.literal("hide"), entryId: id, reason }),
  z.object({ type: z.literal("unfreeze"), reason }),
  z.object({ type: z.literal("undoCeremonyStart"), reason }),
  z.object({ type: z.literal("reopen"), judgeId: id.optional(), reason }),
  z.object({
    type: z.literal("timer"),
    action: z.enum(["start", "pause", "reset"]),
    seconds: z.number().int().min(30).max(3600).optional(),
  }),
  z.object({ type: z.literal("revealMode"), mode: revealMode }),
  z.object({ type: z.literal("voting"), voting }),
  z.object({ type: z.literal("audienceAward"), show: z.boolean() }),
]);
/**
 * A control room's command. `version` is the control state's version the room last saw: when the
 * final has moved on since (another organizer, a judge's last score), the command is refused as stale.
 */
export const controlMessage = z.object({
  competition: slug,
  command: commandSchema,
  version: z.number().int().min(0).optional(),
});
export type ControlMessage = z.infer<typeof controlMessage>;

/** A judge's stage score. `submissionId` is chosen by the phone: a repeat is recognised, not counted twice. */
export const submitMessage = z.object({
  competition: slug,
  submissionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  entryId: id,
  marks: z.record(z.string().regex(/^\d{1,9}$/), z.string().max(20)),
  comment: z.string().max(4000).optional(),
  /** Why the judge changes a mark already submitted, when scoring was reopened for a correction. */
  reason: z.string().max(500).optional(),
});
export type SubmitMessage = z.infer<typeof submitMessage>;

// ---- server → client -------------------------------------------------------------------------

const rankingRow = z.object({
  entryId: id,
  rank: z.number().int().min(1).nullable(),
  result: decimal.nullable(),
  decidedBy: z.string().max(60).nullable().optional(),
  previousRank: z.number().int().min(1).nullable().optional(),
});
const timer = z.object({
  durationMs: z.number().int().min(0),
  elapsedMs: z.number().int().min(0),
  startedAt: z.number().int().min(0).nullable(),
});
const audienceAward = z.object({ entryIds: z.array(id), votes: z.number().int().min(0) });
const reveal = z.object({
  entryId: id,
  result: decimal,
  marks: z.array(z.object({ seat: z.number().int().min(1), mark: decimal, dropped: z.boolean() })),
});
const stage = z.object({
  entryId: id.nullable(),
  phase,
  submitted: z.number().int().min(0),
  of: z.number().int().min(0),
});
const awards = z.array(
  z.object({
    tier: z.enum(["champion", "runnerUp", "third", "trackTop"]),
    entryIds: z.array(id),
    track: z.string().max(20).optional(),
  }),
);
const ceremony = z.enum(["none", "running", "done"]);

export const changeSchema: z.ZodType<Change> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("order"), order: z.array(id) }),
  z.object({ type: z.literal("stage"), stage }),
  z.object({
    type: z.literal("progress"),
    entryId: id,
    submitted: z.number().int().min(0),
    of: z.number().int().min(0),
  }),
  z.object({ type: z.literal("reveal"), reveal, ranking: z.array(rankingRow) }),
  z.object({ type: z.literal("unreveal"), entryId: id, ranking: z.array(rankingRow) }),
  z.object({ type: z.literal("sealed"), entryId: id }),
  z.object({ type: z.literal("freeze"), frozen: z.boolean(), ranking: z.array(rankingRow).optional() }),
  z.object({ type: z.literal("ceremony"), ceremony }),
  z.object({ type: z.literal("awards"), awards }),
  z.object({ type: z.literal("card"), card: messageCardSchema.nullable() }),
  z.object({ type: z.literal("hidden"), entryId: id, ranking: z.array(rankingRow) }),
  z.object({ type: z.literal("timer"), timer }),
  z.object({ type: z.literal("revealMode"), mode: revealMode }),
  z.object({ type: z.literal("voting"), voting }),
  z.object({ type: z.literal("audienceAward"), award: audienceAward.nullable() }),
]);

export const publicStateSchema: z.ZodType<PublicState> = z.object({
  seq: z.number().int().min(0),
  round: z.object({
    slug: z.string(),
    name: localized(200),
    panel: z.number().int().min(0),
    markDecimals: z.number().int().min(0).max(6).optional(),
    criteria: z.array(z.object({ id, name: localized(200) })).optional(),
  }),
  rehearsal: z.boolean().optional(),
  entries: z.array(
    z.object({
      id,
      code: z.string(),
      title: localized(200),
      organization: z.string(),
      country: z.string().length(2),
      team: z.array(z.string()),
      group: localized(200),
      track: localized(200),
    }),
  ),
  stage,
  reveal: reveal.nullable(),
  ranking: z.array(rankingRow),
  frozen: z.boolean(),
  sealed: z.array(id),
  ceremony,
  awards: awards.nullable(),
  card: messageCardSchema.nullable(),
  timer,
  revealMode,
  voting,
  audienceAward: audienceAward.nullable(),
});

/** The server's clock (epoch ms) when an event left it: screens count the pitch timer down from it. */
const serverNow = z.number().int().min(0).optional();

/** The whole public state of a competition, sent on join and whenever a client must resync. */
export const snapshotEvent = z.object({ competition: z.string(), state: publicStateSchema.nullable(), serverNow });
export type SnapshotEvent = z.infer<typeof snapshotEvent>;

/** One change of the public state; `seq` rises by exactly one per update of a competition. */
export const updateEvent = z.object({
  competition: z.string(),
  seq: z.number().int().min(1),
  change: changeSchema,
  serverNow,
});
export type UpdateEvent = z.infer<typeof updateEvent>;

const controlStateSchema: z.ZodType<ControlState> = z.object({
  roundId: id,
  order: z.array(id),
  current: id.nullable(),
  phase,
  revealed: z.array(id),
  sealed: z.array(id),
  frozen: z.boolean(),
  ceremony,
  hidden: z.array(id),
  awardCounts: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  trackTop: z.number().int().min(0).optional(),
  card: messageCardSchema.nullable(),
  autoReveal: z.boolean(),
  version: z.number().int().min(0),
  beforeCeremony: z.object({ current: id.nullable(), phase, card: messageCardSchema.nullable() }).nullable(),
  ceremonySteps: z.number().int().min(0),
  awardsShown: z.number().int().min(0),
  reopened: z.object({ judgeIds: z.array(id), revised: z.array(id), reason: z.string() }).nullable(),
  pitchSeconds: z.number().int().min(1),
  timer,
  revealMode,
  voting,
});

/** What the control room sees besides the public state (organizers only). */
export const controlViewSchema = z.object({
  competition: z.string(),
  control: controlStateSchema,
  /** Panel seats with names, and whether each has submitted for the entry on stage. */
  panel: z.array(
    z.object({
      seat: z.number().int().min(1),
      judgeId: id,
      name: z.string(),
      submitted: z.boolean(),
      /** The judge's phone on the live channel (the hub adds it; absent in the page's first render). */
      device: z
        .object({ connected: z.boolean(), offlineSince: z.string().nullable(), lastSeen: z.string().nullable() })
        .optional(),
    }),
  ),
  /** Every revealed result, sealed ones included, ranked: what the public will see after the ceremony. */
  ranking: z.array(rankingRow.extend({ sealed: z.boolean() })),
  /** The result of the entry on stage as it stands (after closing), before it is revealed. */
  preview: reveal.nullable(),
  /** Entries in the pitch order that were withdrawn or disqualified (hidden at the next step). */
  withdrawn: z.array(id),
  /** The fewest marks the rule can close scoring with (drops + 1). */
  minMarks: z.number().int().min(1),
  /** The audience vote's counted votes per finalist, most first (discounted ones left out). */
  votes: z.array(z.object({ entryId: id, votes: z.number().int().min(0) })),
});
export type ControlView = z.infer<typeof controlViewSchema>;

/** For a judge's phone: their seat, the entries they score, and those already submitted. */
export const judgeViewSchema = z.object({
  competition: z.string(),
  seat: z.number().int().min(1),
  submitted: z.array(id),
  entries: z.array(id),
  /**
   * Scoring reopened for this judge's correction of the entry on stage: their submitted marks
   * (their own, by criterion id) to start from; null when there is nothing to revise.
   */
  correction: z
    .object({ entryId: id, marks: z.record(z.string(), z.string()), comment: z.string(), reason: z.string() })
    .nullable(),
});
export type JudgeView = z.infer<typeof judgeViewSchema>;

/** A refusal's kind on the wire: the service's kinds, and `failed` when the server could not carry it out. */
export const refusalKindSchema = z.enum([...REFUSAL_KINDS, "failed"]);
/** Every refusal's code is an i18n key `live.refusal.*` (app/domain/live-refusals.ts lists them once). */
export const refusalCodeSchema = z.enum(LIVE_REFUSAL_CODES);

/** Sent to a socket whose message was refused outright (not allowed, malformed, too many). */
export const errorEvent = z.object({ kind: refusalKindSchema, code: refusalCodeSchema });
export type ErrorEvent = z.infer<typeof errorEvent>;

/** A refused command or submission: the refusal as the service said it, its marks' messages at their criteria. */
export const refusedAck = errorEvent.extend({
  ok: z.literal(false),
  field: z.string().optional(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RefusedAck = z.infer<typeof refusedAck>;

/** The answer to a command or a submission (Socket.IO acknowledgement). */
export const ackSchema = z.union([z.object({ ok: z.literal(true), duplicate: z.boolean().optional() }), refusedAck]);
export type Ack = z.infer<typeof ackSchema>;

/** The channel's own refusal of that name, as the error event and the ack carry it. */
export function channelRefusal(
  name: "forbidden" | "rateLimited" | "invalidPayload" | "serverError" | "unknownCompetition",
): ErrorEvent {
  return { kind: LIVE_REFUSALS[name], code: `live.refusal.${name}` };
}

export type ServerToClientEvents = {
  snapshot: (event: SnapshotEvent) => void;
  update: (event: UpdateEvent) => void;
  control: (event: ControlView) => void;
  judge: (event: JudgeView) => void;
  error: (event: ErrorEvent) => void;
};
export type ClientToServerEvents = {
  join: (message: JoinMessage) => void;
  control: (message: ControlMessage, ack: (answer: Ack) => void) => void;
  submit: (message: SubmitMessage, ack: (answer: Ack) => void) => void;
};

/** Rooms: the public (serialized once per broadcast), the control room, the panel. */
export const competitionRoom = (slug: string) => `competition:${slug}`;
export const controlRoom = (slug: string) => `control:${slug}`;
export const panelRoom = (slug: string) => `panel:${slug}`;
