// Every way the live final says no, once: each name with its kind. The code a refusal carries (in the
// service, on the wire, in the page) is `live.refusal.<name>`, an i18n key; both catalogues must have
// every name (en-live.ts checks it), so a new refusal cannot reach a screen untranslated.
import { refusalTable, type Refusal, type RefusalKind } from "./refusal";

/** A refusal's kind, plus `failed` for the channel's "the server could not carry that out". */
export type LiveRefusalKind = RefusalKind | "failed";

export const LIVE_REFUSALS = {
  // The control room's commands, decided by the pure domain (live-final.ts).
  notInFinal: "conflict",
  badOrder: "invalid",
  scoringInProgress: "conflict",
  noEntryOnStage: "conflict",
  notPitching: "conflict",
  notScoring: "conflict",
  tooFewMarks: "conflict",
  reasonRequired: "invalid",
  notClosed: "conflict",
  nothingToUndo: "conflict",
  alreadyFrozen: "conflict",
  notFrozen: "conflict",
  ceremonyOver: "conflict",
  ceremonyStarted: "conflict",
  ceremonyStepTaken: "conflict",
  staleControl: "conflict",
  judgeNotSubmitted: "invalid",
  timerRunning: "conflict",
  timerNotRunning: "conflict",
  votingUnchanged: "conflict",
  votingOpen: "conflict",
  noVotes: "conflict",
  // A judge's stage submission.
  notOnPanel: "forbidden",
  wrongEntry: "conflict",
  scoringClosed: "conflict",
  alreadySubmitted: "conflict",
  invalidMarks: "invalid",
  submissionKeyReused: "invalid",
  entryWithdrawn: "conflict",
  revisionReasonRequired: "invalid",
  // An audience vote.
  votingClosed: "conflict",
  alreadyVoted: "conflict",
  notAFinalist: "invalid",
  noDevice: "invalid",
  votesChanged: "conflict",
  // A rehearsal of the final.
  noRehearsal: "conflict",
  // The live service: starting the final, a competition by its slug.
  notStarted: "conflict",
  noRubric: "conflict",
  noPanel: "conflict",
  unknownCompetition: "not_found",
  // The channel itself: who may send what, how often, in which shape.
  forbidden: "forbidden",
  rateLimited: "rate_limited",
  invalidPayload: "invalid",
  serverError: "failed",
} as const satisfies Record<string, LiveRefusalKind>;

export type LiveRefusalName = keyof typeof LIVE_REFUSALS;
/** Said by a client itself, never by the server: no answer came in time. */
export const LIVE_CLIENT_REFUSALS = ["timeout"] as const;
export type LiveClientRefusalName = (typeof LIVE_CLIENT_REFUSALS)[number];

export type LiveRefusalCode = `live.refusal.${LiveRefusalName}`;
export const LIVE_REFUSAL_CODES = Object.keys(LIVE_REFUSALS).map((name) => `live.refusal.${name}`) as [
  LiveRefusalCode,
  ...LiveRefusalCode[],
];

/** The names a service or the domain may refuse with (the channel's `failed` is not a Refusal kind). */
type RefusableName = {
  [N in LiveRefusalName]: (typeof LIVE_REFUSALS)[N] extends RefusalKind ? N : never;
}[LiveRefusalName];

/** A Refusal whose code is one of the live final's. */
export type LiveRefusal = Refusal & { code: LiveRefusalCode };

const liveRefusal = refusalTable("live.refusal", LIVE_REFUSALS);

/** The refusal of that name, with its kind; `field`/`fields` place it in a form. */
export function refuseLive(
  name: RefusableName,
  at: { field?: string; fields?: Record<string, string[]> } = {},
): LiveRefusal {
  return liveRefusal(name, at);
}
