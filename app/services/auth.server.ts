import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { Role, SessionEndReason } from "../../db/schema";
import { safeRedirectPath } from "../domain/safe-redirect";
import { hashPassword, NO_PASSWORD, verifyPassword } from "./passwords.server";
import type { AuthRateLimits } from "./rate-limit.server";
import { recordAudit } from "./audit.server";

export type SessionUser = { id: number; email: string; displayName: string; locale: "zh-Hans" | "en"; roles: Role[] };

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "disabled" | "rate_limited"; retryAfterSeconds?: number };

export type SignUpResult =
  { ok: true; user: SessionUser } | { ok: false; reason: "email_taken" | "rate_limited"; retryAfterSeconds?: number };

/** Sessions that just ended, for whoever holds connections opened with them (the live hub). */
export type SessionsEnded = { sessionHashes: string[]; userId: number; reason: SessionEndReason };

const SESSION_DAYS = 7;

/** The stored form of a session id: a database copy never hands out a working cookie. */
export const hashSessionId = (id: string) => crypto.createHash("sha256").update(id).digest("base64url");

export function createAuthService(
  db: Db,
  options: { sessionSecret: string; secureCookies: boolean; limits: AuthRateLimits; clock: () => Date },
) {
  // The cookie holds a random session id, signed; the session itself lives in the database, so it
  // can be ended from the server (sign-out, a password reset, a disabled account).
  const cookie = createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: options.secureCookies,
    secrets: [options.sessionSecret],
    maxAge: 60 * 60 * 24 * SESSION_DAYS,
  });
  // Every sign-in verifies exactly one scrypt hash, whether or not the account exists or has a
  // password yet, so the time taken says nothing about the roster.
  const dummyHash = hashPassword(crypto.randomBytes(16).toString("hex"));
  const listeners = new Set<(ended: SessionsEnded) => void>();
  const nowIso = () => options.clock().toISOString();

  async function rolesOf(userId: number): Promise<Role[]> {
    const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute();
    return roles.map((r) => r.role).sort();
  }

  async function sessionIdOf(cookieHeader: string | null | undefined): Promise<string | null> {
    if (!cookieHeader) return null;
    const value: unknown = await cookie.parse(cookieHeader);
    return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }

  /** The user of a live session: not ended, not expired, account not disabled. */
  async function userOfSession(sessionHash: string): Promise<SessionUser | null> {
    const row = await db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select(["u.id", "u.email", "u.display_name", "u.locale"])
      .where("s.id_hash", "=", sessionHash)
      .where("s.revoked_at", "is", null)
      .where("s.expires_at", ">", nowIso())
      .where("u.disabled_at", "is", null)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      roles: await rolesOf(row.id),
    };
  }

  async function endSessions(
    trx: Db,
    where: { userId: number } | { sessionHash: string },
    reason: SessionEndReason,
  ): Promise<SessionsEnded | null> {
    let query = trx
      .updateTable("sessions")
      .set({ revoked_at: nowIso(), revoked_reason: reason })
      .where("revoked_at", "is", null);
    query =
      "userId" in where ? query.where("user_id", "=", where.userId) : query.where("id_hash", "=", where.sessionHash);
    const ended = await query.returning(["id_hash", "user_id"]).execute();
    if (!ended.length) return null;
    return { sessionHashes: ended.map((s) => s.id_hash), userId: ended[0]!.user_id, reason };
  }

  const announce = (ended: SessionsEnded | null) => {
    if (ended) for (const listener of listeners) listener(ended);
  };

  async function loadAccount(email: string) {
    return db
      .selectFrom("users")
      .select(["id", "email", "display_name", "locale", "password_hash", "disabled_at"])
      .where("email", "=", email)
      .executeTakeFirst();
  }

  return {
    /** The hashed session id a request (or a socket's handshake) carries, if its signature holds. */
    async sessionOf(cookieHeader: string | null | undefined): Promise<string | null> {
      const id = await sessionIdOf(cookieHeader);
      return id ? hashSessionId(id) : null;
    },

    /** Who holds this session now; re-read for every command a socket sends. */
    userOfSession,

    /** The signed-in user, or null; an ended session or a disabled account is nobody. */
    async currentUser(request: Request): Promise<SessionUser | null> {
      const hash = await this.sessionOf(request.headers.get("Cookie"));
      return hash ? userOfSession(hash) : null;
    },

    /** Sends anonymous visitors to sign in (and back), and refuses users without the role. */
    async requireUser(request: Request, role?: Role): Promise<SessionUser> {
      const user = await this.currentUser(request);
      if (!user) {
        const url = new URL(request.url);
        throw redirect(`/login?redirectTo=${encodeURIComponent(safeRedirectPath(url.pathname + url.search))}`);
      }
      if (role && !user.roles.includes(role)) throw new Response("Forbidden", { status: 403 });
      return user;
    },

    async signIn(input: { email: string; password: string }, clientIp: string): Promise<SignInResult> {
      const allowed = await options.limits.mayTrySignIn(input.email, clientIp);
      if (!allowed.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: allowed.retryAfterSeconds };
      const user = await loadAccount(input.email);
      const usable =
        user !== undefined && user.password_hash !== NO_PASSWORD && user.password_hash.startsWith("scrypt$");
      const verified = await verifyPassword(input.password, usable ? user.password_hash : await dummyHash);
      if (!usable || !verified) {
        await options.limits.failedSignIn(input.email, clientIp);
        return { ok: false, reason: "invalid" };
      }
      if (user.disabled_at !== null) return { ok: false, reason: "disabled" };
      options.limits.succeededSignIn(input.email, clientIp);
      return {
        ok: true,
        user: {
          id: user.id,
          email: user.email,
          displayName: user.display_name,
          locale: user.locale,
          roles: await rolesOf(user.id),
        },
      };
    },

    /** A new entrant account; one transaction for the user and the role. */
    async signUp(
      input: { email: string; password: string; displayName: string; locale: "zh-Hans" | "en" },
      clientIp: string,
    ): Promise<SignUpResult> {
      const ip = await options.limits.signUpFromIp(clientIp);
      if (!ip.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: ip.retryAfterSeconds };
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
        if (taken) return null;
        const { id } = await trx
          .insertInto("users")
          .values({
            email: input.email,
            password_hash: passwordHash,
            display_name: input.displayName,
            locale: input.locale,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.insertInto("user_roles").values({ user_id: id, role: "entrant" }).execute();
        return id;
      });
      if (id === null) return { ok: false, reason: "email_taken" };
      return {
        ok: true,
        user: { id, email: input.email, displayName: input.displayName, locale: input.locale, roles: ["entrant"] },
      };
    },

    /** The Set-Cookie header that signs this user in; a session the browser already had is ended (no fixation). */
    async startSession(request: Request, userId: number): Promise<string> {
      const previous = await this.sessionOf(request.headers.get("Cookie"));
      const id = crypto.randomBytes(32).toString("base64url");
      const now = options.clock();
      const ended = await db.transaction().execute(async (trx) => {
        const old = previous ? await endSessions(trx, { sessionHash: previous }, "signed_out") : null;
        // Keep the table small: a month after expiry a session is no use even to an audit.
        await trx
          .deleteFrom("sessions")
          .where("expires_at", "<", new Date(now.getTime() - 30 * 86_400_000).toISOString())
          .execute();
        await trx
          .insertInto("sessions")
          .values({
            id_hash: hashSessionId(id),
            user_id: userId,
            created_at: now.toISOString(),
            expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
            user_agent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
          })
          .execute();
        return old;
      });
      announce(ended);
      return cookie.serialize(id);
    },

    /** Signs out: the session ends on the server too, so a copied cookie stops working at once. */
    async endSession(request: Request): Promise<string> {
      const hash = await this.sessionOf(request.headers.get("Cookie"));
      if (hash) announce(await endSessions(db, { sessionHash: hash }, "signed_out"));
      return cookie.serialize("", { maxAge: 0, expires: new Date(0) });
    },

    /** Ends every session of a user inside the caller's transaction; call `announce` after it commits. */
    endSessionsOf: (trx: Db, userId: number, reason: SessionEndReason) => endSessions(trx, { userId }, reason),
    announce,

    /** Whoever must drop connections when sessions end. Returns the unsubscribe. */
    onSessionsEnded(listener: (ended: SessionsEnded) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Organizer: find accounts by e-mail or name, newest first, with how many addresses are locked out. */
    async searchUsers(text: string | undefined, limit = 50) {
      let q = db
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
      const roles = users.length
        ? await db
            .selectFrom("user_roles")
            .select(["user_id", "role"])
            .where(
              "user_id",
              "in",
              users.map((u) => u.id),
            )
            .execute()
        : [];
      return users.map((u) => ({
        ...u,
        roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
        lockedAddresses: options.limits.lockedAddresses(u.email),
      }));
    },

    /** Organizer: set a new password for a user (handed over out of band); every open session ends. */
    async resetPassword(actor: SessionUser, userId: number, password: string, reason: string): Promise<void> {
      const hash = await hashPassword(password);
      const ended = await db.transaction().execute(async (trx) => {
        await trx.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor_user_id: actor.id,
          action: "user.password_reset",
          subject_type: "user",
          subject_id: userId,
          reason,
        });
        return endSessions(trx, { userId }, "password_changed");
      });
      announce(ended);
    },

    /** Organizer: let every address try this account again at once (a locked-out colleague on the day). */
    async unlock(actor: SessionUser, userId: number, reason: string): Promise<void> {
      const user = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
      options.limits.unlock(user.email);
      await recordAudit(db, {
        actor_user_id: actor.id,
        action: "user.unlocked",
        subject_type: "user",
        subject_id: userId,
        reason,
      });
    },

    /** Organizer: disable or re-enable an account; a disabled user is signed out everywhere at once. */
    async setDisabled(
      actor: SessionUser,
      userId: number,
      disabled: boolean,
      reason: string,
      now: Date,
    ): Promise<{ ok: true } | { ok: false; message: string }> {
      if (actor.id === userId) return { ok: false as const, message: "users.selfDisable" };
      const ended = await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("users")
          .select("disabled_at")
          .where("id", "=", userId)
          .executeTakeFirstOrThrow();
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
        return disabled ? endSessions(trx, { userId }, "disabled") : null;
      });
      announce(ended);
      return { ok: true as const };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
