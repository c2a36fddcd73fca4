// Invitation links: an organizer makes one for a judge or a partner's person, who opens it once to
// choose a password. The token is signed, expires, and stops working once a password is set.
import crypto from "node:crypto";
import { refuse, type Outcome } from "../../domain/refusal";
import { inTransaction } from "../db-helpers.server";
import { hashPassword } from "../passwords.server";
import { auditJudge, type JudgeDeps } from "./shared.server";
import type { SessionUser } from "../auth.server";

const INVITE_DAYS = 14;

export type Invite = { userId: number; email: string; name: string; passwordHash: string };

/**
 * An invitation link's token: the user, an expiry and a MAC over both and the current password
 * hash, so the link stops working once a password is set (single use) or when it expires.
 */
function inviteToken(secret: string, userId: number, passwordHash: string, expires: number): string {
  const body = `${userId}.${expires}`;
  const mac = crypto.createHmac("sha256", secret).update(`${body}.${passwordHash}`).digest("base64url");
  return `${body}.${mac}`;
}

/** A fresh invitation path for a user as their password stands now, and when it expires. */
export function freshInvite(deps: JudgeDeps, user: { id: number; password_hash: string }) {
  const expires = deps.clock().getTime() + INVITE_DAYS * 86_400_000;
  return { path: `/invite/${inviteToken(deps.secret, user.id, user.password_hash, expires)}`, expires };
}

/** The link an organizer sends a judge to choose a password (valid 14 days, once). */
export async function inviteLink(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  judgeId: number,
): Promise<Outcome<{ path: string }>> {
  const row = await deps.db
    .selectFrom("judges as j")
    .innerJoin("users as u", "u.id", "j.user_id")
    .where("j.id", "=", judgeId)
    .where("j.competition_id", "=", competitionId)
    .select(["u.id", "u.password_hash"])
    .executeTakeFirst();
  if (!row) return refuse.notFound("judges.notFound");
  const { path, expires } = freshInvite(deps, row);
  await auditJudge(
    deps.db,
    actor,
    { action: "judge.invited", subject: "judge", id: judgeId },
    { expires: new Date(expires).toISOString() },
  );
  return { ok: true, path };
}

/** Whom an invitation token is for, if it is genuine, unused and not expired. */
export async function checkInvite(deps: JudgeDeps, token: string): Promise<Invite | null> {
  const match = /^(\d+)\.(\d+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const [, userId, expires, mac] = match;
  if (Number(expires) < deps.clock().getTime()) return null;
  const user = await deps.db
    .selectFrom("users")
    .select(["id", "email", "display_name", "password_hash", "disabled_at"])
    .where("id", "=", Number(userId))
    .executeTakeFirst();
  if (!user || user.disabled_at) return null;
  const expected = inviteToken(deps.secret, user.id, user.password_hash, Number(expires)).split(".")[2]!;
  const a = Buffer.from(mac!);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
  return { userId: user.id, email: user.email, name: user.display_name, passwordHash: user.password_hash };
}

/**
 * Sets the password through the link and says where the person starts: judges at /judge, a
 * partner's people (who are not judges) at /partner. Refused when the link is no longer good.
 */
export async function acceptInvite(
  deps: JudgeDeps,
  token: string,
  password: string,
): Promise<Outcome<{ userId: number; landing: "/judge" | "/partner" }>> {
  const invite = await checkInvite(deps, token);
  if (!invite) return refuse.conflict("invite.invalid");
  const hash = await hashPassword(password);
  // Single use even when two tabs submit at the same moment: only the one that still finds
  // the hash the link was made for sets the password; the other is told the link is used.
  const accepted = await inTransaction(deps.db, async (trx) => {
    const set = await trx
      .updateTable("users")
      .set({ password_hash: hash })
      .where("id", "=", invite.userId)
      .where("password_hash", "=", invite.passwordHash)
      .executeTakeFirst();
    if (set.numUpdatedRows !== 1n) return null;
    // The judge is now reachable: the assignment may be limited to judges who accepted.
    const judges = await trx
      .updateTable("judges")
      .set({ accepted_at: deps.clock().toISOString() })
      .where("user_id", "=", invite.userId)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    await trx
      .updateTable("partner_people")
      .set({ accepted_at: deps.clock().toISOString() })
      .where("user_id", "=", invite.userId)
      .where("accepted_at", "is", null)
      .execute();
    await auditJudge(trx, null, { action: "user.invite_accepted", subject: "user", id: invite.userId }, null);
    const judge =
      judges.numUpdatedRows > 0n ||
      (await trx.selectFrom("judges").select("id").where("user_id", "=", invite.userId).executeTakeFirst());
    const partner = await trx
      .selectFrom("user_roles")
      .select("role")
      .where("user_id", "=", invite.userId)
      .where("role", "=", "partner")
      .executeTakeFirst();
    return judge || !partner ? ("/judge" as const) : ("/partner" as const);
  });
  return accepted ? { ok: true, userId: invite.userId, landing: accepted } : refuse.conflict("invite.invalid");
}
