// The outbox worker on a real SQLite and a real SMTP server, without HTTP: who holds a message
// (the lease), what a failed send leaves, and what goes over the wire.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDue } from "../../app/services/messages/claim.server";
import { enqueueMessage } from "../../app/services/messages/outbox.server";
import { renderEmail } from "../../app/services/messages/render.server";
import { createSmtpSender, type MailSender } from "../../app/services/messages/smtp.server";
import { createOutboxWorker } from "../../app/services/messages/worker.server";
import { servicesForThisFile } from "../support/services";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

const h = servicesForThisFile("empty");
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(() => smtp.close());

const now = new Date("2026-05-01T10:00:00.000Z");
const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();

async function queue(address: string, name = "Ana Lima") {
  const id = await h.db.db.transaction().execute((trx) =>
    enqueueMessage(trx, {
      kind: "password.reset",
      competitionId: null,
      to: { address, name },
      locale: "en",
      content: renderEmail("en", "Test Cup", { subject: "A note", heading: "Hello", paragraphs: ["Words."] }),
    }),
  );
  return id!;
}
const row = (id: number) =>
  h.one<{
    status: string;
    attempts: number;
    lease_until: string | null;
    last_error: string | null;
    next_attempt_at: string;
  }>("SELECT status, attempts, lease_until, last_error, next_attempt_at FROM outbox WHERE id = ?", id);
const set = (id: number, fields: string, ...params: unknown[]) =>
  h.db.sqlite.prepare(`UPDATE outbox SET ${fields} WHERE id = ?`).run(...params, id);

describe("who holds a message", () => {
  it("takes a due message once, and a sending one only when its worker's lease has run out", async () => {
    h.db.sqlite.prepare("DELETE FROM outbox").run();
    const due = await queue("due@example.org");
    const later = await queue("later@example.org");
    const live = await queue("live@example.org");
    const dead = await queue("dead@example.org");
    set(due, "next_attempt_at = ?", iso(-1000));
    set(later, "next_attempt_at = ?", iso(60_000));
    set(live, "status = 'sending', lease_until = ?", iso(30_000));
    set(dead, "status = 'sending', lease_until = ?, attempts = 2", iso(-1));

    const taken = [];
    for (let m = await claimDue(h.db.db, now, 60_000); m; m = await claimDue(h.db.db, now, 60_000)) taken.push(m.id);
    expect(taken.sort()).toEqual([due, dead].sort());
    expect(row(due)).toMatchObject({ status: "sending", attempts: 0, lease_until: iso(60_000) });
    // The one taken back from a worker that died counts as an attempt, with the reason.
    expect(row(dead)).toMatchObject({ status: "sending", attempts: 3, lease_until: iso(60_000) });
    expect(row(dead).last_error).toMatch(/stopped before the mail server answered/);
    expect(row(live)).toMatchObject({ status: "sending", lease_until: iso(30_000) });
    expect(row(later).status).toBe("pending");
  });
});

describe("the worker", () => {
  it("sends HTML and text with the stored Message-ID and the recipient's name, and marks the message sent", async () => {
    h.db.sqlite.prepare("DELETE FROM outbox").run();
    const id = await queue("ana@example.org");
    const worker = createOutboxWorker(h.db.db, {
      sender: createSmtpSender(smtp.url, "Test Cup <noreply@cup.test>"),
      pollMs: 50,
    });
    worker.start();
    const [mail] = await smtp.waitFor((m) => m.to.includes("ana@example.org"));
    await worker.stop();
    const stored = h.one<{ message_id: string; status: string; sent_at: string | null }>(
      "SELECT message_id, status, sent_at FROM outbox WHERE id = ?",
      id,
    );
    expect(stored.status).toBe("sent");
    expect(stored.sent_at).not.toBeNull();
    expect(mail!.messageId).toBe(stored.message_id);
    expect(mail!.subject).toBe("A note · Test Cup");
    expect(mail!.text).toContain("Words.");
    expect(mail!.html).toContain("<h1");
    expect((mail!.headers.get("to") as { value: { name: string }[] }).value[0]!.name).toBe("Ana Lima");
  });

  it("puts a failed send back with its reason and a later time, and gives up after the last attempt", async () => {
    h.db.sqlite.prepare("DELETE FROM outbox").run();
    const id = await queue("flaky@example.org");
    let calls = 0;
    const failing: MailSender = {
      send() {
        calls += 1;
        return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:1"));
      },
      close() {},
    };
    const worker = createOutboxWorker(h.db.db, {
      sender: failing,
      pollMs: 20,
      policy: { baseMs: 10, capMs: 40, maxAttempts: 3 },
    });
    worker.start();
    for (let i = 0; i < 200 && row(id).status !== "failed"; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(row(id)).toMatchObject({ status: "failed", attempts: 3, lease_until: null });
    expect(row(id).last_error).toBe("connect ECONNREFUSED 127.0.0.1:1");
    expect(calls).toBe(3);
  });

  it("finishes the message in flight when stopped, and takes no other", async () => {
    h.db.sqlite.prepare("DELETE FROM outbox").run();
    const first = await queue("first@example.org");
    const second = await queue("second@example.org");
    let release: () => void = () => {};
    const slow: MailSender = {
      send: () => new Promise<void>((resolve) => (release = resolve)),
      close() {},
    };
    const worker = createOutboxWorker(h.db.db, { sender: slow, pollMs: 20, concurrency: 1 });
    worker.start();
    for (let i = 0; i < 100 && row(first).status !== "sending"; i++) await new Promise((r) => setTimeout(r, 10));
    const stopped = worker.stop();
    release();
    await stopped;
    expect(row(first).status).toBe("sent");
    expect(row(second)).toMatchObject({ status: "pending", attempts: 0 });
  });
});
