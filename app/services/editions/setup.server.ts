// An edition's groups and tracks: adding them, and changing them while no entry uses them (names may
// change at any time; a group's code and who may enter stay put once entries are in it).
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import type { GroupFormInput, TrackFormInput } from "../../domain/edition-schemas";
import { resolveEligibility } from "../../domain/eligibility-presets";
import { refuse, type Outcome, type Refusal } from "../../domain/refusal";
import { isCountryCode } from "../../i18n/countries";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { type EditionDeps } from "./shared.server";
import { organizerOnly } from "../organizer-only.server";
import { auditChange } from "../audit.server";

type Saved = Outcome<{ id: number }>;
type Part = "groups" | "tracks";

/** Who may enter, from the form's preset and codes; refused at the `countries` field. */
function eligibility(
  input: GroupFormInput,
): Refusal | { ok: true; countries: string[]; region: "domestic" | "overseas" } {
  const choice = resolveEligibility(input.preset, input.countries, isCountryCode);
  if (choice.ok) return choice;
  if (choice.code === "editions.errors.unknownCountry")
    return refuse.invalid(choice.code, "countries", { code: choice.unknown });
  return refuse.invalid(choice.code, "countries");
}

/** Another group (or track) of the edition already has this code. */
async function codeTaken(trx: Db, part: Part, competitionId: number, code: string, exceptId?: number) {
  let q = trx.selectFrom(part).select("id").where("competition_id", "=", competitionId).where("code", "=", code);
  if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

async function nextSortOrder(trx: Db, part: Part, competitionId: number) {
  const row = await trx
    .selectFrom(part)
    .where("competition_id", "=", competitionId)
    .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as("next"))
    .executeTakeFirstOrThrow();
  return row.next;
}

async function entriesIn(trx: Db, column: "group_id" | "track_id", id: number) {
  const row = await trx
    .selectFrom("entries")
    .where(column, "=", id)
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Adds a group at the end of the edition's list. */
export async function addGroup(
  { db }: EditionDeps,
  actor: SessionUser,
  competitionId: number,
  input: GroupFormInput,
): Promise<Saved> {
  const refusal = organizerOnly(actor);
  if (refusal) return refusal;
  const rule = eligibility(input);
  if (!rule.ok) return rule;
  return inTransaction(db, async (trx): Promise<Saved> => {
    if (await codeTaken(trx, "groups", competitionId, input.code))
      return refuse.invalid("editions.errors.codeTaken", "code", { code: input.code });
    const values = {
      competition_id: competitionId,
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      region: rule.region,
      eligible_countries: JSON.stringify(rule.countries),
      sort_order: await nextSortOrder(trx, "groups", competitionId),
    };
    const { id } = await trx.insertInto("groups").values(values).returning("id").executeTakeFirstOrThrow();
    await auditChange(trx, actor, { action: "group.created", subject: "group", id }, values);
    return { ok: true, id };
  });
}

/** Changes a group; its code and who may enter only while no entry is in it. */
export async function updateGroup(
  { db }: EditionDeps,
  actor: SessionUser,
  competitionId: number,
  groupId: number,
  input: GroupFormInput,
): Promise<Saved> {
  const refusal = organizerOnly(actor);
  if (refusal) return refusal;
  const rule = eligibility(input);
  if (!rule.ok) return rule;
  return inTransaction(db, async (trx): Promise<Saved> => {
    const before = await trx
      .selectFrom("groups")
      .selectAll()
      .where("id", "=", groupId)
      .where("competition_id", "=", competitionId)
      .executeTakeFirst();
    if (!before) return refuse.notFound("admin.notFound");
    const countries = JSON.stringify(rule.countries);
    const ruleChanged = before.code !== input.code || before.eligible_countries !== countries;
    if (ruleChanged && (await entriesIn(trx, "group_id", groupId)) > 0)
      return refuse.conflict(
        "editions.errors.groupInUse",
        undefined,
        before.code !== input.code ? "code" : "countries",
      );
    if (await codeTaken(trx, "groups", competitionId, input.code, groupId))
      return refuse.invalid("editions.errors.codeTaken", "code", { code: input.code });
    const after = {
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      region: rule.region,
      eligible_countries: countries,
    };
    await trx.updateTable("groups").set(after).where("id", "=", groupId).execute();
    const { id: _id, competition_id: _c, sort_order: _s, ...was } = before;
    await auditChange(trx, actor, { action: "group.updated", subject: "group", id: groupId }, after, was);
    return { ok: true, id: groupId };
  });
}

/** Adds a track at the end of the edition's list. */
export async function addTrack(
  { db }: EditionDeps,
  actor: SessionUser,
  competitionId: number,
  input: TrackFormInput,
): Promise<Saved> {
  const refusal = organizerOnly(actor);
  if (refusal) return refusal;
  return inTransaction(db, async (trx): Promise<Saved> => {
    if (await codeTaken(trx, "tracks", competitionId, input.code))
      return refuse.invalid("editions.errors.codeTaken", "code", { code: input.code });
    const values = {
      competition_id: competitionId,
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      sort_order: await nextSortOrder(trx, "tracks", competitionId),
    };
    const { id } = await trx.insertInto("tracks").values(values).returning("id").executeTakeFirstOrThrow();
    await auditChange(trx, actor, { action: "track.created", subject: "track", id }, values);
    return { ok: true, id };
  });
}

/** Changes a track; its code only while no entry is in it. */
export async function updateTrack(
  { db }: EditionDeps,
  actor: SessionUser,
  competitionId: number,
  trackId: number,
  input: TrackFormInput,
): Promise<Saved> {
  const refusal = organizerOnly(actor);
  if (refusal) return refusal;
  return inTransaction(db, async (trx): Promise<Saved> => {
    const before = await trx
      .selectFrom("tracks")
      .selectAll()
      .where("id", "=", trackId)
      .where("competition_id", "=", competitionId)
      .executeTakeFirst();
    if (!before) return refuse.notFound("admin.notFound");
    if (before.code !== input.code && (await entriesIn(trx, "track_id", trackId)) > 0)
      return refuse.conflict("editions.errors.trackInUse", undefined, "code");
    if (await codeTaken(trx, "tracks", competitionId, input.code, trackId))
      return refuse.invalid("editions.errors.codeTaken", "code", { code: input.code });
    const after = { code: input.code, name_zh: input.nameZh, name_en: input.nameEn };
    await trx.updateTable("tracks").set(after).where("id", "=", trackId).execute();
    const was = { code: before.code, name_zh: before.name_zh, name_en: before.name_en };
    await auditChange(trx, actor, { action: "track.updated", subject: "track", id: trackId }, after, was);
    return { ok: true, id: trackId };
  });
}
