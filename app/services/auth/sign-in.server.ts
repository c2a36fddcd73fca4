// Signing in and signing up: the throttles first, one password check per attempt, refusals as `Refusal`s.
import { refuse, type Outcome } from "../../domain/refusal";
import { hashPassword, NO_PASSWORD, verifyPassword } from "../passwords.server";
import { accountByEmail, rolesOf } from "../queries/users.server";
import type { Locale } from "../../../db/schema";
import type { AuthDeps, SessionUser } from "./deps.server";

export type SignInResult = Outcome<{ user: SessionUser }>;
export type SignUpResult = Outcome<{ user: SessionUser }>;

const tooManyAttempts = (retryAfterSeconds: number) => refuse.rateLimited("auth.rateLimited", retryAfterSeconds);

/**
 * Checks a password. A wrong one and an unknown address are refused alike (invalid); a disabled
 * account is refused only once the password was right; too many failures are rate-limited.
 */
export async function signIn(
  deps: AuthDeps,
  input: { email: string; password: string },
  clientIp: string,
): Promise<SignInResult> {
  const allowed = await deps.limits.mayTrySignIn(input.email, clientIp);
  if (!allowed.ok) return tooManyAttempts(allowed.retryAfterSeconds);
  const user = await accountByEmail(deps.db, input.email);
  const usable = user !== undefined && user.password_hash !== NO_PASSWORD && user.password_hash.startsWith("scrypt$");
  const verified = await verifyPassword(input.password, usable ? user.password_hash : await deps.dummyHash);
  if (!usable || !verified) {
    await deps.limits.failedSignIn(input.email, clientIp);
    return refuse.invalid("auth.invalid");
  }
  if (user.disabled_at !== null) return refuse.forbidden("auth.disabled");
  deps.limits.succeededSignIn(input.email, clientIp);
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      roles: await rolesOf(deps.db, user.id),
    },
  };
}

/** A new entrant account; one transaction for the user and the role. A taken address is a conflict at `email`. */
export async function signUp(
  deps: AuthDeps,
  input: { email: string; password: string; displayName: string; locale: Locale },
  clientIp: string,
): Promise<SignUpResult> {
  const ip = await deps.limits.signUpFromIp(clientIp);
  if (!ip.ok) return tooManyAttempts(ip.retryAfterSeconds);
  const passwordHash = await hashPassword(input.password);
  const id = await deps.db.transaction().execute(async (trx) => {
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
  if (id === null) return refuse.conflict("auth.emailTaken", undefined, "email");
  return {
    ok: true,
    user: { id, email: input.email, displayName: input.displayName, locale: input.locale, roles: ["entrant"] },
  };
}
