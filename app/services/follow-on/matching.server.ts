// The ranked lists both ways, a partner's shortlist, one entry as a partner sees it, and its deck.
// A partner's reads go through partnerActor and consentingEntries (access.server.ts): nothing of an
// entry whose entrant did not consent, and nothing of another partner (its shortlist, its requests).
import type { Readable } from "node:stream";
import type { Db } from "../../../db/client";
import { fit, rankEntriesFor, rankPartnersFor, type EntryFilters, type Fit } from "../../domain/partner-matching";
import type { PartnerKind, RequestState } from "../../domain/partner-vocabulary";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import type { FileStore } from "../files/index.server";
import { consentingEntries, entrantEntry, partnerActor } from "./access.server";
import { consentingEntryProfiles, entryProfile, partnerProfiles, type PartnerRow } from "./profiles.server";

export type Named = { code: string; nameZh: string; nameEn: string };

/** The edition's tracks and groups by code, for the reasons' words and the filters' options. */
export async function namesOf(db: Db, competitionId: number) {
  const [tracks, groups] = await Promise.all([
    db
      .selectFrom("tracks")
      .where("competition_id", "=", competitionId)
      .select(["code", "name_zh", "name_en"])
      .orderBy("sort_order")
      .execute(),
    db
      .selectFrom("groups")
      .where("competition_id", "=", competitionId)
      .select(["code", "name_zh", "name_en"])
      .orderBy("sort_order")
      .execute(),
  ]);
  const named = (rows: typeof tracks): Named[] =>
    rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en }));
  return { tracks: named(tracks), groups: named(groups) };
}

/** The live (or last) request between one partner and one entry, as a list row shows it. */
async function requestStates(db: Db, partnerId: number | null, entryId: number | null) {
  let q = db
    .selectFrom("meeting_requests")
    .select(["id", "partner_id", "entry_id", "state", "from_side"])
    .orderBy("id");
  if (partnerId !== null) q = q.where("partner_id", "=", partnerId);
  if (entryId !== null) q = q.where("entry_id", "=", entryId);
  const rows = await q.execute();
  // The newest request of each pair wins: a declined one followed by a new one shows the new one.
  const byPair = new Map<string, { id: number; state: RequestState; from: string }>();
  for (const r of rows) byPair.set(`${r.partner_id}:${r.entry_id}`, { id: r.id, state: r.state, from: r.from_side });
  return (p: number, e: number) => byPair.get(`${p}:${e}`) ?? null;
}

export type PartnerListFilters = EntryFilters & { shortlistedOnly?: boolean };

/** A partner's ranked list of consenting entries, narrowed by the filters, with its shortlist marks. */
export async function entriesForPartner(db: Db, user: SessionUser, filters: PartnerListFilters) {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return actor;
  const [partners, entries, shortlist, names] = await Promise.all([
    partnerProfiles(db, actor.competitionId),
    consentingEntryProfiles(db, actor.competitionId),
    db.selectFrom("partner_shortlist").where("partner_id", "=", actor.partnerId).select("entry_id").execute(),
    namesOf(db, actor.competitionId),
  ]);
  const me = partners.find((p) => p.profile.id === actor.partnerId);
  if (!me) return refuse.forbidden("followOn.partnerOnly");
  const listed = new Set(shortlist.map((s) => s.entry_id));
  const pool = filters.shortlistedOnly ? entries.filter((e) => listed.has(e.card.id)) : entries;
  const byId = new Map(pool.map((e) => [e.card.id, e]));
  const request = await requestStates(db, actor.partnerId, null);
  const ranked = rankEntriesFor(
    me.profile,
    pool.map((e) => e.profile),
    { filters },
  );
  return {
    ok: true as const,
    partner: { id: actor.partnerId, kind: actor.kind, nameZh: me.row.name_zh, nameEn: me.row.name_en },
    names,
    countries: [...new Set(entries.map((e) => e.card.country))].sort(),
    rows: ranked.map((r) => {
      const e = byId.get(r.id)!;
      return {
        card: e.card,
        needs: r.profile.needs,
        region: r.profile.region,
        score: r.score,
        reasons: r.reasons,
        mismatches: r.mismatches,
        shortlisted: listed.has(r.id),
        request: request(actor.partnerId, r.id),
      };
    }),
  };
}

/** The entry with this code, if the partner may see it: else the refusal that reads as "no such entry". */
async function visibleByCode(db: Db, competitionId: number, code: string) {
  const row = await consentingEntries(db, competitionId).where("e.code", "=", code).select("e.id").executeTakeFirst();
  return row?.id ?? null;
}

/** One consenting entry as a partner sees it: its card, needs, the fit to this partner, its shortlist mark. */
export async function partnerEntry(db: Db, user: SessionUser, code: string) {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return actor;
  const id = await visibleByCode(db, actor.competitionId, code);
  if (id === null) return refuse.notFound("followOn.entryNotFound");
  const [entries, partners, shortlisted, names, request] = await Promise.all([
    consentingEntryProfiles(db, actor.competitionId),
    partnerProfiles(db, actor.competitionId),
    db
      .selectFrom("partner_shortlist")
      .where("partner_id", "=", actor.partnerId)
      .where("entry_id", "=", id)
      .select("entry_id")
      .executeTakeFirst(),
    namesOf(db, actor.competitionId),
    requestStates(db, actor.partnerId, id),
  ]);
  const entry = entries.find((e) => e.card.id === id);
  const me = partners.find((p) => p.profile.id === actor.partnerId);
  if (!entry || !me) return refuse.notFound("followOn.entryNotFound");
  const hasDeck = await db
    .selectFrom("entry_decks")
    .where("entry_id", "=", id)
    .where("replaced_at", "is", null)
    .select("id")
    .executeTakeFirst();
  return {
    ok: true as const,
    card: entry.card,
    needs: entry.profile.needs,
    region: entry.profile.region,
    note: entry.needs.note,
    fit: fit(me.profile, entry.profile) as Fit,
    shortlisted: shortlisted !== undefined,
    hasDeck: hasDeck !== undefined,
    request: request(actor.partnerId, id),
    names,
  };
}

/** Puts an entry on the partner's shortlist or takes it off; only a visible entry can be put on. */
export async function setShortlisted(db: Db, user: SessionUser, entryId: number, on: boolean): Promise<Outcome> {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return actor;
  if (on) {
    const visible = await consentingEntries(db, actor.competitionId)
      .where("e.id", "=", entryId)
      .select("e.id")
      .executeTakeFirst();
    if (!visible) return refuse.notFound("followOn.entryNotFound");
    await db
      .insertInto("partner_shortlist")
      .values({ partner_id: actor.partnerId, entry_id: entryId, added_by: user.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db
      .deleteFrom("partner_shortlist")
      .where("partner_id", "=", actor.partnerId)
      .where("entry_id", "=", entryId)
      .execute();
  }
  return { ok: true };
}

/**
 * The current deck of a visible entry for a partner's person, and a partner_deck_views row for this
 * very access (every open is one row: the entrant and the organizers read who looked and when).
 */
export async function partnerDeck(
  db: Db,
  store: FileStore,
  user: SessionUser,
  code: string,
): Promise<{ sha256: string; bytes: number; fileName: string; mediaType: string; stream: Readable } | null> {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return null;
  const id = await visibleByCode(db, actor.competitionId, code);
  if (id === null) return null;
  const deck = await db
    .selectFrom("entry_decks")
    .where("entry_id", "=", id)
    .where("replaced_at", "is", null)
    .select(["id", "sha256", "bytes", "file_name", "media_type"])
    .executeTakeFirst();
  if (!deck) return null;
  const stream = await store.open(deck.sha256);
  if (!stream) return null;
  await db
    .insertInto("partner_deck_views")
    .values({ partner_id: actor.partnerId, entry_id: id, user_id: user.id, deck_id: deck.id })
    .execute();
  return { sha256: deck.sha256, bytes: deck.bytes, fileName: deck.file_name, mediaType: deck.media_type, stream };
}

export type PartnerChoice = {
  id: number;
  kind: PartnerKind;
  nameZh: string | null;
  nameEn: string | null;
  city: string | null;
  score: number;
  reasons: Fit["reasons"];
  mismatches: Fit["mismatches"];
  request: { id: number; state: RequestState; from: string } | null;
};

const partnerName = (row: PartnerRow) => ({ nameZh: row.name_zh, nameEn: row.name_en, city: row.city });

/** An entry's ranked list of partners (of one kind when asked), for its entrant; empty without consent. */
export async function partnersForEntry(db: Db, user: SessionUser, entryId: number, kind?: PartnerKind) {
  const mine = await entrantEntry(db, user, entryId);
  if (!mine.ok) return mine;
  const [needsRow, card, partners, names] = await Promise.all([
    db.selectFrom("entry_needs").where("entry_id", "=", entryId).selectAll().executeTakeFirst(),
    db
      .selectFrom("entries as e")
      .innerJoin("tracks as t", "t.id", "e.track_id")
      .innerJoin("groups as g", "g.id", "e.group_id")
      .where("e.id", "=", entryId)
      .select(["e.id", "e.country", "t.code as trackCode", "g.code as groupCode"])
      .executeTakeFirstOrThrow(),
    partnerProfiles(db, mine.competitionId),
    namesOf(db, mine.competitionId),
  ]);
  if (!needsRow) return { ok: true as const, consent: false, rows: [] as PartnerChoice[], names };
  const profile = entryProfile(card, needsRow);
  const rows = new Map(partners.map((p) => [p.profile.id, p.row]));
  const request = await requestStates(db, null, entryId);
  const ranked = rankPartnersFor(
    profile,
    partners.map((p) => p.profile),
    kind ? { kind } : {},
  );
  return {
    ok: true as const,
    consent: profile.consent,
    names,
    rows: ranked.map((r): PartnerChoice => ({
      id: r.id,
      kind: r.profile.kind,
      ...partnerName(rows.get(r.id)!),
      score: r.score,
      reasons: r.reasons,
      mismatches: r.mismatches,
      request: request(r.id, entryId),
    })),
  };
}
