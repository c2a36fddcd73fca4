// The outbox's rules without I/O: when a failed send is tried again (exponential backoff with
// jitter, up to a cap), when it gives up, which status an organizer may change to which, and the
// filters of the organizer's outbox list.
import { z } from "zod";
import { MESSAGE_KINDS } from "./message-kinds";

/** A message's life: waiting, held by a worker, delivered, given up on, or withdrawn (the CHECK in 0008). */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export type RetryPolicy = {
  /** The wait after the first failure; each further failure doubles it. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
  /** Sends tried before a message is marked failed (an organizer may then retry it). */
  maxAttempts: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, capMs: 60 * 60_000, maxAttempts: 12 };

/**
 * The wait before attempt `attempts + 1`, after `attempts` failures (1 or more). "Equal jitter":
 * half the exponential step is fixed and half random, so retries of many messages after one outage
 * spread out instead of arriving at the mail server together, yet none comes back too soon.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 40));
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(step / 2 + (step / 2) * random());
}

export type FailureOutcome =
  | { status: "pending"; attempts: number; nextAttemptAt: Date }
  | { status: "failed"; attempts: number; nextAttemptAt: Date };

/**
 * What a failed send leaves: tried again later, or failed for good once the attempts are spent or
 * the mail server refused the message itself (a permanent 5xx answer will not change by waiting).
 */
export function afterFailure(
  previousAttempts: number,
  now: Date,
  policy: RetryPolicy,
  options: { permanent?: boolean; random?: () => number } = {},
): FailureOutcome {
  const attempts = previousAttempts + 1;
  if (options.permanent || attempts >= policy.maxAttempts) return { status: "failed", attempts, nextAttemptAt: now };
  return {
    status: "pending",
    attempts,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, policy, options.random)),
  };
}

/** SMTP reply codes 5xx mean "do not send this again as it is"; 4xx and lost connections are worth retrying. */
export function isPermanentSmtpFailure(responseCode: number | undefined): boolean {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600;
}

/** The stored reason of a failure: one line, short enough to read in a table. */
export function shortError(error: unknown, max = 300): string {
  const text =
    error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  const line = text.replace(/\s+/g, " ").trim() || "unknown error";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * What an organizer may do to a message in each status: retry a failed one (or bring back a
 * cancelled one: cancelling is reversible until it is sent), cancel one still waiting.
 */
export const ORGANIZER_ACTIONS = ["retry", "cancel"] as const;
export type OrganizerAction = (typeof ORGANIZER_ACTIONS)[number];

export function mayApply(action: OrganizerAction, status: OutboxStatus): boolean {
  return action === "retry" ? status === "failed" || status === "cancelled" : status === "pending";
}

/** The status an organizer's action leads to. */
export const statusAfter: Record<OrganizerAction, OutboxStatus> = { retry: "pending", cancel: "cancelled" };

export const OUTBOX_PAGE_SIZE = 50;

/** The outbox list's query string; anything malformed means "no filter", so a shared link still opens. */
export const outboxFilterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  kind: z.enum(MESSAGE_KINDS).optional().catch(undefined),
  q: z.string().trim().max(254).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type OutboxFilter = z.infer<typeof outboxFilterSchema>;
