// An entrant's side of follow-on: the entry's needs, home region, note and consent to be shown to
// partners, read and saved whole. Only the entry's own entrant (or an organizer) reaches it, and
// only for an entry in the needs round (access.server.ts entrantEntry).
import type { Db } from "../../../db/client";
import type { NeedsForm } from "../../domain/needs-form";
import { type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth/deps.server";
import { inTransaction } from "../db-helpers.server";
import { entrantEntry } from "./access.server";
import type { NeedsRow } from "./profiles.server";

export type NeedsPage = {
  entry: { id: number; code: string; titleZh: string | null; titleEn: string | null; competitionId: number };
  needs: NeedsRow | null;
};

/** The entry and its stored needs (null until first saved), for its entrant. */
export async function needsPage(db: Db, user: SessionUser, entryId: number): Promise<Outcome<NeedsPage>> {
  const mine = await entrantEntry(db, user, entryId);
  if (!mine.ok) return mine;
  const [entry, needs] = await Promise.all([
    db
      .selectFrom("entries")
      .where("id", "=", entryId)
      .select(["id", "code", "title_zh", "title_en", "competition_id"])
      .executeTakeFirstOrThrow(),
    db.selectFrom("entry_needs").where("entry_id", "=", entryId).selectAll().executeTakeFirst(),
  ]);
  return {
    ok: true,
    entry: {
      id: entry.id,
      code: entry.code,
      titleZh: entry.title_zh,
      titleEn: entry.title_en,
      competitionId: entry.competition_id,
    },
    needs: needs ?? null,
  };
}

/** Whether an entry is in follow-on for this user: the entry page links the form only then. */
export async function inFollowOn(db: Db, user: SessionUser, entryId: number): Promise<boolean> {
  return (await entrantEntry(db, user, entryId)).ok;
}

/**
 * Saves the whole form in one statement (a need is stored whole or not at all), and records it:
 * the needs as `entry.needs_saved`, and a change of consent as its own action, since consent is
 * what decides whether partners see the entry at all.
 */
export async function saveNeeds(
  db: Db,
  clock: () => Date,
  user: SessionUser,
  entryId: number,
  form: NeedsForm,
): Promise<Outcome<{ consented: boolean }>> {
  const mine = await entrantEntry(db, user, entryId);
  if (!mine.ok) return mine;
  const now = clock().toISOString();
  return inTransaction(db, async (trx) => {
    const before = await trx.selectFrom("entry_needs").where("entry_id", "=", entryId).selectAll().executeTakeFirst();
    const wasConsenting = before?.consented_at != null;
    const values = {
      region: form.region,
      // Consent keeps its first time while it stands; withdrawing it clears both.
      consented_at: form.consent ? (wasConsenting ? before!.consented_at : now) : null,
      consented_by: form.consent ? (wasConsenting ? before!.consented_by : user.id) : null,
      financing_amount_wan: form.financingAmountWan ?? null,
      financing_stage: form.financingStage ?? null,
      space_area_m2: form.spaceAreaM2 ?? null,
      space_city: form.spaceCity ?? null,
      space_from_month: form.spaceFromMonth ?? null,
      market_customer_kind: form.marketCustomerKind ?? null,
      market_region: form.marketRegion ?? null,
      note: form.note ?? null,
      updated_at: now,
    };
    await trx
      .insertInto("entry_needs")
      .values({ entry_id: entryId, ...values })
      .onConflict((oc) => oc.column("entry_id").doUpdateSet(values))
      .execute();
    const { updated_at: _u, consented_at: _c, consented_by: _b, ...stated } = values;
    await recordAudit(trx, {
      actor_user_id: user.id,
      action: "entry.needs_saved",
      subject_type: "entry",
      subject_id: entryId,
      before: before ? JSON.stringify({ ...before, updated_at: undefined }) : null,
      after: JSON.stringify(stated),
    });
    if (form.consent !== wasConsenting) {
      await recordAudit(trx, {
        actor_user_id: user.id,
        action: form.consent ? "entry.partner_consent_given" : "entry.partner_consent_withdrawn",
        subject_type: "entry",
        subject_id: entryId,
      });
    }
    return { ok: true, consented: form.consent };
  });
}
