// Sessions: reading the cookie, who holds a session, starting and ending sessions, and telling listeners.
import crypto from "node:crypto";
import { redirect } from "@remix-run/node";
import type { Db } from "../../../db/client";
import type { Role, SessionEndReason } from "../../../db/schema";
import { safeRedirectPath } from "../../domain/safe-redirect";
import { rememberedLocale } from "../../i18n/locale.server";
import { rolesOf } from "../queries/users.server";
import { SESSION_DAYS, type AuthDeps, type SessionsEnded, type SessionUser } from "./deps.server";

/** The stored form of a session id: a database copy never hands out a working cookie. */
export const hashSessionId = (id: string) => crypto.createHash("sha256").update(id).digest("base64url");

async function sessionIdOf(deps: AuthDeps, cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const value: unknown = await deps.cookie.parse(cookieHeader);
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** The hashed session id a request (or a socket's handshake) carries, if its signature holds. */
export async function sessionOf(deps: AuthDeps, cookieHeader: string | null | undefined): Promise<string | null> {
  const id = await sessionIdOf(deps, cookieHeader);
  return id ? hashSessionId(id) : null;
}

/** The user of a live session: not ended, not expired, account not disabled. */
export async function userOfSession(deps: AuthDeps, sessionHash: string): Promise<SessionUser | null> {
  const row = await deps.db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select(["u.id", "u.email", "u.display_name", "u.locale"])
    .where("s.id_hash", "=", sessionHash)
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", deps.clock().toISOString())
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    roles: await rolesOf(deps.db, row.id),
  };
}

/** The signed-in user, or null; an ended session or a disabled account is nobody. */
export async function currentUser(deps: AuthDeps, request: Request): Promise<SessionUser | null> {
  const hash = await sessionOf(deps, request.headers.get("Cookie"));
  return hash ? userOfSession(deps, hash) : null;
}

/** Sends anonymous visitors to sign in (and back), and refuses users without the role. */
export async function requireUser(deps: AuthDeps, request: Request, role?: Role): Promise<SessionUser> {
  const user = await currentUser(deps, request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(safeRedirectPath(url.pathname + url.search))}`);
  }
  if (role && !user.roles.includes(role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

/** Ends the open sessions of a user, or one session, inside the caller's transaction. */
export async function endSessions(
  deps: AuthDeps,
  trx: Db,
  where: { userId: number } | { sessionHash: string },
  reason: SessionEndReason,
): Promise<SessionsEnded | null> {
  let query = trx
    .updateTable("sessions")
    .set({ revoked_at: deps.clock().toISOString(), revoked_reason: reason })
    .where("revoked_at", "is", null);
  query =
    "userId" in where ? query.where("user_id", "=", where.userId) : query.where("id_hash", "=", where.sessionHash);
  const ended = await query.returning(["id_hash", "user_id"]).execute();
  if (!ended.length) return null;
  return { sessionHashes: ended.map((s) => s.id_hash), userId: ended[0]!.user_id, reason };
}

/** Tells every listener about sessions that ended; call it after the ending transaction commits. */
export function announce(deps: AuthDeps, ended: SessionsEnded | null) {
  if (ended) for (const listener of deps.listeners) listener(ended);
}

/**
 * The Set-Cookie header that signs this user in; a session the browser already had is ended (no
 * fixation). A language chosen with the switch before signing in is stored on the account.
 */
export async function startSession(deps: AuthDeps, request: Request, userId: number): Promise<string> {
  const previous = await sessionOf(deps, request.headers.get("Cookie"));
  const chosen = await rememberedLocale(request);
  const id = crypto.randomBytes(32).toString("base64url");
  const now = deps.clock();
  const ended = await deps.db.transaction().execute(async (trx) => {
    const old = previous ? await endSessions(deps, trx, { sessionHash: previous }, "signed_out") : null;
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
    if (chosen) await trx.updateTable("users").set({ locale: chosen }).where("id", "=", userId).execute();
    return old;
  });
  announce(deps, ended);
  return deps.cookie.serialize(id);
}

/** Signs out: the session ends on the server too, so a copied cookie stops working at once. */
export async function endSession(deps: AuthDeps, request: Request): Promise<string> {
  const hash = await sessionOf(deps, request.headers.get("Cookie"));
  if (hash) announce(deps, await endSessions(deps, deps.db, { sessionHash: hash }, "signed_out"));
  return deps.cookie.serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Whoever must drop connections when sessions end. Returns the unsubscribe. */
export function onSessionsEnded(deps: AuthDeps, listener: (ended: SessionsEnded) => void): () => void {
  deps.listeners.add(listener);
  return () => deps.listeners.delete(listener);
}
