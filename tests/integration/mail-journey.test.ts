// Every kind of message, from the change that causes it to a real SMTP server: judge invitations,
// reminders, an entrant's receipt, the outcomes of a published round and a password reset, each
// received by the right people, in their language, with links that work, and none twice. The
// services and the outbox worker run in the test process over a copy of the demo database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { createServices, type Services } from "../../app/services/index.server";
import { createSmtpSender } from "../../app/services/messages/smtp.server";
import { createOutboxWorker, type OutboxWorker } from "../../app/services/messages/worker.server";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { entryFormInput } from "../support/entry-form";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "../support/smtp";

const ORIGIN = "https://frontier.example.org";
const FROM = "ZGC Frontier <noreply@frontier.example.org>";
let now = new Date("2026-06-01T08:00:00.000Z");
let db: TestDatabase;
let services: Services;
let smtp: TestSmtp;
let worker: OutboxWorker;
let organizer: SessionUser;
let competitionId = 0;

const one = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => db.sqlite.prepare(sql).all(...params) as T[];
const userOf = (email: string, role: "organizer" | "entrant" | "judge"): SessionUser => {
  const u = one<{ id: number; display_name: string }>("SELECT id, display_name FROM users WHERE email = ?", email);
  return { id: u.id, email, displayName: u.display_name, locale: "en", roles: [role] };
};
/** Waits until every message of a kind has gone, and returns what the mail server received of it. */
async function delivered(kind: string): Promise<ReceivedMail[]> {
  const ids = all<{ message_id: string }>("SELECT message_id FROM outbox WHERE kind = ?", kind).map(
    (r) => r.message_id,
  );
  expect(ids.length).toBeGreaterThan(0);
  const wanted = new Set(ids);
  try {
    return await smtp.waitFor((m) => wanted.has(m.messageId), ids.length, 60_000);
  } catch (error) {
    // Say what the outbox holds: a message that did not arrive is still there, with its last error.
    const stuck = all(
      "SELECT to_address, status, attempts, last_error FROM outbox WHERE kind = ? AND status <> 'sent'",
      kind,
    );
    throw new Error(`${String(error)}; not sent: ${JSON.stringify(stuck.slice(0, 5))}`);
  }
}
const linkIn = (mail: ReceivedMail, path: string) => {
  const match = new RegExp(`${ORIGIN}(${path}[^\\s"<]*)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
  return match[1]!;
};

beforeAll(async () => {
  db = createTestDatabase("demo");
  smtp = await startTestSmtp();
  services = createServices(db.db, {
    sessionSecret: "s".repeat(32),
    clock: () => now,
    publicOrigin: ORIGIN,
    resetAnswerFloorMs: 0,
  });
  worker = createOutboxWorker(db.db, { sender: createSmtpSender(smtp.url, FROM), concurrency: 8, pollMs: 50 });
  worker.start();
  organizer = userOf("organizer@frontier.demo", "organizer");
  competitionId = one<{ id: number }>("SELECT id FROM competitions WHERE slug = 'zgc2026'").id;
});
afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await db?.remove();
});

describe("messages through a real mail server", { timeout: 30_000 }, () => {
  it("brings every judge who has not accepted an invitation in their language, with a link that works once", async () => {
    const preview = await services.judges.invitationPreview(organizer, competitionId);
    if (!preview.ok) throw new Error(preview.code);
    expect(await services.judges.sendInvitations(organizer, competitionId, preview.fingerprint)).toMatchObject({
      ok: true,
      sent: preview.count,
    });
    const mails = await delivered("judge.invitation");
    const judges = all<{ email: string; locale: string; name: string }>(
      `SELECT u.email, u.locale, j.name FROM judges j JOIN users u ON u.id = j.user_id
       WHERE j.competition_id = ? AND j.accepted_at IS NULL AND u.disabled_at IS NULL`,
      competitionId,
    );
    expect(mails.flatMap((m) => m.to).sort()).toEqual(judges.map((j) => j.email).sort());
    for (const locale of ["en", "zh-Hans"]) {
      const judge = judges.find((j) => j.locale === locale);
      if (!judge) continue;
      const mail = mails.find((m) => m.to.includes(judge.email))!;
      expect(mail.subject).toContain(locale === "en" ? "You are invited to judge" : "诚邀您担任评委");
      expect(mail.html).toContain(`${ORIGIN}/invite/`);
      expect(mail.from).toBe("noreply@frontier.example.org");
    }
    const mail = mails[0]!;
    const token = linkIn(mail, "/invite/").slice("/invite/".length);
    expect(await services.judges.acceptInvite(token, "a-new-judge-password")).toMatchObject({ ok: true });
    expect(await services.judges.acceptInvite(token, "a-new-judge-password")).toMatchObject({ ok: false });
  });

  it("reminds the judges who are behind, each with what is left and the link to the round", async () => {
    const roundId = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'").id;
    const preview = await services.judgingDashboard.reminderPreview(organizer, roundId);
    if (!preview.ok) throw new Error(preview.code);
    await services.judgingDashboard.sendReminders(organizer, roundId, preview.fingerprint);
    const mails = await delivered("judge.reminder");
    expect(mails).toHaveLength(preview.recipients.length);
    const first = preview.recipients[0]!;
    const address = one<{ email: string }>(
      "SELECT u.email FROM judges j JOIN users u ON u.id = j.user_id WHERE j.id = ?",
      first.judgeId,
    ).email;
    const mine = mails.find((m) => m.to.includes(address))!;
    expect(linkIn(mine, "/judge/")).toBe("/judge/domain");
    expect(mine.text).toContain(String(first.assigned));
  });

  it("sends the entrant a receipt when they submit, with the code and the link to the entry", async () => {
    const entrant = userOf("entrant@frontier.demo", "entrant");
    const form = entryFormInput({
      intent: "submit",
      titleEn: "Trapped-ion clocks for Graz",
      summaryEn: "Optical clocks small enough for a rack.",
      organization: "Graz Ionics GmbH",
      country: "AT",
      contactName: "Anna Huber",
      contactEmail: entrant.email,
      team: [{ name: "Anna Huber", role: "CEO" }],
    });
    const created = await services.registration.create(
      entrant,
      (await services.competitions.byId(competitionId))!,
      form,
    );
    if (!created.ok) throw new Error(created.code);
    const [receipt, ...more] = await delivered("entry.receipt");
    expect(more).toHaveLength(0);
    expect(receipt!.to).toEqual([entrant.email]);
    expect(receipt!.subject).toContain(created.entry.code);
    expect(linkIn(receipt!, "/me/entries/")).toBe(`/me/entries/${created.entry.id}`);
  });

  it("tells every entrant of a published round their outcome and rank, in their language", async () => {
    const domainId = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'").id;
    const finalId = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'final'").id;
    now = new Date("2026-12-01T08:00:00.000Z");
    // The final's panel is not seated in this copy, so publishing may fill the final.
    db.sqlite.prepare("DELETE FROM assignments WHERE round_id = ?").run(finalId);
    expect(await services.rounds.setStatus(organizer, competitionId, "domain", "closed", null, true)).toEqual({
      ok: true,
    });
    const plan = (await services.resultsAdmin.publishPreview(domainId))!;
    const done = await services.resultsAdmin.publish(organizer, domainId, {
      checked: true,
      confirmNext: true,
      typedCount: String(plan.pending.drafts + plan.pending.missing),
      reason: "The jury closed the round short",
      fingerprint: plan.fingerprint,
    });
    expect(done).toMatchObject({ ok: true, emailed: plan.emailed });
    const mails = await delivered("round.outcome");
    expect(mails).toHaveLength(plan.emailed);

    const finalist = one<{ code: string; contact_email: string; rank: number }>(
      `SELECT e.code, e.contact_email, r.rank FROM round_entries re JOIN entries e ON e.id = re.entry_id
       JOIN results r ON r.round_id = re.round_id AND r.entry_id = re.entry_id
       WHERE re.round_id = ? AND re.state = 'advanced' AND e.entrant_user_id IS NULL ORDER BY e.id LIMIT 1`,
      domainId,
    );
    const theirs = mails.find((m) => m.to.includes(finalist.contact_email) && m.text.includes(finalist.code))!;
    expect(theirs.subject).toContain(`${finalist.code} 入围总决赛`);
    expect(theirs.text).toMatch(new RegExp(`第 ${finalist.rank} 名（共 \\d+ 件）`));
    expect(linkIn(theirs, "/c/")).toBe("/c/zgc2026/results/domain");
  }, 120_000);

  it("sends a password link that sets a new password once, in the account's language", async () => {
    const judge = one<{ email: string; locale: string }>(
      "SELECT u.email, u.locale FROM users u WHERE u.email = 'judge@frontier.demo'",
    );
    expect(await services.passwordResets.request(judge.email, "127.0.0.1")).toMatchObject({ ok: true });
    const [mail] = await delivered("password.reset");
    expect(mail!.to).toEqual([judge.email]);
    expect(mail!.subject).toContain(judge.locale === "en" ? "password" : "密码");
    const token = linkIn(mail!, "/reset-password/").slice("/reset-password/".length);
    const request = () => new Request(`${ORIGIN}/reset-password/${token}`, { method: "POST" });
    expect(await services.passwordResets.complete(request(), token, "a-brand-new-password")).toMatchObject({
      ok: true,
    });
    expect(await services.passwordResets.complete(request(), token, "another-new-password")).toMatchObject({
      ok: false,
    });
  });

  it("delivered each message exactly once, with the Message-ID the outbox gave it", () => {
    const sent = all<{ message_id: string; status: string }>("SELECT message_id, status FROM outbox");
    expect(sent.every((m) => m.status === "sent")).toBe(true);
    const received = smtp.received.map((m) => m.messageId);
    expect(new Set(received).size).toBe(received.length);
    expect(new Set(received)).toEqual(new Set(sent.map((m) => m.message_id)));
  });
});
