// The outbox worker: takes due messages, a few at a time, and sends them through the mail server;
// a failure waits its backoff and is tried again, never lost. It runs beside the HTTP server and
// shares nothing with requests but the table: a request only inserts a row (enqueueMessage).
import type { Db } from "../../../db/client";
import { DEFAULT_RETRY_POLICY, isPermanentSmtpFailure, type RetryPolicy } from "../../domain/outbox";
import { claimDue, markFailed, markSent } from "./claim.server";
import type { MailSender, OutboxRow, SendError } from "./smtp.server";

export type OutboxWorkerOptions = {
  sender: MailSender;
  clock?: () => Date;
  policy?: RetryPolicy;
  /** Messages in flight at once. */
  concurrency?: number;
  /** How often the worker looks for due messages when nobody nudges it. */
  pollMs?: number;
  /** How long a taken message is held; past it, another worker may take it (this one died). */
  leaseMs?: number;
  log?: (line: string) => void;
};

export type OutboxWorker = {
  start(): void;
  /** Look now (a message was just queued) instead of at the next poll. */
  nudge(): void;
  /** Stops taking messages and resolves once the ones in flight are done. */
  stop(): Promise<void>;
};

export function createOutboxWorker(db: Db, options: OutboxWorkerOptions): OutboxWorker {
  const clock = options.clock ?? (() => new Date());
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const concurrency = options.concurrency ?? 2;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const log = options.log ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const rouse = () => {
    wake?.();
    wake = null;
  };

  async function deliver(message: OutboxRow) {
    try {
      await options.sender.send(message);
    } catch (error) {
      const permanent = isPermanentSmtpFailure((error as SendError).responseCode);
      log(`message ${message.id} (${message.kind}) not sent, attempt ${message.attempts + 1}: ${String(error)}`);
      await markFailed(db, message, error, clock(), policy, permanent);
      return;
    }
    await markSent(db, message.id, clock());
  }

  async function run() {
    while (running) {
      try {
        while (running && inFlight.size < concurrency) {
          const message = await claimDue(db, clock(), leaseMs);
          if (!message) break;
          const job = deliver(message)
            .catch((error: unknown) => log(`message ${message.id}: ${String(error)}`))
            .finally(() => {
              inFlight.delete(job);
              rouse();
            });
          inFlight.add(job);
        }
      } catch (error) {
        // The database was busy or closing: look again at the next poll.
        log(`outbox: ${String(error)}`);
      }
      if (!running) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    nudge: rouse,
    async stop() {
      running = false;
      rouse();
      await loop;
      await Promise.all([...inFlight]);
      options.sender.close();
    },
  };
}
