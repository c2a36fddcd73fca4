// Reminders to the judges who are behind in an open round (as the judging dashboard marks them):
// who would get one, with what they have done and what is left, and the send once the organizer
// confirmed that list. A judge gets at most one reminder per round per hour: the check reads the
// audit rows in the writing transaction, and the outbox's dedupe key holds even against a race.
import crypto from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Db } from "../../db/client";
import type { Database, Locale } from "../../db/schema";
import { refuse, type Outcome } from "../domain/refusal";
import { recordAudit } from "./audit.server";
import { organizerOnly } from "./organizer-only.server";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { judgeProgress, judgesWithPace } from "./judging-dashboard.server";
import { enqueueMessage } from "./messages/outbox.server";
import { messageSetting } from "./messages/setting.server";
import { judgeReminder } from "./messages/templates/judge-reminder.server";
import { wordsFor } from "./messages/templates/words.server";
import { existingRound } from "./queries/rounds.server";

export type ReminderDeps = { db: Db; clock: () => Date; publicOrigin: () => string };

const HOUR = 3_600_000;

type Behind = {
  judgeId: number;
  name: string;
  email: string;
  userId: number;
  locale: Locale;
  assigned: number;
  submitted: number;
  drafts: number;
  left: number;
  /** When the last reminder of this round went to them, if within the hour. */
  remindedAt: string | null;
};

/** The judges behind in the round, each with their address and their reminder of the last hour. */
async function judgesBehind(db: Db, roundId: number, now: Date): Promise<Behind[]> {
  const behind = judgesWithPace(await judgeProgress(db, roundId)).list.filter((j) => j.behind);
  if (behind.length === 0) return [];
  const ids = behind.map((j) => j.id);
  const since = new Date(now.getTime() - HOUR).toISOString();
  const [accounts, recent] = await Promise.all([
    db
      .selectFrom("judges as j")
      .innerJoin("users as u", "u.id", "j.user_id")
      .where("j.id", "in", ids)
      .where("u.disabled_at", "is", null)
      .select(["j.id", "u.id as userId", "u.email", "u.locale"])
      .execute(),
    db
      .selectFrom("audit_log")
      .where("action", "=", "judge.reminded")
      .where("subject_type", "=", "judge")
      .where("subject_id", "in", ids)
      .where(sql<number>`json_extract(after, '$.round')`, "=", roundId)
      .where("at", ">", since)
      .groupBy("subject_id")
      .select(["subject_id", sql<string>`max(at)`.as("at")])
      .execute(),
  ]);
  const account = new Map(accounts.map((a) => [a.id, a]));
  const reminded = new Map(recent.map((r) => [r.subject_id, r.at]));
  return behind.flatMap((j) => {
    const a = account.get(j.id);
    if (!a) return [];
    return [
      {
        judgeId: j.id,
        name: j.name,
        email: a.email,
        userId: a.userId,
        locale: a.locale,
        assigned: j.assigned,
        submitted: j.submitted,
        drafts: j.drafts,
        left: j.assigned - j.submitted,
        remindedAt: reminded.get(j.id) ?? null,
      },
    ];
  });
}

/** Names who the organizer saw on the list (not their counts: judges keep scoring meanwhile). */
function fingerprintOf(list: readonly Behind[]): string {
  const body = list.map((j) => j.judgeId).join(",");
  return crypto.createHash("sha256").update(body).digest("base64url").slice(0, 22);
}

/** Who would get a reminder now (name, done of assigned, what is left) and who was reminded within the hour. */
export async function reminderPreview(deps: ReminderDeps, actor: SessionUser, roundId: number) {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const round = await existingRound(deps.db, roundId);
  const now = deps.clock();
  const list = round.status === "open" ? await judgesBehind(deps.db, roundId, now) : [];
  const recipients = list.filter((j) => !j.remindedAt);
  const shown = ({ judgeId, name, assigned, submitted, drafts, left }: Behind) => ({
    judgeId,
    name,
    assigned,
    submitted,
    drafts,
    left,
  });
  return {
    ok: true as const,
    open: round.status === "open",
    recipients: recipients.map(shown),
    recent: list
      .filter((j) => j.remindedAt)
      .map((j) => ({ ...shown(j), nextAt: new Date(new Date(j.remindedAt!).getTime() + HOUR).toISOString() })),
    fingerprint: fingerprintOf(recipients),
  };
}

/**
 * Sends each judge on the confirmed list a reminder with what is left and a link to /judge/<round>,
 * in one transaction, audited per judge (the hourly limit reads those rows). Refused when the round
 * is not open, when nobody may be reminded, or when the list changed since the preview.
 */
export async function sendReminders(
  deps: ReminderDeps,
  actor: SessionUser,
  roundId: number,
  fingerprint: string,
): Promise<Outcome<{ sent: number }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const now = deps.clock();
  return inTransaction(deps.db, async (trx) => {
    const round = await existingRound(trx, roundId);
    if (round.status !== "open") return refuse.conflict("messages.remind.notOpen");
    const recipients = (await judgesBehind(trx, roundId, now)).filter((j) => !j.remindedAt);
    if (recipients.length === 0) return refuse.conflict("messages.remind.nobody");
    if (fingerprintOf(recipients) !== fingerprint) return refuse.conflict("messages.remind.changed");
    const setting = await messageSetting(trx, round.competition_id, deps.publicOrigin());
    const hour = Math.floor(now.getTime() / HOUR);
    for (const j of recipients) {
      const words = wordsFor(j.locale, setting);
      await enqueueMessage(trx as Transaction<Database>, {
        kind: "judge.reminder",
        competitionId: round.competition_id,
        to: { address: j.email, name: j.name, userId: j.userId },
        locale: j.locale,
        content: words.render(judgeReminder(words, { ...j, round })),
        dedupeKey: `judge.reminder:${roundId}:${j.judgeId}:${hour}`,
      });
      await recordAudit(trx, {
        at: now.toISOString(),
        actor_user_id: actor.id,
        action: "judge.reminded",
        subject_type: "judge",
        subject_id: j.judgeId,
        after: JSON.stringify({ round: roundId, submitted: j.submitted, assigned: j.assigned }),
      });
    }
    return { ok: true, sent: recipients.length };
  });
}
