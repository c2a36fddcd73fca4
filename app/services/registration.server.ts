// An entrant's side of an entry: create, edit, submit and withdraw, inside the registration window.
import type { Db } from "../../db/client";
import type { Competition, Entry } from "../../db/schema";
import { checkEligibility } from "../domain/eligibility";
import type { EntryFormInput } from "../domain/entry-schemas";
import { isCountryCode } from "../i18n/countries";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { nextEntryCode } from "./entry-codes.server";
import { recordAudit } from "./audit.server";

/** A refusal tied to a form field (or to the whole form when `field` is null); `message` is an i18n key. */
export type FieldRefusal = { ok: false; field: string | null; message: string; params?: Record<string, string> };
export type RegistrationResult = { ok: true; entry: Entry } | FieldRefusal;

export type RegistrationWindow = { opensAt: string; closesAt: string; open: boolean };

export function registrationWindow(competition: Competition, now: Date): RegistrationWindow {
  const t = now.toISOString();
  return {
    opensAt: competition.registration_opens_at,
    closesAt: competition.registration_closes_at,
    open: t >= competition.registration_opens_at && t < competition.registration_closes_at,
  };
}

const refuse = (field: string | null, message: string, params?: Record<string, string>): FieldRefusal => ({
  ok: false,
  field,
  message,
  ...(params ? { params } : {}),
});

export function createRegistrationService(db: Db, clock: () => Date) {
  async function options(competitionId: number) {
    const [groups, tracks] = await Promise.all([
      db
        .selectFrom("groups")
        .where("competition_id", "=", competitionId)
        .orderBy("sort_order")
        .select(["id", "code", "name_zh", "name_en", "region", "eligible_countries"])
        .execute(),
      db
        .selectFrom("tracks")
        .where("competition_id", "=", competitionId)
        .orderBy("sort_order")
        .select(["id", "code", "name_zh", "name_en"])
        .execute(),
    ]);
    return {
      groups: groups.map((g) => ({ ...g, eligibleCountries: JSON.parse(g.eligible_countries) as string[] })),
      tracks,
    };
  }

  /** Checks what the schema cannot: the group, the track and the country exist and fit together. */
  async function resolve(competitionId: number, input: EntryFormInput) {
    const { groups, tracks } = await options(competitionId);
    const group = groups.find((g) => g.code === input.group);
    const track = tracks.find((t) => t.code === input.track);
    if (!group) return refuse("group", "validation.required");
    if (!track) return refuse("track", "validation.required");
    if (!isCountryCode(input.country)) return refuse("country", "validation.country");
    const eligibility = checkEligibility(
      { code: group.code, region: group.region, eligibleCountries: group.eligibleCountries },
      input.country,
    );
    if (!eligibility.ok) return refuse("country", eligibility.reason, { group: group.code });
    return { ok: true as const, group, track };
  }

  function values(input: EntryFormInput) {
    return {
      title_zh: input.titleZh ?? null,
      title_en: input.titleEn ?? null,
      summary_zh: input.summaryZh ?? null,
      summary_en: input.summaryEn ?? null,
      organization: input.organization,
      country: input.country,
      city: input.city ?? null,
      website: input.website ?? null,
      contact_name: input.contactName,
      contact_email: input.contactEmail,
    };
  }

  async function writeTeam(trx: Db, entryId: number, team: EntryFormInput["team"]) {
    await trx.deleteFrom("team_members").where("entry_id", "=", entryId).execute();
    await trx
      .insertInto("team_members")
      .values(
        team.map((m, i) => ({
          entry_id: entryId,
          position: i + 1,
          name: m.name,
          role: m.role,
          email: m.email ?? null,
        })),
      )
      .execute();
  }

  return {
    options,

    /** The entry if this user owns it; someone else's entry is indistinguishable from none. */
    async owned(user: SessionUser, entryId: number) {
      const entry = await db
        .selectFrom("entries")
        .selectAll()
        .where("id", "=", entryId)
        .where("entrant_user_id", "=", user.id)
        .executeTakeFirst();
      if (!entry) return undefined;
      const team = await db
        .selectFrom("team_members")
        .select(["name", "role", "email"])
        .where("entry_id", "=", entryId)
        .orderBy("position")
        .execute();
      const [group, track] = await Promise.all([
        db.selectFrom("groups").select("code").where("id", "=", entry.group_id).executeTakeFirstOrThrow(),
        db.selectFrom("tracks").select("code").where("id", "=", entry.track_id).executeTakeFirstOrThrow(),
      ]);
      return { entry, team, groupCode: group.code, trackCode: track.code };
    },

    /** Creates the entry as a draft, or submits it at once when asked and the window is open. */
    async create(user: SessionUser, competition: Competition, input: EntryFormInput): Promise<RegistrationResult> {
      const now = clock();
      if (!registrationWindow(competition, now).open) return refuse(null, "registration.closed");
      const resolved = await resolve(competition.id, input);
      if (!resolved.ok) return resolved;
      const entry = await inTransaction(db, async (trx) => {
        const code = await nextEntryCode(trx, resolved.group.code, resolved.track.code);
        const submit = input.intent === "submit";
        const created = await trx
          .insertInto("entries")
          .values({
            competition_id: competition.id,
            group_id: resolved.group.id,
            track_id: resolved.track.id,
            code,
            entrant_user_id: user.id,
            ...values(input),
            status: submit ? "submitted" : "draft",
            submitted_at: submit ? now.toISOString() : null,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeTeam(trx, created.id, input.team);
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: submit ? "entry.submitted" : "entry.created",
          subject_type: "entry",
          subject_id: created.id,
          after: JSON.stringify(values(input)),
        });
        return created;
      });
      return { ok: true, entry };
    },

    /** Edits (and possibly submits) an own entry until the deadline; a withdrawn entry stays as it is. */
    async update(
      user: SessionUser,
      competition: Competition,
      entryId: number,
      input: EntryFormInput,
    ): Promise<RegistrationResult | undefined> {
      const now = clock();
      const current = await db
        .selectFrom("entries")
        .selectAll()
        .where("id", "=", entryId)
        .where("entrant_user_id", "=", user.id)
        .executeTakeFirst();
      if (!current) return undefined;
      if (!registrationWindow(competition, now).open) return refuse(null, "registration.closed");
      if (current.status === "withdrawn" || current.status === "disqualified")
        return refuse(null, "registration.notEditable");
      const resolved = await resolve(competition.id, input);
      if (!resolved.ok) return resolved;
      const entry = await inTransaction(db, async (trx) => {
        const moved = resolved.group.id !== current.group_id || resolved.track.id !== current.track_id;
        const submit = input.intent === "submit" && current.status === "draft";
        const updated = await trx
          .updateTable("entries")
          .set({
            ...values(input),
            group_id: resolved.group.id,
            track_id: resolved.track.id,
            // A different group or track is a different code series.
            ...(moved ? { code: await nextEntryCode(trx, resolved.group.code, resolved.track.code) } : {}),
            ...(submit ? { status: "submitted" as const, submitted_at: now.toISOString() } : {}),
            updated_at: now.toISOString(),
          })
          .where("id", "=", entryId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeTeam(trx, entryId, input.team);
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: submit ? "entry.submitted" : "entry.updated",
          subject_type: "entry",
          subject_id: entryId,
          before: JSON.stringify({
            code: current.code,
            status: current.status,
            title_zh: current.title_zh,
            title_en: current.title_en,
            country: current.country,
          }),
          after: JSON.stringify({ code: updated.code, status: updated.status, ...values(input) }),
        });
        return updated;
      });
      return { ok: true, entry };
    },

    /** The entrant withdraws their entry; it stays on record with the reason. */
    async withdraw(user: SessionUser, entryId: number, reason: string): Promise<RegistrationResult | undefined> {
      const now = clock();
      const current = await db
        .selectFrom("entries")
        .selectAll()
        .where("id", "=", entryId)
        .where("entrant_user_id", "=", user.id)
        .executeTakeFirst();
      if (!current) return undefined;
      if (current.status === "withdrawn" || current.status === "disqualified")
        return refuse(null, "registration.notEditable");
      const entry = await inTransaction(db, async (trx) => {
        const updated = await trx
          .updateTable("entries")
          .set({ status: "withdrawn", status_reason: reason, updated_at: now.toISOString() })
          .where("id", "=", entryId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: "entry.withdrawn",
          subject_type: "entry",
          subject_id: entryId,
          before: JSON.stringify({ status: current.status }),
          after: JSON.stringify({ status: "withdrawn" }),
          reason,
        });
        return updated;
      });
      return { ok: true, entry };
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
