// The entrant's follow-on form, as zod: what the entry asks for (money, space, customers), its home
// region, a note, and the consent to be shown to partners. Each need is stated whole or left empty:
// a half-filled need is refused at the field that is missing (the table's CHECKs hold the same rule).
import { z } from "zod";
import { CUSTOMER_KINDS, FUNDING_STAGES, REGIONS } from "./partner-vocabulary";

/** An empty form field reads as absent, so "not asking for this" is the empty input. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

const positiveWhole = (max: number) =>
  z.coerce
    .number({ error: "matching.needs.wholeNumber" })
    .int({ error: "matching.needs.wholeNumber" })
    .min(1, { error: "matching.needs.wholeNumber" })
    .max(max, { error: "matching.needs.tooLarge" });

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "matching.needs.month" });

/** The parts of each need, in the order the form shows them: all or none. */
export const NEED_PARTS = {
  financing: ["financingAmountWan", "financingStage"],
  space: ["spaceAreaM2", "spaceCity", "spaceFromMonth"],
  market: ["marketCustomerKind", "marketRegion"],
} as const;

export const needsFormSchema = z
  .object({
    region: z.enum(REGIONS, { error: "matching.needs.region" }),
    financingAmountWan: optional(positiveWhole(10_000_000)),
    financingStage: optional(z.enum(FUNDING_STAGES, { error: "matching.needs.choose" })),
    spaceAreaM2: optional(positiveWhole(1_000_000)),
    spaceCity: optional(z.string().trim().min(1).max(60, { error: "validation.tooLong" })),
    spaceFromMonth: optional(month),
    marketCustomerKind: optional(z.enum(CUSTOMER_KINDS, { error: "matching.needs.choose" })),
    marketRegion: optional(z.enum(REGIONS, { error: "matching.needs.choose" })),
    note: optional(z.string().trim().max(2000, { error: "validation.tooLong" })),
    consent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .superRefine((value, ctx) => {
    for (const parts of Object.values(NEED_PARTS)) {
      const given = parts.filter((p) => value[p] !== undefined);
      if (given.length === 0 || given.length === parts.length) continue;
      for (const p of parts)
        if (value[p] === undefined) ctx.addIssue({ code: "custom", path: [p], message: "matching.needs.partial" });
    }
  });

export type NeedsForm = z.output<typeof needsFormSchema>;

/** A request's message, optional, as the table keeps it. */
export const requestMessageSchema = z.preprocess(
  blank,
  z.string().trim().max(1000, { error: "validation.tooLong" }).optional(),
);
