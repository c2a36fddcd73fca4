// What a partner's own people do with their organization (`context.services.partnerSelf`): read
// which partner they act for (the partner area names it), and read and edit its bilingual profile.
// The asker is checked here with partnerActor; the profile goes through the same schema and the
// same storing (and audit row) as an organizer's correction, with the partner's kind kept.
import type { Db } from "../../../db/client";
import type { PartnerKind } from "../../domain/partner-vocabulary";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { partnerActor } from "./access.server";
import { profileValues, storeProfile, type ProfileValues } from "./partners-admin.server";

export type OwnPartner = { id: number; kind: PartnerKind; nameZh: string | null; nameEn: string | null };
export type TrackName = { code: string; nameZh: string; nameEn: string };

async function ownRow(db: Db, user: SessionUser) {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return actor;
  const row = await db.selectFrom("partners").selectAll().where("id", "=", actor.partnerId).executeTakeFirst();
  if (!row) return refuse.forbidden("followOn.partnerOnly");
  return { ok: true as const, actor, row };
}

/** The partner the asker acts for, as the partner area's header names it. */
export async function ownPartner(db: Db, user: SessionUser): Promise<Outcome<{ partner: OwnPartner }>> {
  const own = await ownRow(db, user);
  if (!own.ok) return own;
  const { row } = own;
  return { ok: true, partner: { id: row.id, kind: row.kind, nameZh: row.name_zh, nameEn: row.name_en } };
}

/** The asker's partner profile as the form shows it, with the edition's tracks to choose from. */
export async function ownProfile(
  db: Db,
  user: SessionUser,
): Promise<Outcome<{ partner: OwnPartner; values: ProfileValues; tracks: TrackName[] }>> {
  const own = await ownRow(db, user);
  if (!own.ok) return own;
  const { row, actor } = own;
  const tracks = await db
    .selectFrom("tracks")
    .where("competition_id", "=", actor.competitionId)
    .select(["code", "name_zh as nameZh", "name_en as nameEn"])
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return {
    ok: true,
    partner: { id: row.id, kind: row.kind, nameZh: row.name_zh, nameEn: row.name_en },
    values: profileValues(row),
    tracks,
  };
}

/**
 * Stores the asker's own partner's profile: refused unless they act for an enabled partner; bad
 * fields come back at their field and nothing is written. The kind is the stored one, whatever is sent.
 */
export async function saveOwnProfile(
  deps: { db: Db; clock: () => Date },
  user: SessionUser,
  raw: Record<string, unknown>,
): Promise<Outcome> {
  const actor = await partnerActor(deps.db, user);
  if (!actor.ok) return actor;
  return storeProfile(deps, user, actor.competitionId, actor.partnerId, raw);
}

export function createPartnerSelfService(deps: { db: Db; clock: () => Date }) {
  return {
    partner: (user: SessionUser) => ownPartner(deps.db, user),
    profile: (user: SessionUser) => ownProfile(deps.db, user),
    saveProfile: (user: SessionUser, raw: Record<string, unknown>) => saveOwnProfile(deps, user, raw),
  };
}

export type PartnerSelfService = ReturnType<typeof createPartnerSelfService>;
