// What each person sees of the meeting schedule: a partner's people their partner's placed meetings,
// an entrant the placed meetings of their own entries. Nothing is shown before the organizers publish
// the schedule (a draft may still move), and nobody sees a meeting they are not a party to. The
// calendar file is the same list as iCalendar (app/domain/agenda-ics.ts).
import type { Db } from "../../../db/client";
import { agendaIcs, type AgendaEvent } from "../../domain/agenda-ics";
import type { Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { consentingEntries, partnerActor } from "./access.server";

/** One placed meeting as its party sees it: when, where, with whom, for which entry. */
export type AgendaItem = {
  requestId: number;
  startsAt: string;
  endsAt: string;
  tableNo: number | null;
  /** How many times the meeting moved: the calendar file's SEQUENCE. */
  sequence: number;
  entryCode: string;
  /** The other side: the entry's title for a partner, the partner's name for an entrant. */
  withZh: string | null;
  withEn: string | null;
  /** The edition's zone: times are shown in it. */
  timeZone: string;
};

/** A person's agenda: published or not yet, and the meetings once it is. */
export type AgendaView = {
  side: "partner" | "entry";
  published: boolean;
  publishedAt: string | null;
  timeZone: string;
  editionZh: string | null;
  editionEn: string | null;
  items: AgendaItem[];
};

const FALLBACK_ZONE = "Asia/Shanghai";

// Placed meetings of accepted requests in published schedules only; the caller narrows to one party.
function placedMeetings(db: Db) {
  return db
    .selectFrom("meeting_placements as mp")
    .innerJoin("meeting_requests as r", "r.id", "mp.request_id")
    .innerJoin("follow_on_settings as s", "s.competition_id", "r.competition_id")
    .innerJoin("competitions as c", "c.id", "r.competition_id")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("partners as p", "p.id", "r.partner_id")
    .where("r.state", "=", "accepted")
    .where("mp.starts_at", "is not", null)
    .where("mp.ends_at", "is not", null)
    .where("s.schedule_published_at", "is not", null)
    .select([
      "r.id as requestId",
      "mp.starts_at as startsAt",
      "mp.ends_at as endsAt",
      "mp.table_no as tableNo",
      "mp.sequence",
      "e.code as entryCode",
      "e.title_zh as entryZh",
      "e.title_en as entryEn",
      "p.name_zh as partnerZh",
      "p.name_en as partnerEn",
      "c.time_zone as timeZone",
    ])
    .orderBy("mp.starts_at")
    .orderBy("r.id");
}

type Row = Awaited<ReturnType<ReturnType<typeof placedMeetings>["execute"]>>[number];

function item(row: Row, side: "partner" | "entry"): AgendaItem {
  return {
    requestId: row.requestId,
    startsAt: row.startsAt!,
    endsAt: row.endsAt!,
    tableNo: row.tableNo,
    sequence: row.sequence,
    entryCode: row.entryCode,
    withZh: side === "partner" ? row.entryZh : row.partnerZh,
    withEn: side === "partner" ? row.entryEn : row.partnerEn,
    timeZone: row.timeZone || FALLBACK_ZONE,
  };
}

async function editionState(db: Db, competitionIds: readonly number[]) {
  if (competitionIds.length === 0) return [];
  return db
    .selectFrom("competitions as c")
    .leftJoin("follow_on_settings as s", "s.competition_id", "c.id")
    .where("c.id", "in", competitionIds)
    .select(["c.id", "c.name_zh", "c.name_en", "c.time_zone", "s.schedule_published_at"])
    .orderBy("c.id", "desc")
    .execute();
}

/** The agenda of the partner the asker acts for; refused to anyone who is not a partner's person. */
export async function partnerAgenda(db: Db, user: SessionUser): Promise<Outcome<{ agenda: AgendaView }>> {
  const actor = await partnerActor(db, user);
  if (!actor.ok) return actor;
  const [edition] = await editionState(db, [actor.competitionId]);
  const rows = await placedMeetings(db)
    .where("r.partner_id", "=", actor.partnerId)
    // A partner never sees an entry whose team withdrew its consent, not even on the agenda.
    .where("r.entry_id", "in", consentingEntries(db, actor.competitionId).select("e.id"))
    .execute();
  return {
    ok: true,
    agenda: {
      side: "partner",
      published: !!edition?.schedule_published_at,
      publishedAt: edition?.schedule_published_at ?? null,
      timeZone: edition?.time_zone || FALLBACK_ZONE,
      editionZh: edition?.name_zh ?? null,
      editionEn: edition?.name_en ?? null,
      items: rows.map((r) => item(r, "partner")),
    },
  };
}

/**
 * The agenda of an entrant: the placed meetings of the entries they registered, over every edition
 * they entered; "published" once any of those editions published its schedule.
 */
export async function entrantAgenda(db: Db, user: SessionUser): Promise<Outcome<{ agenda: AgendaView }>> {
  const owned = await db
    .selectFrom("entries")
    .where("entrant_user_id", "=", user.id)
    .select("competition_id")
    .distinct()
    .execute();
  const editions = await editionState(
    db,
    owned.map((o) => o.competition_id),
  );
  const published = editions.filter((e) => e.schedule_published_at);
  const shown = published[0] ?? editions[0];
  const rows = await placedMeetings(db).where("e.entrant_user_id", "=", user.id).execute();
  return {
    ok: true,
    agenda: {
      side: "entry",
      published: published.length > 0,
      publishedAt: published[0]?.schedule_published_at ?? null,
      timeZone: shown?.time_zone || FALLBACK_ZONE,
      editionZh: shown?.name_zh ?? null,
      editionEn: shown?.name_en ?? null,
      items: rows.map((r) => item(r, "entry")),
    },
  };
}

/** The words a calendar file needs, in the reader's language (the route hands them in). */
export type AgendaWords = {
  calendarName: string;
  summary: (item: AgendaItem) => string;
  location: (item: AgendaItem) => string | undefined;
  description: (item: AgendaItem) => string | undefined;
};

/**
 * The agenda as an iCalendar file. The UID names the meeting (its request) and the site, so a
 * calendar that imported an earlier file updates the event when the meeting moves.
 */
export function agendaCalendar(agenda: AgendaView, words: AgendaWords, host: string, stampedAt: Date): string {
  const events: AgendaEvent[] = agenda.items.map((i) => {
    const location = words.location(i);
    const description = words.description(i);
    return {
      uid: `meeting-${i.requestId}@${host}`,
      sequence: i.sequence,
      startsAt: Date.parse(i.startsAt),
      endsAt: Date.parse(i.endsAt),
      summary: words.summary(i),
      ...(location ? { location } : {}),
      ...(description ? { description } : {}),
    };
  });
  return agendaIcs({ name: words.calendarName, stampedAt: stampedAt.getTime(), events });
}

export function createAgendaService(
  db: Db,
  { clock, publicOrigin }: { clock: () => Date; publicOrigin: () => string },
) {
  return {
    /** The asker's partner's placed meetings once the schedule is published. */
    ofPartner: (user: SessionUser) => partnerAgenda(db, user),
    /** The asker's own entries' placed meetings once the schedule is published. */
    ofEntrant: (user: SessionUser) => entrantAgenda(db, user),
    /** An agenda as a calendar file, stamped now, its UIDs on the site's host. */
    calendar: (agenda: AgendaView, words: AgendaWords) =>
      agendaCalendar(agenda, words, new URL(publicOrigin()).hostname, clock()),
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;
