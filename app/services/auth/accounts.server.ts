// The organizer's account administration: find accounts, set a password, unlock sign-in, disable or enable.
import { sql } from "kysely";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import { hashPassword } from "../passwords.server";
import { rolesOfUsers, userById } from "../queries/users.server";
import type { AuthDeps, SessionUser } from "./deps.server";
import { announce, endSessions } from "./sessions.server";

const noSuchUser = () => refuse.notFound("users.notFound");

/** Accounts by e-mail or name, newest first, with how many addresses are locked out of each. */
export async function searchUsers(deps: AuthDeps, text: string | undefined, limit = 50) {
  let q = deps.db
    .selectFrom("users as u")
    .select(["u.id", "u.email", "u.display_name", "u.disabled_at", "u.created_at"]);
  if (text) {
    // instr() matches the text as typed: no wildcard characters to escape.
    const needle = text.toLowerCase();
    q = q.where((eb) =>
      eb.or([
        eb(sql`instr(lower(u.email), ${needle})`, ">", 0),
        eb(sql`instr(lower(u.display_name), ${needle})`, ">", 0),
      ]),
    );
  }
  const users = await q.orderBy("u.id", "desc").limit(limit).execute();
  const roles = await rolesOfUsers(
    deps.db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
    lockedAddresses: deps.limits.lockedAddresses(u.email),
  }));
}

/** A new password for a user (handed over out of band); every open session ends. */
export async function resetPassword(
  deps: AuthDeps,
  actor: SessionUser,
  userId: number,
  password: string,
  reason: string,
): Promise<Outcome> {
  const hash = await hashPassword(password);
  const ended = await deps.db.transaction().execute(async (trx) => {
    if (!(await userById(trx, userId))) return noSuchUser();
    await trx.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).execute();
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "user.password_reset",
      subject_type: "user",
      subject_id: userId,
      reason,
    });
    return { ok: true as const, ended: await endSessions(deps, trx, { userId }, "password_changed") };
  });
  if (!ended.ok) return ended;
  announce(deps, ended.ended);
  return { ok: true };
}

/** Lets every address try this account again at once (a locked-out colleague on the day). */
export async function unlock(deps: AuthDeps, actor: SessionUser, userId: number, reason: string): Promise<Outcome> {
  const user = await userById(deps.db, userId);
  if (!user) return noSuchUser();
  deps.limits.unlock(user.email);
  await recordAudit(deps.db, {
    actor_user_id: actor.id,
    action: "user.unlocked",
    subject_type: "user",
    subject_id: userId,
    reason,
  });
  return { ok: true };
}

/** Disables or re-enables an account; a disabled user is signed out everywhere at once. */
export async function setDisabled(
  deps: AuthDeps,
  actor: SessionUser,
  userId: number,
  disabled: boolean,
  reason: string,
  now: Date,
): Promise<Outcome> {
  if (actor.id === userId) return refuse.forbidden("users.selfDisable");
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const before = await userById(trx, userId);
    if (!before) return noSuchUser();
    const disabledAt = disabled ? now.toISOString() : null;
    await trx.updateTable("users").set({ disabled_at: disabledAt }).where("id", "=", userId).execute();
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: disabled ? "user.disabled" : "user.enabled",
      subject_type: "user",
      subject_id: userId,
      before: JSON.stringify({ disabled_at: before.disabled_at }),
      after: JSON.stringify({ disabled_at: disabledAt }),
      reason,
    });
    return { ok: true as const, ended: disabled ? await endSessions(deps, trx, { userId }, "disabled") : null };
  });
  if (!outcome.ok) return outcome;
  announce(deps, outcome.ended);
  return { ok: true };
}
