// The organizers' follow-on settings of an edition: the round whose entries take part, the request
// caps and the forum's meeting grid. Read as the form shows it (times in the edition's zone) and
// saved whole after the shared schema checks every field; each save is audited with before/after.
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import { followOnSettingsSchema } from "../../domain/follow-on-settings";
import { REQUEST_STATES, type RequestState } from "../../domain/partner-vocabulary";
import { refuse, refuseParse, type Outcome } from "../../domain/refusal";
import { finalInstant, finalLocal, type GridSettings } from "../../domain/schedule-grid";
import type { SessionUser } from "../auth/deps.server";
import { inTransaction } from "../db-helpers.server";
import { jsonList } from "./profiles.server";
import { organizerOnly } from "../organizer-only.server";
import { auditChange } from "../audit.server";

/** The settings as the form's fields (strings, the final's time on the edition's wall clock). */
export type SettingsValues = {
  needsRoundId: string;
  capPerPartner: string;
  capPerEntryPerKind: string;
  days: string;
  dayStarts: string;
  dayEnds: string;
  slotMinutes: string;
  tables: string;
  finalStartsAt: string;
  pitchMinutes: string;
};

export type StoredSettings = GridSettings & {
  needsRoundId: number | null;
  capPerPartner: number;
  capPerEntryPerKind: number;
  publishedAt: string | null;
  timeZone: string;
};

/** The edition's settings as stored (the migration's defaults while none were saved), with its zone. */
export async function storedSettings(db: Db, competitionId: number): Promise<StoredSettings | null> {
  const competition = await db
    .selectFrom("competitions")
    .where("id", "=", competitionId)
    .select("time_zone")
    .executeTakeFirst();
  if (!competition) return null;
  const row = await db
    .selectFrom("follow_on_settings")
    .where("competition_id", "=", competitionId)
    .selectAll()
    .executeTakeFirst();
  return {
    needsRoundId: row?.needs_round_id ?? null,
    capPerPartner: row?.cap_per_partner ?? 20,
    capPerEntryPerKind: row?.cap_per_entry_per_kind ?? 5,
    days: row ? jsonList<string>(row.days) : [],
    dayStarts: row?.day_starts ?? "09:00",
    dayEnds: row?.day_ends ?? "17:00",
    slotMinutes: row?.slot_minutes ?? 20,
    tables: row?.tables ?? 20,
    finalStartsAt: row?.final_starts_at ?? null,
    pitchMinutes: row?.pitch_minutes ?? 6,
    publishedAt: row?.schedule_published_at ?? null,
    timeZone: competition.time_zone,
  };
}

function formValues(s: StoredSettings): SettingsValues {
  return {
    needsRoundId: s.needsRoundId === null ? "" : String(s.needsRoundId),
    capPerPartner: String(s.capPerPartner),
    capPerEntryPerKind: String(s.capPerEntryPerKind),
    days: s.days.join("\n"),
    dayStarts: s.dayStarts,
    dayEnds: s.dayEnds,
    slotMinutes: String(s.slotMinutes),
    tables: String(s.tables),
    finalStartsAt: finalLocal(s.finalStartsAt, s.timeZone),
    pitchMinutes: String(s.pitchMinutes),
  };
}

/** The settings page: the form's values, the edition's rounds to choose from, and the requests by state. */
export async function settingsPage(db: Db, actor: SessionUser, competitionId: number) {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const stored = await storedSettings(db, competitionId);
  if (!stored) return refuse.notFound("schedule.errors.notFound");
  const [rounds, tallies] = await Promise.all([
    db
      .selectFrom("rounds")
      .where("competition_id", "=", competitionId)
      .select(["id", "name_zh", "name_en"])
      .orderBy("position")
      .execute(),
    db
      .selectFrom("meeting_requests")
      .where("competition_id", "=", competitionId)
      .groupBy("state")
      .select(["state", sql<number>`count(*)`.as("n")])
      .execute(),
  ]);
  const requests = Object.fromEntries(REQUEST_STATES.map((s) => [s, 0])) as Record<RequestState, number>;
  for (const t of tallies) requests[t.state] = t.n;
  return {
    ok: true as const,
    values: formValues(stored),
    timeZone: stored.timeZone,
    publishedAt: stored.publishedAt,
    rounds: rounds.map((r) => ({ id: r.id, nameZh: r.name_zh, nameEn: r.name_en })),
    requests,
  };
}

/** Saves the whole form; every bad field is refused at its field and nothing is written. */
export async function saveSettings(
  deps: { db: Db; clock: () => Date },
  actor: SessionUser,
  competitionId: number,
  raw: Record<string, unknown>,
): Promise<Outcome> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const parsed = followOnSettingsSchema.safeParse(raw);
  if (!parsed.success) return refuseParse(parsed.error);
  const form = parsed.data;
  return inTransaction(deps.db, async (trx) => {
    const before = await storedSettings(trx, competitionId);
    if (!before) return refuse.notFound("schedule.errors.notFound");
    const round = await trx
      .selectFrom("rounds")
      .where("id", "=", form.needsRoundId)
      .where("competition_id", "=", competitionId)
      .select("id")
      .executeTakeFirst();
    if (!round) return refuse.invalid("schedule.errors.needsRound", "needsRoundId");
    const values = {
      needs_round_id: form.needsRoundId,
      cap_per_partner: form.capPerPartner,
      cap_per_entry_per_kind: form.capPerEntryPerKind,
      days: JSON.stringify(form.days),
      day_starts: form.dayStarts,
      day_ends: form.dayEnds,
      slot_minutes: form.slotMinutes,
      tables: form.tables,
      final_starts_at: finalInstant(form, before.timeZone),
      pitch_minutes: form.pitchMinutes,
      updated_at: deps.clock().toISOString(),
    };
    await trx
      .insertInto("follow_on_settings")
      .values({ competition_id: competitionId, ...values })
      .onConflict((oc) => oc.column("competition_id").doUpdateSet(values))
      .execute();
    const { updated_at: _at, ...after } = values;
    const { publishedAt: _p, timeZone: _z, ...was } = before;
    await auditChange(
      trx,
      actor,
      { action: "follow_on.settings", subject: "competition", id: competitionId },
      after,
      was,
    );
    return { ok: true };
  });
}
