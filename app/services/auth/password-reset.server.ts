// "Forgot password": a single-use link by e-mail, valid one hour, and setting the new password
// through it. The answer to a request is the same whether or not the address has an account.
import crypto from "node:crypto";
import type { Db } from "../../../db/client";
import type { Locale } from "../../../db/schema";
import { RESET_TOKEN, RESET_VALID_MS, resetTokenState, type ResetTokenState } from "../../domain/password-reset";
import { refuse, type Outcome } from "../../domain/refusal";
import { createI18n } from "../../i18n/config";
import { recordAudit } from "../audit.server";
import type { AuthService } from "../auth.server";
import { enqueueMessage } from "../messages/outbox.server";
import { renderEmail } from "../messages/render.server";
import { hashPassword } from "../passwords.server";
import { rolesOf } from "../queries/users.server";
import type { ResetLimits } from "./reset-limits.server";

export type PasswordResetDeps = {
  db: Db;
  auth: AuthService;
  limits: ResetLimits;
  clock: () => Date;
  /** Read when a link is written: the address listened on is known only once the server listens. */
  publicOrigin: () => string;
  onMessageQueued: () => void;
  /** Every request takes at least this long, so the time taken does not tell whether an account exists. */
  answerFloorMs: number;
};

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

function resetEmail(locale: Locale, link: string, address: string) {
  const t = createI18n(locale).t;
  return renderEmail(locale, null, {
    subject: t("mail.reset.subject"),
    heading: t("mail.reset.heading"),
    paragraphs: [t("mail.reset.intro", { email: address }), t("mail.reset.validity")],
    action: { label: t("mail.reset.action"), url: link },
    note: t("mail.reset.note"),
  });
}

/**
 * Asks for a link. A known, enabled account gets one (the token's hash stored, the message
 * queued in one transaction); every other address gets the same answer after the same work.
 */
export async function requestReset(deps: PasswordResetDeps, email: string, clientIp: string): Promise<Outcome> {
  const limit = await deps.limits.mayRequest(email, clientIp);
  if (!limit.ok) return refuse.rateLimited("mail.reset.rateLimited", limit.retryAfterSeconds);
  const started = Date.now();
  const now = deps.clock();
  const user = await deps.db
    .selectFrom("users")
    .select(["id", "email", "display_name", "locale", "disabled_at"])
    .where("email", "=", email)
    .executeTakeFirst();
  // Token and message are made for every request, so both paths do the same work before the write.
  const token = crypto.randomBytes(32).toString("base64url");
  const content = resetEmail(user?.locale ?? "en", `${deps.publicOrigin()}/reset-password/${token}`, email);
  if (user && user.disabled_at === null) {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("password_resets")
        .values({
          token_hash: hashToken(token),
          user_id: user.id,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + RESET_VALID_MS).toISOString(),
        })
        .execute();
      await enqueueMessage(trx, {
        kind: "password.reset",
        competitionId: null,
        to: { address: user.email, name: user.display_name, userId: user.id },
        locale: user.locale,
        content,
      });
    });
    deps.onMessageQueued();
  }
  const wait = deps.answerFloorMs - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return { ok: true };
}

async function tokenRow(db: Db, token: string) {
  if (!RESET_TOKEN.test(token)) return undefined;
  return (
    db
      .selectFrom("password_resets as r")
      .innerJoin("users as u", "u.id", "r.user_id")
      .select(["r.token_hash", "r.user_id", "r.expires_at", "r.used_at"])
      // A disabled account's link is as good as none.
      .where("u.disabled_at", "is", null)
      .where("r.token_hash", "=", hashToken(token))
      .executeTakeFirst()
  );
}

/** What the reset page shows for a link: the form, or why it no longer works. */
export async function tokenState(deps: PasswordResetDeps, token: string): Promise<ResetTokenState> {
  return resetTokenState(await tokenRow(deps.db, token), deps.clock());
}

const refusalOf: Record<Exclude<ResetTokenState, "valid">, () => ReturnType<typeof refuse.conflict>> = {
  used: () => refuse.conflict("mail.reset.used"),
  expired: () => refuse.conflict("mail.reset.expired"),
  unknown: () => refuse.notFound("mail.reset.unknown"),
};

/**
 * Sets the new password through a link: once (the token is taken by a conditional update, so two
 * tabs cannot both use it), every other link of the account dies, every session ends, and the
 * person is signed in afresh.
 */
export async function completeReset(
  deps: PasswordResetDeps,
  request: Request,
  token: string,
  password: string,
): Promise<Outcome<{ setCookie: string; roles: string[] }>> {
  const hash = await hashPassword(password);
  const now = deps.clock();
  const done = await deps.db.transaction().execute(async (trx) => {
    const row = await tokenRow(trx, token);
    const state = resetTokenState(row, now);
    if (state !== "valid" || !row) return refusalOf[state === "valid" ? "unknown" : state]();
    const taken = await trx
      .updateTable("password_resets")
      .set({ used_at: now.toISOString() })
      .where("token_hash", "=", row.token_hash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return refusalOf.used();
    await trx
      .updateTable("password_resets")
      .set({ used_at: now.toISOString() })
      .where("user_id", "=", row.user_id)
      .where("used_at", "is", null)
      .execute();
    await trx.updateTable("users").set({ password_hash: hash }).where("id", "=", row.user_id).execute();
    await recordAudit(trx, {
      actor_user_id: row.user_id,
      action: "user.password_reset_by_link",
      subject_type: "user",
      subject_id: row.user_id,
    });
    return {
      ok: true as const,
      userId: row.user_id,
      ended: await deps.auth.endSessionsOf(trx, row.user_id, "password_changed"),
    };
  });
  if (!done.ok) return done;
  deps.auth.announce(done.ended);
  const setCookie = await deps.auth.startSession(request, done.userId);
  return { ok: true, setCookie, roles: await rolesOf(deps.db, done.userId) };
}

export function createPasswordResetService(deps: PasswordResetDeps) {
  return {
    request: (email: string, clientIp: string) => requestReset(deps, email, clientIp),
    tokenState: (token: string) => tokenState(deps, token),
    complete: (request: Request, token: string, password: string) => completeReset(deps, request, token, password),
  };
}
