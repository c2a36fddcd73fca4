import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { Role } from "../../db/schema";
import { hashPassword, NO_PASSWORD, verifyPassword } from "./passwords.server";
import type { AuthRateLimits } from "./rate-limit.server";

export type SessionUser = { id: number; email: string; displayName: string; locale: "zh-Hans" | "en"; roles: Role[] };

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "disabled" | "rate_limited"; retryAfterSeconds?: number };

export type SignUpResult = { ok: true; user: SessionUser } | { ok: false; reason: "email_taken" | "rate_limited"; retryAfterSeconds?: number };

// A hash of a password nobody has, verified when the e-mail is unknown, so the answer takes as
// long for a missing account as for a wrong password.
let dummyHash: Promise<string> | undefined;

export function createAuthService(db: Db, options: { sessionSecret: string; secureCookies: boolean; limits: AuthRateLimits }) {
  const storage = createCookieSessionStorage<{ userId: number }>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: options.secureCookies,
      secrets: [options.sessionSecret],
      maxAge: 60 * 60 * 24 * 7,
    },
  });

  async function loadUser(where: { id: number } | { email: string }): Promise<(SessionUser & { passwordHash: string; disabled: boolean }) | undefined> {
    const row = await db
      .selectFrom("users")
      .select(["id", "email", "display_name", "locale", "password_hash", "disabled_at"])
      .$if("id" in where, (q) => q.where("id", "=", (where as { id: number }).id))
      .$if("email" in where, (q) => q.where("email", "=", (where as { email: string }).email))
      .executeTakeFirst();
    if (!row) return undefined;
    const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", row.id).execute();
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      roles: roles.map((r) => r.role).sort(),
      passwordHash: row.password_hash,
      disabled: row.disabled_at !== null,
    };
  }
  const toSessionUser = ({ id, email, displayName, locale, roles }: SessionUser): SessionUser => ({ id, email, displayName, locale, roles });

  return {
    /** The signed-in user, or null; a disabled account is signed out at its next request. */
    async currentUser(request: Request): Promise<SessionUser | null> {
      const session = await storage.getSession(request.headers.get("Cookie"));
      const userId = session.get("userId");
      if (typeof userId !== "number") return null;
      const user = await loadUser({ id: userId });
      if (!user || user.disabled) return null;
      return toSessionUser(user);
    },

    /** Sends anonymous visitors to sign in (and back), and refuses users without the role. */
    async requireUser(request: Request, role?: Role): Promise<SessionUser> {
      const user = await this.currentUser(request);
      if (!user) {
        const url = new URL(request.url);
        throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
      }
      if (role && !user.roles.includes(role)) throw new Response("Forbidden", { status: 403 });
      return user;
    },

    async signIn(input: { email: string; password: string }, clientIp: string): Promise<SignInResult> {
      const ip = await options.limits.attemptFromIp(clientIp);
      if (!ip.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: ip.retryAfterSeconds };
      const locked = await options.limits.accountLocked(input.email);
      if (!locked.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: locked.retryAfterSeconds };
      const user = await loadUser({ email: input.email });
      const valid = user
        ? user.passwordHash !== NO_PASSWORD && (await verifyPassword(input.password, user.passwordHash))
        : await verifyPassword(input.password, await (dummyHash ??= hashPassword("no account has this password")));
      if (!user || !valid) {
        await options.limits.failedSignIn(input.email);
        return { ok: false, reason: "invalid" };
      }
      if (user.disabled) return { ok: false, reason: "disabled" };
      await options.limits.succeededSignIn(input.email);
      return { ok: true, user: toSessionUser(user) };
    },

    /** A new entrant account; one transaction for the user and the role. */
    async signUp(input: { email: string; password: string; displayName: string; locale: "zh-Hans" | "en" }, clientIp: string): Promise<SignUpResult> {
      const ip = await options.limits.attemptFromIp(clientIp);
      if (!ip.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: ip.retryAfterSeconds };
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
        if (taken) return null;
        const { id } = await trx
          .insertInto("users")
          .values({ email: input.email, password_hash: passwordHash, display_name: input.displayName, locale: input.locale })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx.insertInto("user_roles").values({ user_id: id, role: "entrant" }).execute();
        return id;
      });
      if (id === null) return { ok: false, reason: "email_taken" };
      return { ok: true, user: toSessionUser((await loadUser({ id }))!) };
    },

    /** The Set-Cookie header that signs this user in. */
    async startSession(request: Request, userId: number): Promise<string> {
      const session = await storage.getSession(request.headers.get("Cookie"));
      session.set("userId", userId);
      return storage.commitSession(session);
    },

    async endSession(request: Request): Promise<string> {
      return storage.destroySession(await storage.getSession(request.headers.get("Cookie")));
    },

    /** Organizer: find accounts by e-mail or name, newest first. */
    async searchUsers(text: string | undefined, limit = 50) {
      let q = db.selectFrom("users as u").select(["u.id", "u.email", "u.display_name", "u.disabled_at", "u.created_at"]);
      if (text) {
        // instr() matches the text as typed: no wildcard characters to escape.
        const needle = text.toLowerCase();
        q = q.where((eb) => eb.or([eb(sql`instr(lower(u.email), ${needle})`, ">", 0), eb(sql`instr(lower(u.display_name), ${needle})`, ">", 0)]));
      }
      const users = await q.orderBy("u.id", "desc").limit(limit).execute();
      const roles = users.length
        ? await db.selectFrom("user_roles").select(["user_id", "role"]).where("user_id", "in", users.map((u) => u.id)).execute()
        : [];
      return users.map((u) => ({ ...u, roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role) }));
    },

    /** Organizer: set a new password for a user (the organizer hands it over out of band). */
    async resetPassword(actor: SessionUser, userId: number, password: string, reason: string): Promise<void> {
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("users").set({ password_hash: hash }).where("id", "=", userId).executeTakeFirstOrThrow();
        await trx
          .insertInto("audit_log")
          .values({ actor_user_id: actor.id, action: "user.password_reset", subject_type: "user", subject_id: userId, reason })
          .execute();
      });
    },

    /** Organizer: disable or re-enable an account; a disabled user is signed out at once. */
    async setDisabled(actor: SessionUser, userId: number, disabled: boolean, reason: string, now: Date): Promise<{ ok: true } | { ok: false; message: string }> {
      if (actor.id === userId) return { ok: false as const, message: "users.selfDisable" };
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom("users").select("disabled_at").where("id", "=", userId).executeTakeFirstOrThrow();
        const disabledAt = disabled ? now.toISOString() : null;
        await trx.updateTable("users").set({ disabled_at: disabledAt }).where("id", "=", userId).execute();
        await trx
          .insertInto("audit_log")
          .values({
            actor_user_id: actor.id,
            action: disabled ? "user.disabled" : "user.enabled",
            subject_type: "user",
            subject_id: userId,
            before: JSON.stringify({ disabled_at: before.disabled_at }),
            after: JSON.stringify({ disabled_at: disabledAt }),
            reason,
          })
          .execute();
      });
      return { ok: true as const };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
