// The organizers' meeting schedule: a preview of what a scheduling run would do (numbers only,
// nothing written), its confirmation (all placements in one transaction, the replaced ones kept for
// undo), undoing the last run, and publishing (people whose agenda changed are e-mailed). After
// publishing, a confirmed run or an undo mails only the people it moved.
import type { Db } from "../../../db/client";
import { scheduleMeetings, type Schedule, type UnplacedReason } from "../../domain/meeting-schedule";
import { refuse, type Outcome } from "../../domain/refusal";
import { agendaLines, changedPeople, compareRuns, placeChanged, type RunChanges } from "../../domain/schedule-changes";
import type { SessionUser } from "../auth/deps.server";
import { inTransaction } from "../db-helpers.server";
import { loadScheduleInput, type LoadedInput, type StoredPlacement } from "./schedule-input.server";
import { agendaAudience, notifyChangedAgendas } from "./schedule-notices.server";
import { organizerOnly } from "../organizer-only.server";
import { auditChange } from "../audit.server";

export type ScheduleDeps = { db: Db; clock: () => Date; publicOrigin: () => string };

export type SchedulePreview = RunChanges & {
  fingerprint: string;
  meetings: number;
  placed: number;
  unplaced: Record<UnplacedReason, number>;
  /** People whose agenda the run would change (compared with the placements stored now). */
  peopleChanged: number;
  slots: number;
  tables: number;
};

/** The placement rows a schedule makes, each keeping its history (sequence, placed_at) when unmoved. */
function placementRows(loaded: LoadedInput, schedule: Schedule, now: string): StoredPlacement[] {
  const before = new Map(loaded.stored.map((s) => [s.request_id, s]));
  const { slots } = loaded.input;
  const rows: StoredPlacement[] = [];
  for (const p of schedule.placed) {
    const slot = slots[p.slot]!;
    const place = { startsAt: new Date(slot.startsAt).toISOString(), tableNo: p.table + 1 };
    rows.push(rowOf(before.get(p.meetingId), p.meetingId, { ...place, endsAt: new Date(slot.endsAt).toISOString() }));
  }
  for (const u of schedule.unplaced) rows.push(rowOf(before.get(u.meetingId), u.meetingId, null, u.reason));
  return rows.sort((a, b) => a.request_id - b.request_id);

  function rowOf(
    was: StoredPlacement | undefined,
    requestId: number,
    place: { startsAt: string; endsAt: string; tableNo: number } | null,
    reason: UnplacedReason | null = null,
  ): StoredPlacement {
    const next = { startsAt: place?.startsAt ?? null, tableNo: place?.tableNo ?? null };
    const moved = !was || placeChanged({ startsAt: was.starts_at, tableNo: was.table_no }, next);
    return {
      request_id: requestId,
      starts_at: next.startsAt,
      ends_at: place?.endsAt ?? null,
      table_no: next.tableNo,
      unplaced_reason: reason,
      placed_at: moved ? now : was.placed_at,
      sequence: !was ? 0 : was.sequence + (moved ? 1 : 0),
    };
  }
}

const views = (rows: readonly StoredPlacement[]) =>
  rows.map((r) => ({ requestId: r.request_id, startsAt: r.starts_at, tableNo: r.table_no }));

/** The run's numbers against what is stored, and the rows it would write. */
function dryRun(loaded: LoadedInput, now: string): { preview: SchedulePreview; rows: StoredPlacement[] } {
  const schedule = scheduleMeetings(loaded.input);
  const rows = placementRows(loaded, schedule, now);
  const unplaced: Record<UnplacedReason, number> = { noCommonTime: 0, participantsBooked: 0, tablesFull: 0 };
  for (const u of schedule.unplaced) unplaced[u.reason]++;
  const asked = new Set(loaded.input.meetings.map((m) => m.id));
  // A stored placement of a meeting no longer accepted is on nobody's agenda any more.
  const storedAsked = loaded.stored.filter((s) => asked.has(s.request_id));
  const changed = changedPeople(
    agendaLines(views(storedAsked), loaded.peopleOf),
    agendaLines(views(rows), loaded.peopleOf),
  );
  const preview: SchedulePreview = {
    ...compareRuns(views(loaded.stored), views(rows)),
    fingerprint: loaded.fingerprint,
    meetings: loaded.input.meetings.length,
    placed: schedule.placed.length,
    unplaced,
    peopleChanged: changed.length,
    slots: loaded.input.slots.length,
    tables: loaded.input.tables,
  };
  return { preview, rows };
}

/** Replaces every placement of the edition's requests with `rows`, in the caller's transaction. */
async function writePlacements(trx: Db, competitionId: number, rows: readonly StoredPlacement[]) {
  await trx
    .deleteFrom("meeting_placements")
    .where("request_id", "in", (eb) =>
      eb.selectFrom("meeting_requests").where("competition_id", "=", competitionId).select("id"),
    )
    .execute();
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto("meeting_placements")
      .values(rows.slice(i, i + 500))
      .execute();
}

async function isPublished(db: Db, competitionId: number) {
  const row = await db
    .selectFrom("follow_on_settings")
    .where("competition_id", "=", competitionId)
    .select("schedule_published_at")
    .executeTakeFirst();
  return Boolean(row?.schedule_published_at);
}

/** What a scheduling run would do now; nothing is written. */
export async function previewSchedule(
  deps: ScheduleDeps,
  actor: SessionUser,
  competitionId: number,
): Promise<Outcome<{ preview: SchedulePreview }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const loaded = await loadScheduleInput(deps.db, competitionId);
  if (!loaded) return refuse.notFound("schedule.errors.notFound");
  return { ok: true, preview: dryRun(loaded, deps.clock().toISOString()).preview };
}

/**
 * Writes the run the organizer previewed. Refused (nothing written) when the input changed since
 * the preview: a request accepted or withdrawn, the settings or the placements changed meanwhile.
 */
export async function confirmSchedule(
  deps: ScheduleDeps,
  actor: SessionUser,
  competitionId: number,
  fingerprint: string,
): Promise<Outcome<{ preview: SchedulePreview; mailed: number; runId: number }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const loaded = await loadScheduleInput(trx, competitionId);
    if (!loaded) return refuse.notFound("schedule.errors.notFound");
    if (loaded.fingerprint !== fingerprint) return refuse.conflict("schedule.errors.stale");
    const now = deps.clock().toISOString();
    const { preview, rows } = dryRun(loaded, now);
    await writePlacements(trx, competitionId, rows);
    const run = await trx
      .insertInto("meeting_schedule_runs")
      .values({
        competition_id: competitionId,
        run_by: actor.id,
        run_at: now,
        previous: JSON.stringify(loaded.stored),
        placed: preview.placed,
        unplaced: preview.meetings - preview.placed,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { fingerprint: _f, ...numbers } = preview;
    await auditChange(
      trx,
      actor,
      { action: "meeting_schedule.confirmed", subject: "competition", id: competitionId },
      { run: run.id, ...numbers },
    );
    const mailed = (await isPublished(trx, competitionId)) ? await notifyChangedAgendas(trx, competitionId, deps) : 0;
    return { ok: true, preview, mailed, runId: run.id };
  });
}

/** Puts back the placements the last run that is not undone replaced; mailed like any change once published. */
export async function undoLastRun(
  deps: ScheduleDeps,
  actor: SessionUser,
  competitionId: number,
): Promise<Outcome<{ runId: number; restored: number; mailed: number }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const run = await trx
      .selectFrom("meeting_schedule_runs")
      .where("competition_id", "=", competitionId)
      .where("undone_at", "is", null)
      .orderBy("id", "desc")
      .selectAll()
      .executeTakeFirst();
    if (!run) return refuse.conflict("schedule.errors.nothingToUndo");
    const previous = JSON.parse(run.previous) as StoredPlacement[];
    // Requests are never deleted, but a restored row must still name one of this edition's.
    const ids = new Set(
      (await trx.selectFrom("meeting_requests").where("competition_id", "=", competitionId).select("id").execute()).map(
        (r) => r.id,
      ),
    );
    const rows = previous.filter((r) => ids.has(r.request_id));
    await writePlacements(trx, competitionId, rows);
    const now = deps.clock().toISOString();
    await trx
      .updateTable("meeting_schedule_runs")
      .set({ undone_at: now, undone_by: actor.id })
      .where("id", "=", run.id)
      .execute();
    await auditChange(
      trx,
      actor,
      { action: "meeting_schedule.undone", subject: "competition", id: competitionId },
      { run: run.id, restored: rows.length },
    );
    const mailed = (await isPublished(trx, competitionId)) ? await notifyChangedAgendas(trx, competitionId, deps) : 0;
    return { ok: true, runId: run.id, restored: rows.length, mailed };
  });
}

/** How many people publishing now would e-mail (their agenda differs from what they were told). */
export async function publishAudience(deps: ScheduleDeps, actor: SessionUser, competitionId: number) {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return { ok: true as const, audience: await agendaAudience(deps.db, competitionId) };
}

/**
 * Publishes the schedule: people see their agendas, and everyone whose agenda differs from what
 * they were last told is mailed. `expected` is the number the organizer confirmed; refused when it
 * no longer holds.
 */
export async function publishSchedule(
  deps: ScheduleDeps,
  actor: SessionUser,
  competitionId: number,
  expected: number,
): Promise<Outcome<{ mailed: number; publishedAt: string }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const settings = await trx
      .selectFrom("follow_on_settings")
      .where("competition_id", "=", competitionId)
      .select("schedule_published_at")
      .executeTakeFirst();
    if (!settings) return refuse.notFound("schedule.errors.notFound");
    const audience = await agendaAudience(trx, competitionId);
    if (audience !== expected) return refuse.conflict("schedule.errors.audienceChanged", { count: audience });
    const publishedAt = settings.schedule_published_at ?? deps.clock().toISOString();
    await trx
      .updateTable("follow_on_settings")
      .set({ schedule_published_at: publishedAt })
      .where("competition_id", "=", competitionId)
      .execute();
    const mailed = await notifyChangedAgendas(trx, competitionId, deps);
    await auditChange(
      trx,
      actor,
      { action: "meeting_schedule.published", subject: "competition", id: competitionId },
      { publishedAt, mailed },
    );
    return { ok: true, mailed, publishedAt };
  });
}
