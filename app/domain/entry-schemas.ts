// The entry form, shared by the browser (Conform) and the server. Messages are i18n keys.
import { z } from "zod";

export const LIMITS = {
  titleZh: 60,
  titleEn: 150,
  summaryZh: 1000,
  summaryEn: 3000,
  organization: 200,
  teamMin: 1,
  teamMax: 10,
} as const;

// Markup is never meant in these fields; refusing it says so at the field instead of showing tags.
const noMarkup = (text: string) => !/<\/?[a-z!][^>]*>/i.test(text);

const text = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" })
    .refine(noMarkup, { error: "validation.noHtml" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .refine(noMarkup, { error: "validation.noHtml" })
    .optional()
    .transform((v) => (v ? v : undefined));
const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }));

export const teamMemberSchema = z.object({
  name: text(120),
  role: text(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "validation.tooLong" })
    .pipe(z.email({ error: "validation.email" }))
    .optional(),
});

export const entryFormSchema = z
  .object({
    intent: z.enum(["save", "submit"]).default("save"),
    group: z.string({ error: "validation.required" }).regex(/^[A-Z]{2,4}$/, { error: "validation.required" }),
    track: z.string({ error: "validation.required" }).regex(/^[A-Z0-9]{2,4}$/, { error: "validation.required" }),
    titleZh: optionalText(LIMITS.titleZh),
    titleEn: optionalText(LIMITS.titleEn),
    summaryZh: optionalText(LIMITS.summaryZh),
    summaryEn: optionalText(LIMITS.summaryEn),
    organization: text(LIMITS.organization),
    country: z.string({ error: "validation.required" }).regex(/^[A-Z]{2}$/, { error: "validation.country" }),
    city: optionalText(100),
    website: z
      .string()
      .trim()
      .max(300, { error: "validation.tooLong" })
      .pipe(z.url({ protocol: /^https?$/, error: "validation.url" }))
      .optional(),
    contactName: text(120),
    contactEmail: email,
    team: z
      .array(teamMemberSchema, { error: "validation.teamSize" })
      .min(LIMITS.teamMin, { error: "validation.teamSize" })
      .max(LIMITS.teamMax, { error: "validation.teamSize" }),
    consent: z.literal("on", { error: "validation.consent" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.titleZh && !v.titleEn) ctx.addIssue({ code: "custom", path: ["titleEn"], message: "validation.titleOne" });
    // Submitting needs the summary and the consent; a draft may be incomplete.
    if (v.intent === "submit") {
      if (!v.summaryZh && !v.summaryEn)
        ctx.addIssue({ code: "custom", path: ["summaryEn"], message: "validation.summaryOne" });
      if (v.consent !== "on") ctx.addIssue({ code: "custom", path: ["consent"], message: "validation.consent" });
    }
  });

export type EntryFormInput = z.infer<typeof entryFormSchema>;
