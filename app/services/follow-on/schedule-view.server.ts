// The stored meeting schedule as the organizers' page shows it: the placed meetings by day, slot and
// table, the unplaced ones with their reason, the last run (what undo would put back), and whether
// and when the schedule was published.
import type { Db } from "../../../db/client";
import type { UnplacedReason } from "../../domain/meeting-schedule";
import { refuse } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { organizerOnly } from "../organizer-only.server";
import { storedSettings } from "./settings.server";

export type ScheduledMeeting = {
  requestId: number;
  startsAt: string | null;
  tableNo: number | null;
  reason: UnplacedReason | null;
  entryCode: string;
  entryZh: string | null;
  entryEn: string | null;
  partnerZh: string | null;
  partnerEn: string | null;
};

/** The edition's schedule as stored, for its organizers. */
export async function scheduleView(db: Db, actor: SessionUser, competitionId: number) {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const settings = await storedSettings(db, competitionId);
  if (!settings) return refuse.notFound("schedule.errors.notFound");
  const [rows, lastRun] = await Promise.all([
    db
      .selectFrom("meeting_placements as mp")
      .innerJoin("meeting_requests as r", "r.id", "mp.request_id")
      .innerJoin("entries as e", "e.id", "r.entry_id")
      .innerJoin("partners as p", "p.id", "r.partner_id")
      .where("r.competition_id", "=", competitionId)
      .where("r.state", "=", "accepted")
      .select([
        "r.id as requestId",
        "mp.starts_at as startsAt",
        "mp.table_no as tableNo",
        "mp.unplaced_reason as reason",
        "e.code as entryCode",
        "e.title_zh as entryZh",
        "e.title_en as entryEn",
        "p.name_zh as partnerZh",
        "p.name_en as partnerEn",
      ])
      .orderBy("mp.starts_at")
      .orderBy("mp.table_no")
      .orderBy("r.id")
      .execute(),
    db
      .selectFrom("meeting_schedule_runs")
      .where("competition_id", "=", competitionId)
      .where("undone_at", "is", null)
      .orderBy("id", "desc")
      .select(["id", "run_at", "placed", "unplaced"])
      .executeTakeFirst(),
  ]);
  const meetings: ScheduledMeeting[] = rows;
  return {
    ok: true as const,
    timeZone: settings.timeZone,
    publishedAt: settings.publishedAt,
    tables: settings.tables,
    placed: meetings.filter((m) => m.startsAt !== null),
    unplaced: meetings.filter((m) => m.startsAt === null),
    lastRun: lastRun
      ? { id: lastRun.id, at: lastRun.run_at, placed: lastRun.placed, unplaced: lastRun.unplaced }
      : null,
  };
}
