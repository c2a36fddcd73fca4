import { describe, expect, it } from "vitest";
import { OUTBOX_STATUSES as STORED_STATUSES } from "../../db/schema";
import {
  afterFailure,
  isPermanentSmtpFailure,
  mayApply,
  OUTBOX_STATUSES,
  outboxFilterSchema,
  retryDelayMs,
  shortError,
  type RetryPolicy,
} from "../../app/domain/outbox";

const policy: RetryPolicy = { baseMs: 30_000, capMs: 3_600_000, maxAttempts: 12 };
const now = new Date("2026-05-01T10:00:00.000Z");

describe("retrying a message the mail server did not take", () => {
  it("waits twice as long after each failure, between half and all of the step", () => {
    for (const [attempts, step] of [
      [1, 30_000],
      [2, 60_000],
      [3, 120_000],
      [6, 960_000],
    ] as const) {
      expect(retryDelayMs(attempts, policy, () => 0)).toBe(step / 2);
      expect(retryDelayMs(attempts, policy, () => 1)).toBe(step);
    }
  });

  it("never waits longer than the cap, however many failures", () => {
    expect(retryDelayMs(11, policy, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(1000, policy, () => 1)).toBe(3_600_000);
  });

  it("spreads the retries of many messages after one outage", () => {
    const waits = new Set(Array.from({ length: 50 }, () => retryDelayMs(4, policy)));
    expect(waits.size).toBeGreaterThan(40);
  });

  it("goes back to waiting with one more attempt and a later time", () => {
    const outcome = afterFailure(2, now, policy, { random: () => 0.5 });
    expect(outcome).toEqual({ status: "pending", attempts: 3, nextAttemptAt: new Date(now.getTime() + 90_000) });
  });

  it("is marked failed, not deleted, once the attempts are spent", () => {
    expect(afterFailure(10, now, policy).status).toBe("pending");
    expect(afterFailure(11, now, policy)).toMatchObject({ status: "failed", attempts: 12 });
  });

  it("gives up at once when the mail server refuses the message itself (5xx), not when it is away", () => {
    expect(isPermanentSmtpFailure(550)).toBe(true);
    expect(isPermanentSmtpFailure(421)).toBe(false);
    expect(isPermanentSmtpFailure(undefined)).toBe(false);
    expect(afterFailure(0, now, policy, { permanent: true })).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("keeps the reason short and on one line", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525\n  at x"), { name: "Error" });
    expect(shortError(error)).toBe("connect ECONNREFUSED 127.0.0.1:2525 at x");
    expect(shortError(new TypeError("x".repeat(500))).length).toBe(300);
    expect(shortError("")).toBe("unknown error");
  });
});

describe("what an organizer may do to a message", () => {
  it("retries a failed or cancelled one and cancels only one still waiting", () => {
    const retryable = OUTBOX_STATUSES.filter((s) => mayApply("retry", s));
    const cancellable = OUTBOX_STATUSES.filter((s) => mayApply("cancel", s));
    expect(retryable).toEqual(["failed", "cancelled"]);
    expect(cancellable).toEqual(["pending"]);
  });

  it("names the same statuses the database allows", () => {
    expect([...OUTBOX_STATUSES]).toEqual([...STORED_STATUSES]);
  });
});

describe("the outbox list's filters", () => {
  it("ignores a malformed filter instead of refusing the page", () => {
    expect(outboxFilterSchema.parse({ status: "lost", kind: "DROP TABLE", page: "-3" })).toEqual({ page: 1 });
    expect(outboxFilterSchema.parse({ status: "failed", kind: "password.reset", q: " Ana ", page: "2" })).toEqual({
      status: "failed",
      kind: "password.reset",
      q: "Ana",
      page: 2,
    });
  });
});
