// The organizer's partners: the list of an edition's partners with filters and counts, inviting one
// (the partner, its first person's account and the link to choose a password), correcting a
// profile, and disabling or enabling a partner (audited, reversible: nothing is deleted).
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import { partnerColumns, partnerInviteSchema, partnerProfileSchema } from "../../domain/partner-profile";
import type { PartnerKind } from "../../domain/partner-vocabulary";
import { refuse, refuseParse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { inTransaction } from "../db-helpers.server";
import { freshInvite } from "../judges/invites.server";
import { jsonList, type PartnerRow } from "./profiles.server";
import { insertPartner, partnerEmails, profileContext, type PartnerDeps } from "./partners-shared.server";
import { organizerOnly } from "../organizer-only.server";
import { auditChange } from "../audit.server";

export type PartnerFilter = { kind?: PartnerKind; track?: string; disabled?: "only" | "with" };

export type PartnerListItem = {
  id: number;
  kind: PartnerKind;
  nameZh: string | null;
  nameEn: string | null;
  country: string;
  city: string | null;
  tracks: string[];
  disabledAt: string | null;
  people: number;
  accepted: number;
};

/** An edition's partners as the filters leave them, and the counts of the whole edition. */
export async function listPartners(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  filter: PartnerFilter,
): Promise<Outcome<{ partners: PartnerListItem[]; counts: Record<PartnerKind | "disabled" | "all", number> }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  let query = deps.db
    .selectFrom("partners as p")
    .where("p.competition_id", "=", competitionId)
    .select((eb) => [
      "p.id",
      "p.kind",
      "p.name_zh",
      "p.name_en",
      "p.country",
      "p.city",
      "p.tracks",
      "p.disabled_at",
      eb
        .selectFrom("partner_people as pp")
        .whereRef("pp.partner_id", "=", "p.id")
        .select(sql<number>`count(*)`.as("n"))
        .as("people"),
      eb
        .selectFrom("partner_people as pp")
        .whereRef("pp.partner_id", "=", "p.id")
        .where("pp.accepted_at", "is not", null)
        .select(sql<number>`count(*)`.as("n"))
        .as("accepted"),
    ])
    .orderBy("p.kind")
    .orderBy(sql`coalesce(p.name_en, p.name_zh)`)
    .orderBy("p.id");
  if (filter.kind) query = query.where("p.kind", "=", filter.kind);
  if (filter.track)
    query = query.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(p.tracks) WHERE value = ${filter.track})`);
  if (filter.disabled === "only") query = query.where("p.disabled_at", "is not", null);
  else if (filter.disabled !== "with") query = query.where("p.disabled_at", "is", null);
  const [rows, tallies] = await Promise.all([
    query.execute(),
    deps.db
      .selectFrom("partners")
      .where("competition_id", "=", competitionId)
      .select(["kind", sql<number>`count(*)`.as("n"), sql<number>`sum(disabled_at IS NOT NULL)`.as("off")])
      .groupBy("kind")
      .execute(),
  ]);
  const counts = { investor: 0, park: 0, corporate: 0, disabled: 0, all: 0 };
  for (const t of tallies) {
    counts[t.kind] = t.n - t.off;
    counts.disabled += t.off;
    counts.all += t.n;
  }
  const partners = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    country: r.country,
    city: r.city,
    tracks: jsonList<string>(r.tracks),
    disabledAt: r.disabled_at,
    people: r.people ?? 0,
    accepted: r.accepted ?? 0,
  }));
  return { ok: true, partners, counts };
}

/** A stored partner as the profile form shows it (the schema's field names, lists as arrays). */
export function profileValues(row: PartnerRow) {
  return {
    kind: row.kind,
    nameZh: row.name_zh ?? "",
    nameEn: row.name_en ?? "",
    aboutZh: row.about_zh ?? "",
    aboutEn: row.about_en ?? "",
    website: row.website ?? "",
    country: row.country,
    city: row.city ?? "",
    district: row.district ?? "",
    tracks: jsonList<string>(row.tracks),
    regions: jsonList<string>(row.regions),
    stages: jsonList<string>(row.stages),
    support: jsonList<string>(row.support),
    customerKinds: jsonList<string>(row.customer_kinds),
    ticketMinWan: row.ticket_min_wan === null ? "" : String(row.ticket_min_wan),
    ticketMaxWan: row.ticket_max_wan === null ? "" : String(row.ticket_max_wan),
    areaM2: row.area_m2 === null ? "" : String(row.area_m2),
  };
}
export type ProfileValues = ReturnType<typeof profileValues>;

function partnerIn(db: Db, competitionId: number, partnerId: number) {
  return db
    .selectFrom("partners")
    .selectAll()
    .where("id", "=", partnerId)
    .where("competition_id", "=", competitionId)
    .executeTakeFirst();
}

/** One partner of the edition with its people, for its page. */
export async function partnerDetail(deps: PartnerDeps, actor: SessionUser, competitionId: number, partnerId: number) {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const row = await partnerIn(deps.db, competitionId, partnerId);
  if (!row) return refuse.notFound("partners.notFound");
  const people = await deps.db
    .selectFrom("partner_people as pp")
    .innerJoin("users as u", "u.id", "pp.user_id")
    .where("pp.partner_id", "=", partnerId)
    .select(["pp.id", "u.display_name as name", "u.email", "pp.accepted_at as acceptedAt"])
    .orderBy("pp.id")
    .execute();
  return {
    ok: true as const,
    partner: { id: row.id, kind: row.kind, disabledAt: row.disabled_at, values: profileValues(row) },
    people,
  };
}

/** Invites one partner: its profile, its first person's account (no password yet) and their link. */
export async function invitePartner(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  raw: Record<string, unknown>,
): Promise<Outcome<{ partnerId: number; path: string; email: string }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const parsed = partnerInviteSchema(await profileContext(deps.db, competitionId)).safeParse(raw);
  if (!parsed.success) return refuseParse(parsed.error);
  const input = parsed.data;
  return inTransaction(deps.db, async (trx) => {
    if ((await partnerEmails(trx, competitionId)).has(input.personEmail))
      return refuse.conflict("partners.import.alreadyPartner", undefined, "personEmail");
    const { partnerId, userId } = await insertPartner(trx, competitionId, input, input);
    const user = await trx
      .selectFrom("users")
      .select(["id", "password_hash"])
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    const { path, expires } = freshInvite(deps, user);
    await auditChange(
      trx,
      actor,
      { action: "partner.invited", subject: "partner", id: partnerId },
      { kind: input.kind, email: input.personEmail, expires: new Date(expires).toISOString() },
    );
    return { ok: true, partnerId, path, email: input.personEmail };
  });
}

/** A fresh link for one person of a partner who has not chosen a password yet. */
export async function personInviteLink(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  personId: number,
): Promise<Outcome<{ path: string; email: string }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const row = await deps.db
    .selectFrom("partner_people as pp")
    .innerJoin("partners as p", "p.id", "pp.partner_id")
    .innerJoin("users as u", "u.id", "pp.user_id")
    .where("pp.id", "=", personId)
    .where("p.competition_id", "=", competitionId)
    .select(["u.id", "u.password_hash", "u.email", "pp.accepted_at", "p.id as partnerId"])
    .executeTakeFirst();
  if (!row) return refuse.notFound("partners.notFound");
  if (row.accepted_at) return refuse.conflict("partners.person.accepted");
  const { path, expires } = freshInvite(deps, row);
  await auditChange(
    deps.db,
    actor,
    { action: "partner.invited", subject: "partner", id: row.partnerId },
    { email: row.email, expires: new Date(expires).toISOString() },
  );
  return { ok: true, path, email: row.email };
}

/**
 * Stores a profile for a partner of the edition; its kind stays (its requests were counted under
 * it). The caller has checked who may; `actor` is written in the audit row.
 */
export async function storeProfile(
  { db, clock }: Pick<PartnerDeps, "db" | "clock">,
  actor: SessionUser,
  competitionId: number,
  partnerId: number,
  raw: Record<string, unknown>,
): Promise<Outcome> {
  const context = await profileContext(db, competitionId);
  return inTransaction(db, async (trx) => {
    const before = await partnerIn(trx, competitionId, partnerId);
    if (!before) return refuse.notFound("partners.notFound");
    const parsed = partnerProfileSchema(context).safeParse({ ...raw, kind: before.kind });
    if (!parsed.success) return refuseParse(parsed.error);
    const columns = partnerColumns(parsed.data);
    await trx
      .updateTable("partners")
      .set({ ...columns, updated_at: clock().toISOString() })
      .where("id", "=", partnerId)
      .execute();
    await auditChange(
      trx,
      actor,
      { action: "partner.updated", subject: "partner", id: partnerId },
      columns,
      profileValues(before),
    );
    return { ok: true };
  });
}

/** The organizer's correction of a partner's profile. */
export async function updatePartner(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  partnerId: number,
  raw: Record<string, unknown>,
): Promise<Outcome> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return storeProfile(deps, actor, competitionId, partnerId, raw);
}

/** Disables (its people can no longer act for it, matching leaves it out) or enables a partner again. */
export async function setPartnerDisabled(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  partnerId: number,
  disabled: boolean,
): Promise<Outcome> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const row = await partnerIn(trx, competitionId, partnerId);
    if (!row) return refuse.notFound("partners.notFound");
    if ((row.disabled_at !== null) === disabled)
      return refuse.conflict(disabled ? "partners.alreadyDisabled" : "partners.alreadyEnabled");
    const at = disabled ? deps.clock().toISOString() : null;
    await trx.updateTable("partners").set({ disabled_at: at }).where("id", "=", partnerId).execute();
    await auditChange(
      trx,
      actor,
      { action: disabled ? "partner.disabled" : "partner.enabled", subject: "partner", id: partnerId },
      { disabledAt: at },
      { disabledAt: row.disabled_at },
    );
    return { ok: true };
  });
}
