// What the partner use cases share: their dependencies, the
// edition's vocabulary for the profile schema, and storing one partner with its first person
// (used by the invitation and by the import, inside their transactions).
import type { Db } from "../../../db/client";
import { partnerColumns, type PartnerPersonInput, type PartnerProfileInput } from "../../domain/partner-profile";
import type { ProfileContext } from "../../domain/partner-profile";
import { isCountryCode } from "../../i18n/countries";
import { NO_PASSWORD } from "../passwords.server";

export type PartnerDeps = { db: Db; secret: string; clock: () => Date; publicOrigin: () => string };

/** The edition's track codes and the country check: what a profile is validated against. */
export async function profileContext(db: Db, competitionId: number): Promise<ProfileContext> {
  const tracks = await db.selectFrom("tracks").select("code").where("competition_id", "=", competitionId).execute();
  return { trackCodes: tracks.map((t) => t.code), isCountry: isCountryCode };
}

/** E-mail addresses of the people of this edition's partners (lower case). */
export async function partnerEmails(db: Db, competitionId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom("partner_people as pp")
    .innerJoin("partners as p", "p.id", "pp.partner_id")
    .innerJoin("users as u", "u.id", "pp.user_id")
    .where("p.competition_id", "=", competitionId)
    .select("u.email")
    .execute();
  return new Set(rows.map((r) => r.email.toLowerCase()));
}

/**
 * Stores a partner and its first person inside the caller's transaction: the person's account is
 * reused when the address has one (a judge may also stand for an investor), else made without a
 * password (the invitation sets it); it gains the `partner` role.
 */
export async function insertPartner(
  trx: Db,
  competitionId: number,
  profile: PartnerProfileInput,
  person: PartnerPersonInput,
): Promise<{ partnerId: number; userId: number }> {
  const existing = await trx
    .selectFrom("users")
    .select("id")
    .where("email", "=", person.personEmail)
    .executeTakeFirst();
  const user =
    existing ??
    (await trx
      .insertInto("users")
      .values({
        email: person.personEmail,
        password_hash: NO_PASSWORD,
        display_name: person.personName,
        locale: profile.country === "CN" ? "zh-Hans" : "en",
      })
      .returning("id")
      .executeTakeFirstOrThrow());
  await trx
    .insertInto("user_roles")
    .values({ user_id: user.id, role: "partner" })
    .onConflict((c) => c.doNothing())
    .execute();
  const partner = await trx
    .insertInto("partners")
    .values({ competition_id: competitionId, ...partnerColumns(profile) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx.insertInto("partner_people").values({ partner_id: partner.id, user_id: user.id }).execute();
  return { partnerId: partner.id, userId: user.id };
}
