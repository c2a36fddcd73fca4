// What the meeting scheduler is given for an edition, read from the database: the forum's slots,
// the accepted meetings and who attends each, the finalists' pitch windows, and the placements now
// stored (kept where they still hold). The fingerprint names all of it, so a confirmation can tell
// whether the organizer saw the numbers of the input it is about to write.
import { createHash } from "node:crypto";
import type { Db } from "../../../db/client";
import type { MeetingPlacementsTable } from "../../../db/schema-follow-on";
import type { Meeting, Placement, ScheduleInput } from "../../domain/meeting-schedule";
import { pitchBusy, slotGrid, type Pitch } from "../../domain/schedule-grid";
import type { Selectable } from "kysely";
import { finalistsOf, stageRoundOf } from "../live/queries.server";
import { storedSettings, type StoredSettings } from "./settings.server";

export type StoredPlacement = Selectable<MeetingPlacementsTable>;

export type LoadedInput = {
  settings: StoredSettings;
  input: ScheduleInput & { keep: Placement[] };
  /** The users who attend each meeting (the partner's people and the entrant): whose agendas it is on. */
  peopleOf: Map<number, number[]>;
  /** Every placement row of the edition's requests as stored now. */
  stored: StoredPlacement[];
  fingerprint: string;
};

/** The edition's accepted meetings (a live entry, an enabled partner) with everyone who must attend. */
async function acceptedMeetings(db: Db, competitionId: number) {
  const requests = await db
    .selectFrom("meeting_requests as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("partners as p", "p.id", "r.partner_id")
    .where("r.competition_id", "=", competitionId)
    .where("r.state", "=", "accepted")
    .where("e.status", "=", "submitted")
    .where("p.disabled_at", "is", null)
    .select(["r.id", "r.partner_id", "r.entry_id", "e.entrant_user_id"])
    .orderBy("r.id")
    .execute();
  const people = await db
    .selectFrom("partner_people as pp")
    .innerJoin("partners as p", "p.id", "pp.partner_id")
    .where("p.competition_id", "=", competitionId)
    .select(["pp.partner_id", "pp.user_id"])
    .orderBy("pp.user_id")
    .execute();
  const peopleOfPartner = new Map<number, number[]>();
  for (const p of people) peopleOfPartner.set(p.partner_id, [...(peopleOfPartner.get(p.partner_id) ?? []), p.user_id]);
  const meetings: Meeting[] = [];
  const peopleOf = new Map<number, number[]>();
  for (const r of requests) {
    const users = [...(peopleOfPartner.get(r.partner_id) ?? []), ...(r.entrant_user_id ? [r.entrant_user_id] : [])];
    peopleOf.set(r.id, [...new Set(users)]);
    // The partner and the entry's team take part as wholes too: a partner or team without an
    // account still cannot sit at two tables at once.
    meetings.push({
      id: r.id,
      participants: [`partner:${r.partner_id}`, `entry:${r.entry_id}`, ...users.map((u) => `person:${u}`)],
    });
  }
  return { meetings, peopleOf };
}

/** Each finalist's place in the live final's running order, for its team and its entrant. */
async function finalPitches(db: Db, competitionId: number): Promise<Pitch[]> {
  const round = await stageRoundOf(db, competitionId);
  if (!round) return [];
  const order = await finalistsOf(db, round.id);
  if (order.length === 0) return [];
  const entrants = await db.selectFrom("entries").where("id", "in", order).select(["id", "entrant_user_id"]).execute();
  const entrantOf = new Map(entrants.map((e) => [e.id, e.entrant_user_id]));
  return order.flatMap((entryId, i) => {
    const entrant = entrantOf.get(entryId);
    const pitch = { participant: `entry:${entryId}`, stageOrder: i + 1 };
    return entrant ? [pitch, { participant: `person:${entrant}`, stageOrder: i + 1 }] : [pitch];
  });
}

/** The placement rows of the edition's requests, in request order. */
export function storedPlacements(db: Db, competitionId: number): Promise<StoredPlacement[]> {
  return db
    .selectFrom("meeting_placements as mp")
    .innerJoin("meeting_requests as r", "r.id", "mp.request_id")
    .where("r.competition_id", "=", competitionId)
    .selectAll("mp")
    .orderBy("mp.request_id")
    .execute();
}

/** Everything the scheduler needs for the edition, or null when the edition does not exist. */
export async function loadScheduleInput(db: Db, competitionId: number): Promise<LoadedInput | null> {
  const settings = await storedSettings(db, competitionId);
  if (!settings) return null;
  const [{ meetings, peopleOf }, pitches, stored] = await Promise.all([
    acceptedMeetings(db, competitionId),
    finalPitches(db, competitionId),
    storedPlacements(db, competitionId),
  ]);
  const slots = slotGrid(settings, settings.timeZone);
  const slotAt = new Map(slots.map((s, i) => [new Date(s.startsAt).toISOString(), i]));
  const keep: Placement[] = [];
  for (const row of stored) {
    const slot = row.starts_at === null ? undefined : slotAt.get(new Date(row.starts_at).toISOString());
    if (slot !== undefined && row.table_no !== null)
      keep.push({ meetingId: row.request_id, slot, table: row.table_no - 1 });
  }
  const busy = pitchBusy(settings.finalStartsAt, settings.pitchMinutes, pitches);
  const input = { slots, tables: settings.tables, meetings, busy, keep };
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify({
        slots: slots.map((s) => [s.startsAt, s.endsAt]),
        tables: settings.tables,
        meetings: meetings.map((m) => [m.id, m.participants]),
        busy: busy.map((b) => [b.participant, b.from, b.to]),
        stored: stored.map((s) => [s.request_id, s.starts_at, s.table_no, s.unplaced_reason]),
      }),
    )
    .digest("hex")
    .slice(0, 32);
  return { settings, input, peopleOf, stored, fingerprint };
}
