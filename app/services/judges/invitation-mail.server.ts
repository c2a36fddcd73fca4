// Invitations by e-mail: who would get one (every judge of the edition who has not accepted, the
// first-time ones told apart from re-sends), the bulk send once the organizer confirmed that list,
// and one judge's (re-)send. Each message carries a fresh single-use link (invites.server.ts) and is
// written to the outbox in the transaction that audits it. Judges who accepted never get one.
import crypto from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { Db } from "../../../db/client";
import type { Database } from "../../../db/schema";
import { refuse, type Outcome } from "../../domain/refusal";
import { organizerOnly } from "../organizer-only.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { enqueueMessage } from "../messages/outbox.server";
import { messageSetting } from "../messages/setting.server";
import { judgeInvitation } from "../messages/templates/judge-invitation.server";
import { wordsFor, type MessageSetting } from "../messages/templates/words.server";
import { freshInvite } from "./invites.server";
import { auditJudge, type JudgeDeps } from "./shared.server";

export type InvitationDeps = JudgeDeps & { publicOrigin: () => string };

/** The judge's account and the last time they were invited (a link made or an invitation sent). */
function judgesWithInvitations(db: Db, competitionId: number) {
  return db
    .selectFrom("judges as j")
    .innerJoin("users as u", "u.id", "j.user_id")
    .where("j.competition_id", "=", competitionId)
    .select((eb) => [
      "j.id as judgeId",
      "j.name",
      "j.accepted_at as acceptedAt",
      "u.id as userId",
      "u.email",
      "u.locale",
      "u.password_hash as passwordHash",
      "u.disabled_at as disabledAt",
      eb
        .selectFrom("audit_log as l")
        .whereRef("l.subject_id", "=", "j.id")
        .where("l.subject_type", "=", "judge")
        .where("l.action", "=", "judge.invited")
        .select(sql<number | null>`max(l.id)`.as("m"))
        .as("lastInvitedId"),
      eb
        .selectFrom("audit_log as l")
        .whereRef("l.subject_id", "=", "j.id")
        .where("l.subject_type", "=", "judge")
        .where("l.action", "=", "judge.invited")
        .select(sql<string | null>`max(l.at)`.as("m"))
        .as("lastInvitedAt"),
    ])
    .orderBy("j.name")
    .orderBy("j.id");
}
type Candidate = Awaited<ReturnType<ReturnType<typeof judgesWithInvitations>["execute"]>>[number];

/** Who the bulk send reaches: not accepted, account enabled. */
function waiting(db: Db, competitionId: number) {
  return judgesWithInvitations(db, competitionId)
    .where("j.accepted_at", "is", null)
    .where("u.disabled_at", "is", null)
    .execute();
}

/** Names the list the organizer saw: any judge added, accepting or invited since changes it. */
function fingerprintOf(list: readonly Candidate[]): string {
  const body = list.map((c) => `${c.judgeId}:${c.lastInvitedId ?? 0}`).join(",");
  return crypto.createHash("sha256").update(body).digest("base64url").slice(0, 22);
}

const shown = (c: Candidate) => ({
  judgeId: c.judgeId,
  name: c.name,
  email: c.email,
  lastInvitedAt: c.lastInvitedAt ?? null,
});

/** Who "send invitations" would reach now, first-time and re-sends apart, and the list's fingerprint. */
export async function invitationPreview(deps: InvitationDeps, actor: SessionUser, competitionId: number) {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const list = await waiting(deps.db, competitionId);
  return {
    ok: true as const,
    count: list.length,
    fresh: list.filter((c) => c.lastInvitedId === null).map(shown),
    again: list.filter((c) => c.lastInvitedId !== null).map(shown),
    fingerprint: fingerprintOf(list),
  };
}

/** One invitation written to the outbox, with its audit row (one per judge: see sendInvitations). */
async function sendOne(trx: Db, deps: InvitationDeps, actor: SessionUser, setting: MessageSetting, c: Candidate) {
  const invite = freshInvite(deps, { id: c.userId, password_hash: c.passwordHash });
  const expiresAt = new Date(invite.expires).toISOString();
  const words = wordsFor(c.locale, setting);
  const content = judgeInvitation(words, { name: c.name, email: c.email, path: invite.path, expiresAt });
  await enqueueMessage(trx as Transaction<Database>, {
    kind: "judge.invitation",
    competitionId: setting.competitionId,
    to: { address: c.email, name: c.name, userId: c.userId },
    locale: c.locale,
    content: words.render(content),
    // The same judge invited twice from the same list would be a duplicate.
    dedupeKey: `judge.invitation:${c.judgeId}:${c.lastInvitedId ?? 0}`,
  });
  await auditJudge(
    trx,
    actor,
    { action: "judge.invited", subject: "judge", id: c.judgeId },
    { expires: expiresAt, via: "email", to: c.email, resend: c.lastInvitedId !== null },
  );
}

/**
 * Sends an invitation to every judge on the list the organizer confirmed (its fingerprint), in one
 * transaction. Refused when the list changed since (a double click finds it changed: the first
 * click invited them all). Audited per judge: a judge's page and the re-send count read their own
 * "judge.invited" rows, the same rows a hand-made link writes.
 */
export async function sendInvitations(
  deps: InvitationDeps,
  actor: SessionUser,
  competitionId: number,
  fingerprint: string,
): Promise<Outcome<{ sent: number; again: number }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const list = await waiting(trx, competitionId);
    if (list.length === 0) return refuse.conflict("messages.invite.none");
    if (fingerprintOf(list) !== fingerprint) return refuse.conflict("messages.invite.changed");
    const setting = await messageSetting(trx, competitionId, deps.publicOrigin());
    for (const c of list) await sendOne(trx, deps, actor, setting, { ...c });
    return { ok: true, sent: list.length, again: list.filter((c) => c.lastInvitedId !== null).length };
  });
}

/** The judge's last invitation, for their page (and the re-send form's guard against a double click). */
export async function invitationState(deps: InvitationDeps, competitionId: number, judgeId: number) {
  const row = await judgesWithInvitations(deps.db, competitionId).where("j.id", "=", judgeId).executeTakeFirst();
  return row ? { lastInvitedId: row.lastInvitedId ?? 0, lastInvitedAt: row.lastInvitedAt ?? null } : null;
}

/**
 * E-mails one judge an invitation (first or again). Refused for a judge who accepted or whose
 * account is disabled, and when another invitation went since the page was read (`lastSeen`).
 */
export async function resendInvitation(
  deps: InvitationDeps,
  actor: SessionUser,
  competitionId: number,
  judgeId: number,
  lastSeen: number,
): Promise<Outcome<{ email: string }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const c = await judgesWithInvitations(trx, competitionId).where("j.id", "=", judgeId).executeTakeFirst();
    if (!c) return refuse.notFound("judges.notFound");
    if (c.acceptedAt) return refuse.conflict("messages.invite.accepted");
    if (c.disabledAt) return refuse.conflict("messages.invite.disabled");
    if ((c.lastInvitedId ?? 0) !== lastSeen) return refuse.conflict("messages.invite.justSent");
    await sendOne(trx, deps, actor, await messageSetting(trx, competitionId, deps.publicOrigin()), c);
    return { ok: true, email: c.email };
  });
}
