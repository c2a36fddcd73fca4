// The forum's meeting grid as the organizers set it: the settings form's schema (each problem at its
// field), the slots it makes (wall-clock times in the edition's time zone turned into instants), and
// the live final's pitch windows during which an entry's people cannot meet. Pure: no I/O, no clock.
import { z } from "zod";
import { isoToZonedLocal, zonedLocalToIso } from "./edition-schemas";
import type { Busy, Slot } from "./meeting-schedule";

const MINUTE = 60_000;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether "YYYY-MM-DD" names a day of the calendar (no 2027-02-30). */
export function isRealDate(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The days field as typed: one day a line, or separated by commas or spaces. */
export function splitDays(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const whole = (min: number, max: number, code: string) =>
  z.coerce.number({ error: code }).int({ error: code }).min(min, { error: code }).max(max, { error: code });

/** The grid form. Field names are what the form posts; times are the edition's wall clock. */
export const scheduleSettingsSchema = z
  .object({
    days: z
      .string({ error: "schedule.errors.daysRequired" })
      .transform(splitDays)
      .pipe(
        // Checked on the whole list, so a bad day's message sits at `days` itself (the form's
        // one field), not at `days[1]`, which the form has no place for.
        z
          .array(z.string())
          .min(1, { error: "schedule.errors.daysRequired" })
          .max(14, { error: "schedule.errors.tooManyDays" })
          .refine((days) => days.every(isRealDate), { error: "schedule.errors.dayNotReal" }),
      )
      .transform((days) => [...new Set(days)].sort()),
    dayStarts: z.string({ error: "schedule.errors.time" }).trim().regex(hhmm, { error: "schedule.errors.time" }),
    dayEnds: z.string({ error: "schedule.errors.time" }).trim().regex(hhmm, { error: "schedule.errors.time" }),
    slotMinutes: whole(5, 120, "schedule.errors.slotMinutes"),
    tables: whole(1, 500, "schedule.errors.tables"),
    // Optional: without a live final time nobody's pitch is kept clear.
    finalStartsAt: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: "schedule.errors.finalTime" })
          .refine((v) => isRealDate(v.slice(0, 10)), { error: "schedule.errors.finalTime" })
          .nullable(),
      ),
    pitchMinutes: whole(1, 120, "schedule.errors.pitchMinutes"),
  })
  .superRefine((s, ctx) => {
    if (minutesOf(s.dayEnds) <= minutesOf(s.dayStarts))
      ctx.addIssue({ code: "custom", path: ["dayEnds"], message: "schedule.errors.endBeforeStart" });
    else if (minutesOf(s.dayEnds) - minutesOf(s.dayStarts) < s.slotMinutes)
      ctx.addIssue({ code: "custom", path: ["slotMinutes"], message: "schedule.errors.slotLongerThanDay" });
    if (s.finalStartsAt && !s.days.includes(s.finalStartsAt.slice(0, 10)))
      ctx.addIssue({ code: "custom", path: ["finalStartsAt"], message: "schedule.errors.finalOutsideDays" });
  });

export type ScheduleSettingsForm = z.infer<typeof scheduleSettingsSchema>;

/** The grid as stored: days and times in the edition's zone, the final's first pitch as an instant. */
export type GridSettings = {
  days: readonly string[];
  dayStarts: string;
  dayEnds: string;
  slotMinutes: number;
  tables: number;
  finalStartsAt: string | null;
  pitchMinutes: number;
};

/** The form's final time (the zone's wall clock) as the instant stored; null when none or unreadable. */
export function finalInstant(form: ScheduleSettingsForm, zone: string): string | null {
  return form.finalStartsAt ? zonedLocalToIso(form.finalStartsAt, zone) : null;
}

/** The stored instant back as the form's wall-clock value. */
export function finalLocal(iso: string | null, zone: string): string {
  return isoToZonedLocal(iso, zone);
}

/**
 * Every slot of the forum, day by day in date order: back to back from the day's start, as many whole
 * slots as end by the day's end. Each day's times are read in `zone`, so a day that crosses a clock
 * change still starts at its wall-clock hour.
 */
export function slotGrid(grid: Pick<GridSettings, "days" | "dayStarts" | "dayEnds" | "slotMinutes">, zone: string) {
  const slots: Slot[] = [];
  const length = grid.slotMinutes * MINUTE;
  for (const day of [...new Set(grid.days)].sort()) {
    const from = zonedLocalToIso(`${day}T${grid.dayStarts}`, zone);
    const to = zonedLocalToIso(`${day}T${grid.dayEnds}`, zone);
    if (!from || !to) continue;
    const end = Date.parse(to);
    for (let at = Date.parse(from); at + length <= end; at += length) slots.push({ startsAt: at, endsAt: at + length });
  }
  return slots;
}

/** A finalist and their place in the final's running order (1 pitches first). */
export type Pitch = { participant: string; stageOrder: number };

/**
 * When each finalist is on stage: the k-th pitches from the first pitch plus k-1 pitch lengths, for
 * one pitch length. The scheduler blocks every slot such a window overlaps.
 */
export function pitchBusy(finalStartsAt: string | null, pitchMinutes: number, pitches: readonly Pitch[]): Busy[] {
  if (!finalStartsAt) return [];
  const first = Date.parse(finalStartsAt);
  if (Number.isNaN(first)) return [];
  const length = pitchMinutes * MINUTE;
  return pitches
    .filter((p) => Number.isInteger(p.stageOrder) && p.stageOrder >= 1)
    .map((p) => {
      const from = first + (p.stageOrder - 1) * length;
      return { participant: p.participant, from, to: from + length };
    });
}
