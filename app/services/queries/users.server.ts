// Queries about user accounts, one function each, the database (or the caller's transaction) first.
import type { Db } from "../../../db/client";
import type { Role } from "../../../db/schema";

/** A user's roles, sorted. */
export async function rolesOf(db: Db, userId: number): Promise<Role[]> {
  const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute();
  return roles.map((r) => r.role).sort();
}

/** The roles of several users, as (user, role) rows. */
export function rolesOfUsers(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("user_roles").select(["user_id", "role"]).where("user_id", "in", userIds).execute();
}

/** The account signing in with this e-mail, password hash and disabled mark included. */
export function accountByEmail(db: Db, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "locale", "password_hash", "disabled_at"])
    .where("email", "=", email)
    .executeTakeFirst();
}

/** A user by id: who it is and whether it is disabled. */
export function userById(db: Db, userId: number) {
  return db
    .selectFrom("users")
    .select(["id", "email", "display_name", "disabled_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
}
