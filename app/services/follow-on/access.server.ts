// Who may see what in the follow-on services, asked in the service before any read: which partner a
// signed-in person acts for, which entries are in follow-on at all (those that reached the edition's
// needs round), and which of those a partner may see (their entrant consented). Every follow-on
// service calls these; a route's own check is never the only one.
import type { Db } from "../../../db/client";
import type { PartnerKind } from "../../domain/partner-vocabulary";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";

export type PartnerActor = { user: SessionUser; partnerId: number; kind: PartnerKind; competitionId: number };

/**
 * The partner a signed-in person acts for in an edition (the newest one they belong to when none is
 * named). Refused unless they hold the `partner` role and an enabled partner of that edition.
 */
export async function partnerActor(db: Db, user: SessionUser, competitionId?: number): Promise<Outcome<PartnerActor>> {
  if (!user.roles.includes("partner")) return refuse.forbidden("followOn.partnerOnly");
  let query = db
    .selectFrom("partner_people as pp")
    .innerJoin("partners as p", "p.id", "pp.partner_id")
    .where("pp.user_id", "=", user.id)
    .where("p.disabled_at", "is", null)
    .select(["p.id", "p.kind", "p.competition_id"])
    .orderBy("p.competition_id", "desc")
    .orderBy("p.id");
  if (competitionId !== undefined) query = query.where("p.competition_id", "=", competitionId);
  const row = await query.executeTakeFirst();
  if (!row) return refuse.forbidden("followOn.partnerOnly");
  return { ok: true, user, partnerId: row.id, kind: row.kind, competitionId: row.competition_id };
}

/** The round whose entries are in follow-on, or null while the organizers have not chosen one. */
export async function needsRoundId(db: Db, competitionId: number): Promise<number | null> {
  const row = await db
    .selectFrom("follow_on_settings")
    .where("competition_id", "=", competitionId)
    .select("needs_round_id")
    .executeTakeFirst();
  return row?.needs_round_id ?? null;
}

/**
 * Entry ids a partner of this edition may see: in the needs round (not eliminated before it),
 * not withdrawn or disqualified, and consenting. The one definition of "visible to partners".
 */
export function consentingEntries(db: Db, competitionId: number) {
  return db
    .selectFrom("entries as e")
    .innerJoin("follow_on_settings as s", "s.competition_id", "e.competition_id")
    .innerJoin("round_entries as re", (j) =>
      j.onRef("re.round_id", "=", "s.needs_round_id").onRef("re.entry_id", "=", "e.id"),
    )
    .innerJoin("entry_needs as n", "n.entry_id", "e.id")
    .where("e.competition_id", "=", competitionId)
    .where("e.status", "=", "submitted")
    .where("n.consented_at", "is not", null);
}

/** Whether one entry is visible to the partners of its edition; a refusal that reads as "no such entry" otherwise. */
export async function visibleToPartner(db: Db, actor: PartnerActor, entryId: number): Promise<Outcome> {
  const row = await consentingEntries(db, actor.competitionId)
    .where("e.id", "=", entryId)
    .select("e.id")
    .executeTakeFirst();
  return row ? { ok: true } : refuse.notFound("followOn.entryNotFound");
}

/**
 * The entry an entrant acts for in follow-on: their own, and in the needs round. Organizers may
 * act for any entry (they answer for entrants who asked them to).
 */
export async function entrantEntry(
  db: Db,
  user: SessionUser,
  entryId: number,
): Promise<Outcome<{ entryId: number; competitionId: number }>> {
  const row = await db
    .selectFrom("entries as e")
    .innerJoin("follow_on_settings as s", "s.competition_id", "e.competition_id")
    .innerJoin("round_entries as re", (j) =>
      j.onRef("re.round_id", "=", "s.needs_round_id").onRef("re.entry_id", "=", "e.id"),
    )
    .where("e.id", "=", entryId)
    .where("e.status", "=", "submitted")
    .select(["e.id", "e.competition_id", "e.entrant_user_id"])
    .executeTakeFirst();
  const mine = row && (row.entrant_user_id === user.id || user.roles.includes("organizer"));
  if (!row || !mine) return refuse.notFound("followOn.entryNotFound");
  return { ok: true, entryId: row.id, competitionId: row.competition_id };
}
