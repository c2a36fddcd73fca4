// Meeting requests both ways: a partner asks an entry, or an entry's entrant asks a partner; the
// other side accepts or declines, the sender withdraws. The caps (follow_on_settings) are checked
// against the stored requests in the same transaction as the insert, and SQLite runs one writing
// transaction at a time, so two requests racing for the last place cannot both get it.
import type { Db } from "../../../db/client";
import { mayRequest, requestTransition, type MeetingRequest, type RequestActor } from "../../domain/partner-matching";
import type { PartnerKind, RequestAction, RequestSide, RequestState } from "../../domain/partner-vocabulary";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth/deps.server";
import { inTransaction } from "../db-helpers.server";
import { consentingEntries, entrantEntry, partnerActor } from "./access.server";
import { mailRequestAnswered, mailRequestReceived, type RequestMailDeps } from "./request-mail.server";

type NewOne = {
  competitionId: number;
  partnerId: number;
  partnerKind: PartnerKind;
  entryId: number;
  from: RequestSide;
};

/** The live requests that count for this pair's caps, and the caps, read inside the transaction. */
async function capState(trx: Db, r: NewOne) {
  const [rows, settings] = await Promise.all([
    trx
      .selectFrom("meeting_requests as m")
      .innerJoin("partners as p", "p.id", "m.partner_id")
      .where("m.competition_id", "=", r.competitionId)
      .where((w) => w.or([w("m.partner_id", "=", r.partnerId), w("m.entry_id", "=", r.entryId)]))
      .where("m.state", "in", ["pending", "accepted"])
      .select(["m.id", "m.partner_id", "m.entry_id", "m.from_side", "m.state", "p.kind"])
      .execute(),
    trx
      .selectFrom("follow_on_settings")
      .where("competition_id", "=", r.competitionId)
      .select(["cap_per_partner", "cap_per_entry_per_kind"])
      .executeTakeFirstOrThrow(),
  ]);
  const state: MeetingRequest[] = rows.map((m) => ({
    id: m.id,
    partnerId: m.partner_id,
    partnerKind: m.kind,
    entryId: m.entry_id,
    from: m.from_side,
    state: m.state,
  }));
  return { state, caps: { perPartner: settings.cap_per_partner, perEntryPerKind: settings.cap_per_entry_per_kind } };
}

async function insertRequest(
  trx: Db,
  mail: RequestMailDeps,
  user: SessionUser,
  r: NewOne,
  consent: boolean,
  message: string | undefined,
) {
  const { state, caps } = await capState(trx, r);
  const allowed = mayRequest(state, { ...r, entryConsent: consent }, caps);
  if (!allowed.ok) return allowed;
  const row = await trx
    .insertInto("meeting_requests")
    .values({
      competition_id: r.competitionId,
      partner_id: r.partnerId,
      entry_id: r.entryId,
      from_side: r.from,
      message: message ?? null,
      created_by: user.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor_user_id: user.id,
    action: "meeting_request.sent",
    subject_type: "meeting_request",
    subject_id: row.id,
    after: JSON.stringify({ partnerId: r.partnerId, entryId: r.entryId, from: r.from }),
  });
  await mailRequestReceived(trx, mail, row.id);
  return { ok: true as const, id: row.id };
}

/** A partner asks a consenting entry to meet. An entry it may not see is "no such entry". */
export async function requestFromPartner(
  db: Db,
  mail: RequestMailDeps,
  user: SessionUser,
  entryId: number,
  message?: string,
) {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return actor;
  return inTransaction(db, async (trx) => {
    const visible = await consentingEntries(trx, actor.competitionId)
      .where("e.id", "=", entryId)
      .select("e.id")
      .executeTakeFirst();
    if (!visible) return refuse.notFound("followOn.entryNotFound");
    const r = {
      competitionId: actor.competitionId,
      partnerId: actor.partnerId,
      partnerKind: actor.kind,
      entryId,
      from: "partner" as const,
    };
    return insertRequest(trx, mail, user, r, true, message);
  });
}

/** An entry's entrant asks an enabled partner of the edition; refused (noConsent) until the entry consents. */
export async function requestFromEntry(
  db: Db,
  mail: RequestMailDeps,
  user: SessionUser,
  entryId: number,
  partnerId: number,
  message?: string,
) {
  const mine = await entrantEntry(db, user, entryId);
  if (!mine.ok) return mine;
  return inTransaction(db, async (trx) => {
    const [partner, needs] = await Promise.all([
      trx
        .selectFrom("partners")
        .where("id", "=", partnerId)
        .where("competition_id", "=", mine.competitionId)
        .where("disabled_at", "is", null)
        .select(["id", "kind"])
        .executeTakeFirst(),
      trx.selectFrom("entry_needs").where("entry_id", "=", entryId).select("consented_at").executeTakeFirst(),
    ]);
    if (!partner) return refuse.notFound("matching.partnerNotFound");
    const r = {
      competitionId: mine.competitionId,
      partnerId,
      partnerKind: partner.kind,
      entryId,
      from: "entry" as const,
    };
    return insertRequest(trx, mail, user, r, needs?.consented_at != null, message);
  });
}

/** Who asks to act on a request: a partner's person, or the entrant of one entry. */
export type RequestAsker = { as: "partner" } | { as: "entry"; entryId: number };

async function actorFor(
  db: Db,
  user: SessionUser,
  asker: RequestAsker,
): Promise<Outcome<{ actor: RequestActor; competitionId: number }>> {
  if (asker.as === "partner") {
    const p = await partnerActor(db, user);
    return p.ok ? { ok: true, actor: { side: "partner", id: p.partnerId }, competitionId: p.competitionId } : p;
  }
  const e = await entrantEntry(db, user, asker.entryId);
  return e.ok ? { ok: true, actor: { side: "entry", id: e.entryId }, competitionId: e.competitionId } : e;
}

const AUDITED: Record<
  RequestAction,
  "meeting_request.accepted" | "meeting_request.declined" | "meeting_request.withdrawn"
> = {
  accept: "meeting_request.accepted",
  decline: "meeting_request.declined",
  withdraw: "meeting_request.withdrawn",
};

/**
 * Accept, decline or withdraw, read and written in one transaction: a request already final is
 * refused by its state (an accept of a withdrawn request is `requestWithdrawn`) and nothing changes.
 * A request that is not the asker's reads as not found: it reveals nothing of another's requests.
 */
export async function actOnRequest(
  db: Db,
  clock: () => Date,
  mail: RequestMailDeps,
  user: SessionUser,
  asker: RequestAsker,
  requestId: number,
  action: RequestAction,
): Promise<Outcome<{ state: RequestState; meeting: boolean }>> {
  const who = await actorFor(db, user, asker);
  if (!who.ok) return who;
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("meeting_requests as m")
      .innerJoin("partners as p", "p.id", "m.partner_id")
      .where("m.id", "=", requestId)
      .where("m.competition_id", "=", who.competitionId)
      .select(["m.id", "m.partner_id", "m.entry_id", "m.from_side", "m.state", "p.kind"])
      .executeTakeFirst();
    const partyId = who.actor.side === "partner" ? row?.partner_id : row?.entry_id;
    if (!row || partyId !== who.actor.id) return refuse.notFound("matching.requestNotFound");
    const request: MeetingRequest = {
      id: row.id,
      partnerId: row.partner_id,
      partnerKind: row.kind,
      entryId: row.entry_id,
      from: row.from_side,
      state: row.state,
    };
    const next = requestTransition(request, action, who.actor);
    if (!next.ok) return next;
    await trx
      .updateTable("meeting_requests")
      .set({ state: next.request.state, answered_by: user.id, answered_at: clock().toISOString() })
      .where("id", "=", row.id)
      .where("state", "=", "pending")
      .execute();
    await recordAudit(trx, {
      actor_user_id: user.id,
      action: AUDITED[action],
      subject_type: "meeting_request",
      subject_id: row.id,
      before: JSON.stringify({ state: row.state }),
      after: JSON.stringify({ state: next.request.state }),
    });
    await mailRequestAnswered(trx, mail, row.id);
    return { ok: true, state: next.request.state, meeting: next.meeting };
  });
}

export type RequestRow = {
  id: number;
  partnerId: number;
  partnerKind: PartnerKind;
  partnerNameZh: string | null;
  partnerNameEn: string | null;
  entryId: number;
  entryCode: string;
  entryTitleZh: string | null;
  entryTitleEn: string | null;
  from: RequestSide;
  state: RequestState;
  message: string | null;
  createdAt: string;
};

function requestRows(db: Db, competitionId: number) {
  return db
    .selectFrom("meeting_requests as m")
    .innerJoin("partners as p", "p.id", "m.partner_id")
    .innerJoin("entries as e", "e.id", "m.entry_id")
    .where("m.competition_id", "=", competitionId)
    .select([
      "m.id",
      "m.partner_id as partnerId",
      "p.kind as partnerKind",
      "p.name_zh as partnerNameZh",
      "p.name_en as partnerNameEn",
      "m.entry_id as entryId",
      "e.code as entryCode",
      "e.title_zh as entryTitleZh",
      "e.title_en as entryTitleEn",
      "m.from_side as from",
      "m.state",
      "m.message",
      "m.created_at as createdAt",
    ])
    .orderBy("m.id", "desc");
}

/** The partner's own requests, sent and received; never another partner's. */
export async function requestsOfPartner(db: Db, user: SessionUser): Promise<Outcome<{ requests: RequestRow[] }>> {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return actor;
  const requests = await requestRows(db, actor.competitionId).where("m.partner_id", "=", actor.partnerId).execute();
  return { ok: true, requests };
}

/** One entry's requests, sent and received, for its entrant. */
export async function requestsOfEntry(
  db: Db,
  user: SessionUser,
  entryId: number,
): Promise<Outcome<{ requests: RequestRow[] }>> {
  const mine = await entrantEntry(db, user, entryId);
  if (!mine.ok) return mine;
  const requests = await requestRows(db, mine.competitionId).where("m.entry_id", "=", entryId).execute();
  return { ok: true, requests };
}

/** Every request of an edition, for organizers only (the schedule and the outcomes read them). */
export async function allRequests(
  db: Db,
  user: SessionUser,
  competitionId: number,
): Promise<Outcome<{ requests: RequestRow[] }>> {
  if (!user.roles.includes("organizer")) return refuse.forbidden("matching.organizerOnly");
  const requests = await requestRows(db, competitionId).execute();
  return { ok: true, requests };
}
