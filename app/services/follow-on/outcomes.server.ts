// What came of a meeting, as each side records it: the partner for its own meetings, the entrant for
// its own entry's. A side reads and writes only its own record (never the other side's note, never
// another partner's meeting); a meeting is an accepted request, placed on the schedule or not.
import type { Db } from "../../../db/client";
import type { RequestSide } from "../../domain/partner-vocabulary";
import { outcomeFormSchema, type OutcomeForm, type OutcomeKind } from "../../domain/meeting-outcomes";
import { refuse, refuseParse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { recordAudit } from "../audit.server";
import { inTransaction } from "../db-helpers.server";
import { consentingEntries, entrantEntry, partnerActor } from "./access.server";

/** Who records: a partner's person (for the partner), or an entrant for one of their entries. */
export type OutcomeAsker = { side: "partner" } | { side: "entry"; entryId: number };

/** One side's own record, as its form shows it. */
export type OwnRecord = { held: boolean; kind: OutcomeKind; amountWan: number | null; note: string | null };

/** A meeting as one side sees it: who it is with, when and where it was placed, and that side's record. */
export type OwnMeeting = {
  requestId: number;
  state: string;
  entryCode: string;
  entryTitleZh: string | null;
  entryTitleEn: string | null;
  partnerNameZh: string | null;
  partnerNameEn: string | null;
  startsAt: string | null;
  tableNo: number | null;
  mine: OwnRecord | null;
};

type Party = { side: RequestSide; competitionId: number; partnerId?: number; entryId?: number };

/** The asker as one party of meetings, or the refusal of someone who is not one. */
async function partyOf(db: Db, user: SessionUser, asker: OutcomeAsker): Promise<Outcome<{ party: Party }>> {
  if (asker.side === "partner") {
    const actor = await partnerActor(db, user);
    if (!actor.ok) return actor;
    const party = { side: "partner" as const, competitionId: actor.competitionId, partnerId: actor.partnerId };
    return { ok: true, party };
  }
  const entry = await entrantEntry(db, user, asker.entryId);
  if (!entry.ok) return entry;
  return { ok: true, party: { side: "entry", competitionId: entry.competitionId, entryId: entry.entryId } };
}

// A party's requests of any state (the caller decides which states it shows); a partner's only for
// entries still visible to partners, an entrant's only for its entry.
function partyMeetings(db: Db, party: Party) {
  let query = db
    .selectFrom("meeting_requests as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("partners as p", "p.id", "r.partner_id")
    .leftJoin("meeting_placements as mp", "mp.request_id", "r.id")
    .leftJoin("meeting_outcomes as o", (j) => j.onRef("o.request_id", "=", "r.id").on("o.side", "=", party.side))
    .where("r.competition_id", "=", party.competitionId)
    .select([
      "r.id as requestId",
      "r.state",
      "e.code as entryCode",
      "e.title_zh as entryTitleZh",
      "e.title_en as entryTitleEn",
      "p.name_zh as partnerNameZh",
      "p.name_en as partnerNameEn",
      "mp.starts_at as startsAt",
      "mp.table_no as tableNo",
      "o.held",
      "o.kind",
      "o.amount_wan",
      "o.note",
    ]);
  if (party.partnerId !== undefined)
    query = query
      .where("r.partner_id", "=", party.partnerId)
      .where("r.entry_id", "in", consentingEntries(db, party.competitionId).select("e.id"));
  if (party.entryId !== undefined) query = query.where("r.entry_id", "=", party.entryId);
  return query;
}

type MeetingRow = Awaited<ReturnType<ReturnType<typeof partyMeetings>["execute"]>>[number];

function ownMeeting(row: MeetingRow): OwnMeeting {
  const { held, kind, amount_wan, note, ...meeting } = row;
  const mine = kind === null ? null : { held: held === 1, kind, amountWan: amount_wan, note };
  return { ...meeting, mine };
}

/** The asker's meetings (accepted requests), placed ones first by time, each with the asker's own record. */
export async function ownMeetings(
  db: Db,
  user: SessionUser,
  asker: OutcomeAsker,
): Promise<Outcome<{ meetings: OwnMeeting[] }>> {
  const who = await partyOf(db, user, asker);
  if (!who.ok) return who;
  const rows = await partyMeetings(db, who.party)
    .where("r.state", "=", "accepted")
    .orderBy((eb) => eb.fn.coalesce("mp.starts_at", eb.val("9999")))
    .orderBy("r.id")
    .execute();
  return { ok: true, meetings: rows.map(ownMeeting) };
}

/** One meeting of the asker's, with the asker's own record; "not found" for anyone not a party to it. */
export async function meetingOfParty(
  db: Db,
  user: SessionUser,
  asker: OutcomeAsker,
  requestId: number,
): Promise<Outcome<{ meeting: OwnMeeting; party: Party }>> {
  const who = await partyOf(db, user, asker);
  if (!who.ok) return who;
  const row = await partyMeetings(db, who.party).where("r.id", "=", requestId).executeTakeFirst();
  if (!row) return refuse.notFound("outcome.meetingNotFound");
  return { ok: true, meeting: ownMeeting(row), party: who.party };
}

/** The form's fields as the service reads them (the route hands in the posted values). */
export type OutcomeInput = Record<string, unknown>;

/**
 * Records (or changes) the asker's side of what came of a meeting: refused unless the asker is a
 * party to it and it was accepted; the fields are checked by the domain's schema, each refusal at
 * its field; the write and its audit row are one transaction.
 */
export async function recordOutcome(
  db: Db,
  clock: () => Date,
  user: SessionUser,
  asker: OutcomeAsker,
  requestId: number,
  input: OutcomeInput,
): Promise<Outcome<{ record: OwnRecord }>> {
  const found = await meetingOfParty(db, user, asker, requestId);
  if (!found.ok) return found;
  if (found.meeting.state !== "accepted") return refuse.conflict("outcome.notAccepted");
  const parsed = outcomeFormSchema.safeParse({ ...input, meetingId: requestId });
  if (!parsed.success) return refuseParse(parsed.error);
  const form: OutcomeForm = parsed.data;
  const record: OwnRecord = {
    held: form.held,
    kind: form.kind,
    amountWan: form.amountWan ?? null,
    note: form.note ? form.note : null,
  };
  const side = found.party.side;
  await inTransaction(db, async (trx) => {
    const values = {
      held: record.held ? 1 : 0,
      kind: record.kind,
      amount_wan: record.amountWan,
      note: record.note,
      recorded_by: user.id,
      recorded_at: clock().toISOString(),
    };
    await trx
      .insertInto("meeting_outcomes")
      .values({ request_id: requestId, side, ...values })
      .onConflict((oc) => oc.columns(["request_id", "side"]).doUpdateSet(values))
      .execute();
    // The note stays out of the audit row: it is the side's own, and the log is read by organizers.
    const before = found.meeting.mine ? { ...found.meeting.mine, note: undefined } : null;
    await recordAudit(trx, {
      actor_user_id: user.id,
      action: before ? "meeting_outcome.changed" : "meeting_outcome.recorded",
      subject_type: "meeting_request",
      subject_id: requestId,
      before: before ? JSON.stringify({ side, ...before }) : null,
      after: JSON.stringify({ side, held: record.held, kind: record.kind, amountWan: record.amountWan }),
    });
  });
  return { ok: true, record };
}
