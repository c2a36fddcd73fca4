// The outbox rows a worker takes and gives back. Taking is one UPDATE … RETURNING: SQLite runs it
// under its write lock, so two workers (or two processes) never hold the same message at once.
import type { Db } from "../../../db/client";
import { afterFailure, shortError, type RetryPolicy } from "../../domain/outbox";
import type { OutboxRow } from "./smtp.server";

/** What a worker that died while holding a message leaves behind, as the reason on the row. */
const ABANDONED = "the worker sending it stopped before the mail server answered";

/**
 * Takes the next due message: pending and due, or held by a worker whose lease has run out (it
 * died). It becomes `sending` until `leaseUntil`; a taken-back one counts as an attempt.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number): Promise<OutboxRow | undefined> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  return db
    .updateTable("outbox")
    .set((eb) => ({
      status: "sending",
      lease_until: leaseUntil,
      attempts: eb
        .case()
        .when("status", "=", "sending")
        .then(eb("attempts", "+", 1))
        .else(eb.ref("attempts"))
        .end(),
      last_error: eb.case().when("status", "=", "sending").then(ABANDONED).else(eb.ref("last_error")).end(),
    }))
    .where("id", "=", (eb) =>
      eb
        .selectFrom("outbox")
        .select("id")
        .where((w) =>
          w.or([
            w.and([w("status", "=", "pending"), w("next_attempt_at", "<=", at)]),
            w.and([w("status", "=", "sending"), w("lease_until", "<", at)]),
          ]),
        )
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(1),
    )
    .returningAll()
    .executeTakeFirst();
}

/** The mail server took it. Marked sent even if the lease ran out meanwhile: it did go. */
export async function markSent(db: Db, id: number, now: Date): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: now.toISOString(), lease_until: null, last_error: null })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/**
 * The send failed: back to pending with the next attempt's time, or failed for good. Only the
 * holder of this lease may say so (a worker that overran its lease has lost the message).
 */
export async function markFailed(
  db: Db,
  message: OutboxRow,
  error: unknown,
  now: Date,
  policy: RetryPolicy,
  permanent: boolean,
): Promise<void> {
  const outcome = afterFailure(message.attempts, now, policy, { permanent });
  await db
    .updateTable("outbox")
    .set({
      status: outcome.status,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt.toISOString(),
      last_error: shortError(error),
      lease_until: null,
    })
    .where("id", "=", message.id)
    .where("status", "=", "sending")
    .where("lease_until", "=", message.lease_until)
    .execute();
}
