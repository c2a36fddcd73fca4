// The first organizer of an installation (and any later one made from the command line): the
// account is created, or an existing one is given the organizer role, in one audited transaction.
import { z } from "zod";
import type { Db } from "../../../db/client";
import { email, newPassword } from "../../domain/account-schemas";
import { refuseParse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import { inTransaction } from "../db-helpers.server";
import { hashPassword } from "../passwords.server";

const name = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(120, { error: "validation.tooLong" });

/** A new account needs a name and a password; an existing one is only given the role. */
const newOrganizer = z.object({ email, name, password: newPassword });
const anyOrganizer = z.object({ email, name: name.optional(), password: newPassword.optional() });

export type OrganizerMade = Outcome<{ userId: number; created: boolean }>;

/** The account with this address, if there is one (the command asks for a password only when there is not). */
export async function accountIdOf(db: Db, address: string): Promise<number | null> {
  const parsed = email.safeParse(address);
  if (!parsed.success) return null;
  const row = await db.selectFrom("users").select("id").where("email", "=", parsed.data).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Creates an organizer account, or gives an existing account the organizer role. An existing
 * account keeps its name and password: promoting someone must not lock them out.
 */
export async function makeOrganizer(db: Db, raw: unknown): Promise<OrganizerMade> {
  const loose = anyOrganizer.safeParse(raw);
  if (!loose.success) return refuseParse(loose.error);
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom("users")
      .select(["id"])
      .where("email", "=", loose.data.email)
      .executeTakeFirst();
    let userId = existing?.id;
    if (userId === undefined) {
      const parsed = newOrganizer.safeParse(raw);
      if (!parsed.success) return refuseParse(parsed.error);
      const hash = await hashPassword(parsed.data.password);
      const inserted = await trx
        .insertInto("users")
        .values({ email: parsed.data.email, password_hash: hash, display_name: parsed.data.name })
        .executeTakeFirstOrThrow();
      userId = Number(inserted.insertId);
    }
    const input = loose.data;
    await trx
      .insertInto("user_roles")
      .values({ user_id: userId, role: "organizer" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(trx, {
      actor_user_id: null,
      action: existing ? "user.organizer_granted" : "user.organizer_created",
      subject_type: "user",
      subject_id: userId,
      after: JSON.stringify({ email: input.email, role: "organizer" }),
    });
    return { ok: true as const, userId, created: !existing };
  });
}

/** Whether the installation has anyone who can sign in and set it up. */
export async function hasOrganizer(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .where("r.role", "=", "organizer")
    .where("u.disabled_at", "is", null)
    .select("r.user_id")
    .executeTakeFirst();
  return row !== undefined;
}
