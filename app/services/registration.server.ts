// An entrant's side of an entry: create, edit, submit and withdraw, inside the registration window.
import type { Db } from "../../db/client";
import type { Competition, Entry } from "../../db/schema";
import { checkEligibility, groupHint, groupHintKey, type GroupRule } from "../domain/eligibility";
import { changedFields, entrySnapshot } from "../domain/entry-history";
import type { EntryFormInput } from "../domain/entry-schemas";
import { refuse, type Outcome, type Refusal } from "../domain/refusal";
import { isCountryCode } from "../i18n/countries";
import { recordAudit } from "./audit.server";
import type { SessionUser } from "./auth.server";
import { bind } from "./bind.server";
import { inTransaction } from "./db-helpers.server";
import { confirmation } from "./entry-confirmation.server";
import { enterIntoFirstRound } from "./first-round-field.server";
import { enqueueReceipt } from "./messages/receipts.server";
import { registerCallFor } from "./register-call.server";
import { codeForMove, nextEntryCode } from "./entry-codes.server";
import { entriesWithGroupAndTrack, entryOwnedBy, teamOf } from "./queries/entries.server";
import { groupsOf, tracksOf } from "./queries/groups.server";

export type RegistrationResult = Outcome<{ entry: Entry }>;
export type RegistrationWindow = { opensAt: string; closesAt: string; open: boolean };
type Deps = { db: Db; clock: () => Date; publicOrigin: () => string };

export function registrationWindow(competition: Competition, now: Date): RegistrationWindow {
  const t = now.toISOString();
  return {
    opensAt: competition.registration_opens_at,
    closesAt: competition.registration_closes_at,
    open: t >= competition.registration_opens_at && t < competition.registration_closes_at,
  };
}

const closed = () => refuse.conflict("registration.closed");
const notEditable = () => refuse.conflict("registration.notEditable");
// Someone else's entry and a missing one answer alike.
const noSuchEntry = () => refuse.notFound("admin.notFound");
const removed = (entry: Entry) => entry.status === "withdrawn" || entry.status === "disqualified";

/**
 * A submitted entry keeps its group and track (its code, its judges, its place in the rankings
 * hang on them): only an organizer moves it, with a reason. A draft may still change both.
 */
function placementRefusal(current: Entry, resolved: Resolved): Refusal | null {
  if (current.status === "draft") return null;
  if (resolved.group.id !== current.group_id) return refuse.invalid("entryHistory.groupLocked", "group");
  if (resolved.track.id !== current.track_id) return refuse.invalid("entryHistory.trackLocked", "track");
  return null;
}

/** The groups and tracks an entry may choose from. */
export async function options(db: Db, competitionId: number) {
  const [groups, tracks] = await Promise.all([groupsOf(db, competitionId), tracksOf(db, competitionId)]);
  return { groups, tracks };
}

/** Checks what the schema cannot: the group, the track and the country exist and fit together. */
async function resolve(db: Db, competitionId: number, input: EntryFormInput) {
  const { groups, tracks } = await options(db, competitionId);
  const group = groups.find((g) => g.code === input.group);
  const track = tracks.find((t) => t.code === input.track);
  if (!group) return refuse.invalid("validation.required", "group");
  if (!track) return refuse.invalid("validation.required", "track");
  if (!isCountryCode(input.country)) return refuse.invalid("validation.country", "country");
  const eligibility = checkEligibility(
    { code: group.code, region: group.region, eligibleCountries: group.eligibleCountries },
    input.country,
  );
  if (!eligibility.ok) return ineligible(groups, group.code, input.country, eligibility.reason);
  return { ok: true as const, group, track };
}
/**
 * A country the group does not take, refused at the field with the rule and then the group(s) the
 * country does fit, or that none does (the page names them from the codes in `groups`).
 */
function ineligible(groups: readonly GroupRule[], chosen: string, country: string, rule: string): Refusal {
  const hint = groupHint(groups, chosen, country);
  if (!hint) return refuse.invalid(rule, "country", { group: chosen });
  const key = groupHintKey(hint);
  const groupsParam = hint.kind === "useGroups" ? hint.groups.join(",") : "";
  return {
    ...refuse.invalid(key, "country", { group: chosen, country, groups: groupsParam }),
    fields: { country: [rule, key] },
  };
}
type Resolved = Exclude<Awaited<ReturnType<typeof resolve>>, Refusal>;

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
      team.map((m, i) => ({ entry_id: entryId, position: i + 1, name: m.name, role: m.role, email: m.email ?? null })),
    )
    .execute();
}

/** The entry if this user owns it, with its team and its group's and track's codes. */
export async function owned(db: Db, user: SessionUser, entryId: number) {
  const entry = await entriesWithGroupAndTrack(db)
    .where("e.id", "=", entryId)
    .where("e.entrant_user_id", "=", user.id)
    .selectAll("e")
    .select(["g.code as groupCode", "t.code as trackCode"])
    .executeTakeFirst();
  if (!entry) return undefined;
  return { entry, team: await teamOf(db, entryId), groupCode: entry.groupCode, trackCode: entry.trackCode };
}

/** Creates the entry as a draft, or submits it at once when asked and the window is open. */
export async function create(
  { db, clock, publicOrigin }: Deps,
  user: SessionUser,
  competition: Competition,
  input: EntryFormInput,
): Promise<RegistrationResult> {
  const now = clock();
  if (!registrationWindow(competition, now).open) return closed();
  const resolved = await resolve(db, competition.id, input);
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
    const placement = { group: resolved.group.code, track: resolved.track.code };
    await recordAudit(trx, {
      actor_user_id: user.id,
      action: submit ? "entry.submitted" : "entry.created",
      subject_type: "entry",
      subject_id: created.id,
      after: JSON.stringify(entrySnapshot(created, placement, input.team)),
    });
    if (submit) {
      await enterIntoFirstRound(trx, competition.id, { entryIds: [created.id] });
      await enqueueReceipt(trx, created, publicOrigin());
    }
    return created;
  });
  return { ok: true, entry };
}

/** Edits (and possibly submits) an own entry until the deadline; a withdrawn entry stays as it is. */
export async function update(
  { db, clock, publicOrigin }: Deps,
  user: SessionUser,
  competition: Competition,
  entryId: number,
  input: EntryFormInput,
): Promise<RegistrationResult> {
  const now = clock();
  // The checks read inside the transaction that writes, so no other change slips in between.
  return inTransaction(db, async (trx): Promise<RegistrationResult> => {
    const current = await entryOwnedBy(trx, user.id, entryId);
    if (!current) return noSuchEntry();
    if (!registrationWindow(competition, now).open) return closed();
    if (removed(current)) return notEditable();
    // The page edits the current edition's entries; an earlier edition's entry stays as it was.
    if (current.competition_id !== competition.id) return notEditable();
    const resolved = await resolve(trx, competition.id, input);
    if (!resolved.ok) return resolved;
    const locked = placementRefusal(current, resolved);
    if (locked) return locked;
    return { ok: true, entry: await writeUpdate(trx, user, current, resolved, input, now, publicOrigin) };
  });
}

/** What the entry is now, as the history records it. */
async function currentSnapshot(trx: Db, entry: Entry) {
  const [placement, team] = await Promise.all([
    entriesWithGroupAndTrack(trx)
      .where("e.id", "=", entry.id)
      .select(["g.code as group", "t.code as track"])
      .executeTakeFirstOrThrow(),
    teamOf(trx, entry.id),
  ]);
  return entrySnapshot(entry, placement, team);
}

async function writeUpdate(
  trx: Db,
  user: SessionUser,
  current: Entry,
  resolved: Resolved,
  input: EntryFormInput,
  now: Date,
  publicOrigin: () => string,
) {
  const before = await currentSnapshot(trx, current);
  const moved = resolved.group.id !== current.group_id || resolved.track.id !== current.track_id;
  const submit = input.intent === "submit" && current.status === "draft";
  const updated = await trx
    .updateTable("entries")
    .set({
      ...values(input),
      group_id: resolved.group.id,
      track_id: resolved.track.id,
      // A different group or track is a different code series; the old code is retired, never reused.
      ...(moved
        ? { code: await codeForMove(trx, current, resolved.group.code, resolved.track.code, now.toISOString()) }
        : {}),
      ...(submit ? { status: "submitted" as const, submitted_at: now.toISOString() } : {}),
      updated_at: now.toISOString(),
    })
    .where("id", "=", current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeTeam(trx, current.id, input.team);
  const placement = { group: resolved.group.code, track: resolved.track.code };
  // Only the fields that changed, from what to what; saving an unchanged form records nothing.
  const changes = changedFields(before, entrySnapshot(updated, placement, input.team));
  if (changes)
    await recordAudit(trx, {
      actor_user_id: user.id,
      action: submit ? "entry.submitted" : "entry.updated",
      subject_type: "entry",
      subject_id: current.id,
      before: JSON.stringify(changes.before),
      after: JSON.stringify(changes.after),
    });
  // Submitted while the first round is open: it competes in that round, as those before it do.
  if (submit) {
    await enterIntoFirstRound(trx, current.competition_id, { entryIds: [current.id] });
    await enqueueReceipt(trx, updated, publicOrigin());
  }
  return updated;
}

/** The entrant withdraws their entry; it stays on record with the reason. */
export async function withdraw(
  { db, clock }: Deps,
  user: SessionUser,
  entryId: number,
  reason: string,
): Promise<RegistrationResult> {
  const now = clock();
  return inTransaction(db, async (trx): Promise<RegistrationResult> => {
    const current = await entryOwnedBy(trx, user.id, entryId);
    if (!current) return noSuchEntry();
    if (removed(current)) return notEditable();
    const entry = await trx
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
    return { ok: true, entry };
  });
}

export function createRegistrationService(
  db: Db,
  clock: () => Date,
  publicOrigin: () => string = () => "http://localhost:3000",
) {
  const deps: Deps = { db, clock, publicOrigin };
  return {
    options: bind(db, options),
    /** The entry if this user owns it; someone else's entry is indistinguishable from none. */
    owned: bind(db, owned),
    create: bind(deps, create),
    update: bind(deps, update),
    withdraw: bind(deps, withdraw),
    /** The page after submitting: the entrant's own entry and what happens next. */
    confirmation: (user: SessionUser, entryId: number) => confirmation(db, clock(), user, entryId),
    /** The register button for this reader (and an edition, else the featured one). */
    call: (user: SessionUser | null, edition?: number | Competition | null) =>
      registerCallFor(db, clock(), user, edition),
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
