// The organizer's view of a round being judged: who has done what, what is still short, and
// whose marks stand out from their panels.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { histogram, judgeDeviations } from "../domain/judge-stats";
import { criteriaOf } from "./queries/criteria.server";
import { roundById } from "./queries/rounds.server";
import { weightedSheetsOf } from "./queries/scores.server";
import { unitOf } from "./results.server";
import { assignmentsWithSheets } from "./queries/scores.server";
import type { SessionUser } from "./auth.server";
import { reminderPreview, sendReminders, type ReminderDeps } from "./judging-reminders.server";

/** Weighted marks are thousandths × basis points: 10^7 per mark point. */
const WEIGHTED_PER_POINT = 10_000_000;

type Round = NonNullable<Awaited<ReturnType<typeof roundById>>>;

/** Each submitted, complete sheet's weighted mark (as a number of points, for statistics). */
async function weightedMarks(db: Db, roundId: number) {
  const criteria = await criteriaOf(db, roundId);
  const rows = await weightedSheetsOf(db, roundId, criteria.length);
  const maxPoints = criteria.reduce((sum, c) => sum + c.max_milli * c.weight_bp, 0) / WEIGHTED_PER_POINT;
  return {
    rows: rows.map((r) => ({
      judgeId: String(r.judge_id),
      entryId: String(r.entry_id),
      mark: r.weighted / WEIGHTED_PER_POINT,
    })),
    maxPoints,
  };
}

/** Per judge of the round: entries assigned, sheets submitted and drafted, last activity. */
export function judgeProgress(db: Db, roundId: number) {
  return assignmentsWithSheets(db)
    .innerJoin("judges as j", "j.id", "a.judge_id")
    .where("a.round_id", "=", roundId)
    .groupBy("j.id")
    .select([
      "j.id",
      "j.name",
      "j.affiliation",
      sql<number>`count(*)`.as("assigned"),
      sql<number>`coalesce(sum(s.status = 'submitted'), 0)`.as("submitted"),
      sql<number>`coalesce(sum(s.status = 'draft'), 0)`.as("drafts"),
      sql<string | null>`max(s.updated_at)`.as("lastActivity"),
    ])
    .execute();
}

/** Per competing entry of the round: judges assigned and sheets submitted. */
function entryProgress(db: Db, roundId: number) {
  return db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select([
      "e.id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.group_id",
      "e.track_id",
      (eb) =>
        eb
          .selectFrom("assignments as a")
          .whereRef("a.entry_id", "=", "e.id")
          .where("a.round_id", "=", roundId)
          .select(sql<number>`count(*)`.as("n"))
          .as("assigned"),
      (eb) =>
        eb
          .selectFrom("scores as s")
          .whereRef("s.entry_id", "=", "e.id")
          .where("s.round_id", "=", roundId)
          .where("s.status", "=", "submitted")
          .select(sql<number>`count(*)`.as("n"))
          .as("submitted"),
    ])
    .execute();
}

type EntryProgress = Awaited<ReturnType<typeof entryProgress>>[number];
type Named = { id: number; code: string; name_zh: string; name_en: string };

/** A competition's groups or tracks, in their order. */
function namedOf(db: Db, table: "groups" | "tracks", competitionId: number): Promise<Named[]> {
  return db
    .selectFrom(table)
    .select(["id", "code", "name_zh", "name_en"])
    .where("competition_id", "=", competitionId)
    .orderBy("sort_order")
    .execute();
}

/** Progress per ranking unit (group, track or all), labelled, in code order. */
function unitProgress(round: Round, entries: EntryProgress[], groups: Named[], tracks: Named[]) {
  const k = round.judges_per_entry;
  const units = new Map<
    string,
    { unit: string; entries: number; pairs: number; submitted: number; complete: number }
  >();
  for (const e of entries) {
    const unit = unitOf(round.scope, e);
    const u = units.get(unit) ?? { unit, entries: 0, pairs: 0, submitted: 0, complete: 0 };
    u.entries++;
    u.pairs += e.assigned ?? 0;
    u.submitted += e.submitted ?? 0;
    if ((e.submitted ?? 0) >= k) u.complete++;
    units.set(unit, u);
  }
  const label = (unit: string) => {
    const [kind, id] = unit.split(":");
    const list = kind === "group" ? groups : kind === "track" ? tracks : [];
    const row = list.find((r) => String(r.id) === id);
    return row
      ? { code: row.code, nameZh: row.name_zh, nameEn: row.name_en }
      : { code: "ALL", nameZh: "全部", nameEn: "All" };
  };
  return [...units.values()].map((u) => ({ ...u, ...label(u.unit) })).sort((a, b) => a.code.localeCompare(b.code));
}

/** Entries lacking judges first, then those still awaiting scores, fewest submitted first. */
function shortEntries(entries: EntryProgress[], k: number) {
  const short = entries
    .filter((e) => (e.assigned ?? 0) < k || (e.submitted ?? 0) < k)
    .map((e) => ({
      id: e.id,
      code: e.code,
      titleZh: e.title_zh,
      titleEn: e.title_en,
      assigned: e.assigned ?? 0,
      submitted: e.submitted ?? 0,
      needsJudges: (e.assigned ?? 0) < k,
    }))
    .sort(
      (a, b) =>
        Number(b.needsJudges) - Number(a.needsJudges) || a.submitted - b.submitted || a.code.localeCompare(b.code),
    );
  return {
    needsJudges: short.filter((s) => s.needsJudges).length,
    awaitingScores: short.filter((s) => !s.needsJudges).length,
    list: short.slice(0, 100),
  };
}

/** The judges with their progress, each marked when well behind the round as a whole. */
export function judgesWithPace(judges: Awaited<ReturnType<typeof judgeProgress>>) {
  const assigned = judges.reduce((a, j) => a + j.assigned, 0);
  const submitted = judges.reduce((a, j) => a + j.submitted, 0);
  const share = assigned ? submitted / assigned : 0;
  // Behind: twenty points below the round's overall progress, or nothing in while others are well on.
  const behind = (j: { assigned: number; submitted: number }) =>
    j.assigned > 0 && (j.submitted / j.assigned < share - 0.2 || (j.submitted === 0 && share >= 0.2));
  const list = judges
    .map((j) => ({ ...j, behind: behind(j) }))
    .sort((a, b) => a.submitted / a.assigned - b.submitted / b.assigned || a.name.localeCompare(b.name));
  return { list, assigned, submitted, share };
}

async function dashboard(db: Db, roundId: number) {
  const round = await roundById(db, roundId);
  if (!round) throw new Error(`no round ${roundId}`);
  const [judges, entries, groups, tracks, marks] = await Promise.all([
    judgeProgress(db, roundId),
    entryProgress(db, roundId),
    namedOf(db, "groups", round.competition_id),
    namedOf(db, "tracks", round.competition_id),
    weightedMarks(db, roundId),
  ]);
  const k = round.judges_per_entry;
  const pace = judgesWithPace(judges);
  const names = new Map(judges.map((j) => [String(j.id), j.name]));
  const deviations = judgeDeviations(marks.rows).map((d) => ({ ...d, name: names.get(d.judgeId) ?? d.judgeId }));
  return {
    round: {
      id: round.id,
      slug: round.slug,
      nameZh: round.name_zh,
      nameEn: round.name_en,
      status: round.status,
      k,
      scope: round.scope,
    },
    totals: {
      judges: judges.length,
      entries: entries.length,
      assigned: pace.assigned,
      submitted: pace.submitted,
      share: pace.share,
    },
    judges: pace.list,
    units: unitProgress(round, entries, groups, tracks),
    short: shortEntries(entries, k),
    outliers: deviations.filter((d) => d.flag !== null),
    deviations,
    distribution: histogram(
      marks.rows.map((r) => r.mark),
      0,
      marks.maxPoints || 10,
      20,
    ),
  };
}

export function createJudgingDashboard(db: Db, options: { clock: () => Date; publicOrigin: () => string }) {
  const deps: ReminderDeps = { db, ...options };
  return {
    dashboard: (roundId: number) => dashboard(db, roundId),
    /** Who "remind judges who are behind" reaches now, and who was reminded within the hour. */
    reminderPreview: (actor: SessionUser, roundId: number) => reminderPreview(deps, actor, roundId),
    /** A reminder to every judge on the confirmed list (its fingerprint), at most one per judge per round per hour. */
    sendReminders: (actor: SessionUser, roundId: number, fingerprint: string) =>
      sendReminders(deps, actor, roundId, fingerprint),
  };
}

export type JudgingDashboard = ReturnType<typeof createJudgingDashboard>;
