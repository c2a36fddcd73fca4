// What an organizer sets on a round: its rule, its rubric, and the order of its statuses.
import { z } from "zod";
import { normalizeDecimalInput, ROUNDINGS, toScaledInt } from "./decimal";
import { zonedLocalToIso } from "./edition-schemas";
import { NORMALIZATIONS, type TieBreakKey } from "./ranking";
import { COMBINES } from "./scoring";

/** What a round ranks its entries within: each group, each track, or the whole competition. */
export const SCOPES = ["group", "track", "all"] as const;
export type RankingScope = (typeof SCOPES)[number];

/** A round's life: set up, scored, closed to scoring, results public. */
export const ROUND_STATUSES = ["draft", "open", "closed", "published"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** How a round is judged: reviewed online at the judges' own pace, or played live on stage. */
export const ROUND_KINDS = ["online", "stage"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: "validation.number" })
    .int({ error: "validation.number" })
    .min(min, { error: "validation.outOfRange" })
    .max(max, { error: "validation.outOfRange" });
const name = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(120, { error: "validation.tooLong" });
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** A tie-break as a form's select holds it: "median", "criterion:12", ... */
export function tieBreakToOption(key: TieBreakKey): string {
  return key.kind === "criterion" ? `criterion:${key.criterionId}` : key.kind;
}
export function optionToTieBreak(option: string): TieBreakKey | null {
  if (option === "untrimmed-mean" || option === "median" || option === "previous-round") return { kind: option };
  const m = /^criterion:(\d+)$/.exec(option);
  return m ? { kind: "criterion", criterionId: m[1]! } : null;
}

/**
 * A round's settings as the form sends them; its dates (datetime-local values) are read as
 * wall-clock time in the edition's time zone.
 */
export const roundSettingsSchemaIn = (timeZone: string) =>
  z
    .object({
      nameZh: name,
      nameEn: name,
      scope: z.enum(SCOPES, { error: "validation.required" }),
      kind: z.enum(ROUND_KINDS, { error: "validation.required" }),
      judgesPerEntry: int(1, 50),
      advanceCount: int(0, 10_000),
      advancePerOrganization: z.union([z.literal("").transform(() => undefined), int(1, 100)]).optional(),
      dropHighest: int(0, 10),
      dropLowest: int(0, 10),
      combine: z.enum(COMBINES),
      multiplier: optionalText.transform((v, ctx) => {
        if (v === undefined) return undefined;
        const typed = normalizeDecimalInput(v, 6);
        if (typed.ok && typed.value !== "0") return typed.value;
        ctx.addIssue({ code: "custom", message: "round.multiplierInvalid" });
        return z.NEVER;
      }),
      decimals: int(0, 6),
      rounding: z.enum(ROUNDINGS),
      normalization: z.enum(NORMALIZATIONS),
      tieBreak1: optionalText,
      tieBreak2: optionalText,
      tieBreak3: optionalText,
      avoidSameCountry: z.literal("on").optional(),
      opensAt: optionalText,
      closesAt: optionalText,
    })
    .transform((input, ctx) => {
      if (input.dropHighest + input.dropLowest >= input.judgesPerEntry)
        ctx.addIssue({ code: "custom", path: ["dropLowest"], message: "round.dropsLeaveNoMark" });
      const tieBreaks: TieBreakKey[] = [];
      for (const field of ["tieBreak1", "tieBreak2", "tieBreak3"] as const) {
        const option = input[field];
        if (!option) continue;
        const key = optionToTieBreak(option);
        if (!key) ctx.addIssue({ code: "custom", path: [field], message: "round.tieBreakInvalid" });
        else if (tieBreaks.some((k) => tieBreakToOption(k) === option))
          ctx.addIssue({ code: "custom", path: [field], message: "round.tieBreakRepeated" });
        else tieBreaks.push(key);
      }
      const opensAt = input.opensAt ? zonedLocalToIso(input.opensAt, timeZone) : null;
      const closesAt = input.closesAt ? zonedLocalToIso(input.closesAt, timeZone) : null;
      if (input.opensAt && !opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "validation.date" });
      if (input.closesAt && !closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "validation.date" });
      if (opensAt && closesAt && closesAt <= opensAt)
        ctx.addIssue({ code: "custom", path: ["closesAt"], message: "round.closesBeforeOpens" });
      return {
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        scope: input.scope,
        kind: input.kind,
        judgesPerEntry: input.judgesPerEntry,
        advanceCount: input.advanceCount,
        advancePerOrganization: input.advancePerOrganization ?? null,
        dropHighest: input.dropHighest,
        dropLowest: input.dropLowest,
        combine: input.combine,
        multiplier: input.multiplier ?? null,
        decimals: input.decimals,
        rounding: input.rounding,
        normalization: input.normalization,
        tieBreaks,
        avoidSameCountry: input.avoidSameCountry === "on",
        opensAt,
        closesAt,
      };
    });
export type RoundSettings = z.output<ReturnType<typeof roundSettingsSchemaIn>>;

/** Positive decimal with at most `places` digits after the point, as scaled integer. */
const scaled = (places: number, message: string) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .transform((v, ctx) => {
      const typed = normalizeDecimalInput(v, places);
      if (!typed.ok) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return Number(toScaledInt(typed.value, places));
    });

/** At most this many characters describe what a criterion's marks mean, per language. */
export const DESCRIPTION_MAX = 1000;

/** What a criterion's marks mean ("9: a working prototype with paying pilots"): optional, plain text. */
const description = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX, { error: "validation.tooLong" })
  .optional()
  .transform((v) => (v ? v : null));

export const criterionSchema = z
  .object({
    nameZh: name,
    nameEn: name,
    descriptionZh: description,
    descriptionEn: description,
    weight: scaled(2, "rubric.weightInvalid").pipe(
      z.number().min(1, { error: "rubric.weightInvalid" }).max(10_000, { error: "rubric.weightInvalid" }),
    ),
    max: scaled(3, "rubric.maxInvalid").pipe(
      z.number().min(1, { error: "rubric.maxInvalid" }).max(1_000_000, { error: "rubric.maxInvalid" }),
    ),
    step: scaled(3, "rubric.stepInvalid").pipe(z.number().min(1, { error: "rubric.stepInvalid" })),
  })
  .superRefine((c, ctx) => {
    if (c.max % c.step !== 0) ctx.addIssue({ code: "custom", path: ["step"], message: "rubric.stepDoesNotDivide" });
  })
  .transform((c) => ({
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    descriptionZh: c.descriptionZh,
    descriptionEn: c.descriptionEn,
    weightBp: c.weight,
    maxMilli: c.max,
    stepMilli: c.step,
  }));

export const rubricSchema = z
  .object({
    criteria: z
      .array(criterionSchema, { error: "rubric.needsCriterion" })
      .min(1, { error: "rubric.needsCriterion" })
      .max(12, { error: "rubric.tooMany" }),
  })
  .superRefine((r, ctx) => {
    const total = r.criteria.reduce((sum, c) => sum + c.weightBp, 0);
    if (total !== 10_000) ctx.addIssue({ code: "custom", path: ["criteria"], message: "rubric.weightsSum" });
  });
export type Rubric = z.output<typeof rubricSchema>;

/** The ways a round moves: forward, and back from closed to open to correct a late score. */
const NEXT: Record<RoundStatus, readonly RoundStatus[]> = {
  draft: ["open"],
  open: ["closed"],
  closed: ["open", "published"],
  published: [],
};
export function canMove(from: RoundStatus, to: RoundStatus): boolean {
  return NEXT[from].includes(to);
}
export function nextStatuses(from: RoundStatus): readonly RoundStatus[] {
  return NEXT[from];
}
