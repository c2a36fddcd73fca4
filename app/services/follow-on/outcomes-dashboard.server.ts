// The organizers' view of what the follow-on meetings led to: every accepted request of an edition with
// its placement and both sides' records, totalled by the domain's outcomeDashboard (which also decides
// how a meeting counts when the two sides disagree). Organizers only, checked here.
import type { Db } from "../../../db/client";
import {
  meetingResult,
  outcomeDashboard,
  type MeetingRecord,
  type OutcomeDashboard,
  type OutcomeKind,
  type OutcomeTotals,
} from "../../domain/meeting-outcomes";
import type { NamedCode, OutcomeMeetingRow } from "../../domain/outcome-columns";
import type { PartnerKind } from "../../domain/partner-vocabulary";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";

/** One meeting as the organizers' export lists it (the columns' row type). */
export type DashboardMeeting = OutcomeMeetingRow & { partnerKind: PartnerKind };

export type Named = NamedCode;

export type OutcomeBoard = {
  accepted: number;
  placed: number;
  recorded: number;
  disagreements: number;
  dashboard: OutcomeDashboard;
  tracks: Named[];
  groups: Named[];
  meetings: DashboardMeeting[];
};

export type { OutcomeTotals };

type SideRecord = NonNullable<OutcomeMeetingRow["partner"]>;

const side = (held: number | null, kind: OutcomeKind | null, amountWan: number | null): SideRecord | null =>
  kind === null ? null : { held: held === 1, kind, amountWan };

/** The edition's accepted meetings and their totals; refused to anyone but an organizer. */
export async function outcomeBoard(
  db: Db,
  user: SessionUser,
  competitionId: number,
): Promise<Outcome<{ board: OutcomeBoard }>> {
  if (!user.roles.includes("organizer")) return refuse.forbidden("outcome.organizerOnly");
  const rows = await db
    .selectFrom("meeting_requests as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("partners as p", "p.id", "r.partner_id")
    .leftJoin("meeting_placements as mp", "mp.request_id", "r.id")
    .leftJoin("meeting_outcomes as po", (j) => j.onRef("po.request_id", "=", "r.id").on("po.side", "=", "partner"))
    .leftJoin("meeting_outcomes as eo", (j) => j.onRef("eo.request_id", "=", "r.id").on("eo.side", "=", "entry"))
    .where("r.competition_id", "=", competitionId)
    .where("r.state", "=", "accepted")
    .select([
      "r.id as requestId",
      "e.code as entryCode",
      "e.title_zh as entryTitleZh",
      "e.title_en as entryTitleEn",
      "p.name_zh as partnerNameZh",
      "p.name_en as partnerNameEn",
      "p.kind as partnerKind",
      "t.code as track",
      "g.code as group",
      "e.country",
      "mp.starts_at as startsAt",
      "po.held as pHeld",
      "po.kind as pKind",
      "po.amount_wan as pAmount",
      "eo.held as eHeld",
      "eo.kind as eKind",
      "eo.amount_wan as eAmount",
    ])
    .orderBy("r.id")
    .execute();
  const records: MeetingRecord[] = [];
  const meetings: DashboardMeeting[] = rows.map((row) => {
    const { pHeld, pKind, pAmount, eHeld, eKind, eAmount, ...meeting } = row;
    const partner = side(pHeld, pKind, pAmount);
    const entrant = side(eHeld, eKind, eAmount);
    const outcomes = [partner, entrant]
      .filter((o): o is SideRecord => o !== null)
      .map((o) => ({ held: o.held, kind: o.kind, amountWan: o.amountWan ?? undefined }));
    const record = { meetingId: row.requestId, track: row.track, group: row.group, country: row.country, outcomes };
    records.push(record);
    const disagree = !!partner && !!entrant && (partner.kind !== entrant.kind || partner.held !== entrant.held);
    return { ...meeting, partner, entrant, ...meetingResult(record), disagree };
  });
  const [tracks, groups] = await Promise.all(
    (["tracks", "groups"] as const).map((table) =>
      db
        .selectFrom(table)
        .where("competition_id", "=", competitionId)
        .select(["code", "name_zh as nameZh", "name_en as nameEn"])
        .orderBy("sort_order")
        .execute(),
    ),
  );
  const board: OutcomeBoard = {
    accepted: meetings.length,
    placed: meetings.filter((m) => m.startsAt !== null).length,
    recorded: meetings.filter((m) => m.partner || m.entrant).length,
    disagreements: meetings.filter((m) => m.disagree).length,
    dashboard: outcomeDashboard(records),
    tracks: tracks ?? [],
    groups: groups ?? [],
    meetings,
  };
  return { ok: true, board };
}
