// What an organizer types to create an edition, a group and a track, checked the same way in the
// browser (Conform) and on the server; and the time-zone arithmetic the registration window needs
// (a datetime-local typed in the edition's zone, stored as a UTC instant).
import { z } from "zod";
import { ELIGIBILITY_PRESETS, parseCountryList } from "./eligibility-presets";

/** Zones offered first in the time-zone select (any IANA zone is accepted). */
export const COMMON_TIME_ZONES = [
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
] as const;

/** Slugs a public or admin URL already uses as a word, so an edition may not take them. */
export const RESERVED_SLUGS = ["new", "admin", "api", "live"] as const;

/** Whether `zone` is an IANA time zone this runtime knows ("Asia/Shanghai", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** How far `zone`'s wall clock is ahead of UTC at the instant `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** A datetime-local value ("2026-03-01T09:00") read as wall-clock time in `zone`, as a UTC ISO string. */
export function zonedLocalToIso(value: string, zone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m || !isTimeZone(zone)) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset at the guess, then again at the corrected instant: right on both sides of a DST change.
  let utc = wall - offsetAt(wall, zone);
  const second = offsetAt(utc, zone);
  if (second !== wall - utc) utc = wall - second;
  return new Date(utc).toISOString();
}

/** A UTC ISO instant as the datetime-local value of `zone`'s wall clock ("" when there is none). */
export function isoToZonedLocal(iso: string | null | undefined, zone: string): string {
  if (!iso || !isTimeZone(zone)) return "";
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return "";
  return new Date(ms + offsetAt(ms, zone)).toISOString().slice(0, 16);
}

const name = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(120, { error: "validation.tooLong" });
const localDateTime = z.string({ error: "validation.required" }).trim().min(1, { error: "validation.required" });

/** The new-edition form. Field names are what the form posts. */
export const competitionFormSchema = z
  .object({
    nameZh: name,
    nameEn: name,
    slug: z
      .string({ error: "validation.required" })
      .trim()
      // The same words as competitionSlugSchema (common-schemas), with this form's message.
      .regex(/^[a-z0-9]{2,40}$/, { error: "editions.errors.slugFormat" })
      .refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), { error: "editions.errors.slugReserved" }),
    year: z.coerce
      .number({ error: "validation.number" })
      .int({ error: "validation.number" })
      .min(2000, { error: "editions.errors.yearRange" })
      .max(2100, { error: "editions.errors.yearRange" }),
    timeZone: z
      .string({ error: "validation.required" })
      .trim()
      .refine(isTimeZone, { error: "editions.errors.timeZone" }),
    opensAt: localDateTime,
    closesAt: localDateTime,
    copyFrom: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined)),
    copyJudges: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "1" || v === "true"),
  })
  .transform((input, ctx) => {
    const opensAt = zonedLocalToIso(input.opensAt, input.timeZone);
    const closesAt = zonedLocalToIso(input.closesAt, input.timeZone);
    if (isTimeZone(input.timeZone)) {
      if (!opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "validation.date" });
      if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "validation.date" });
    }
    if (opensAt && closesAt && closesAt <= opensAt)
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "editions.errors.closesBeforeOpens" });
    return { ...input, opensAt: opensAt ?? "", closesAt: closesAt ?? "" };
  });
export type CompetitionFormInput = z.output<typeof competitionFormSchema>;

/** A country list as posted: one text field of codes, and/or codes chosen in a multi-select. */
const countryListField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => parseCountryList((Array.isArray(v) ? v : [v ?? ""]).join(" ")));

/** Add or edit a group. `preset` names a preset, `countries` adds (or alone gives) codes. */
export const groupFormSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,4}$/, { error: "editions.errors.groupCodeFormat" }),
  nameZh: name,
  nameEn: name,
  preset: z
    .union([z.enum(ELIGIBILITY_PRESETS), z.literal("custom"), z.literal("")])
    .optional()
    .catch(undefined)
    .transform((v) => (v === "custom" || v === "" ? undefined : v)),
  countries: countryListField,
});
export type GroupFormInput = z.output<typeof groupFormSchema>;

/** Add or edit a track. */
export const trackFormSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,4}$/, { error: "editions.errors.trackCodeFormat" }),
  nameZh: name,
  nameEn: name,
});
export type TrackFormInput = z.output<typeof trackFormSchema>;
