// A judge as an organizer enters one, in a form or a CSV row.
import { z } from "zod";

export const JUDGE_CSV_COLUMNS = [
  "email",
  "name",
  "title",
  "affiliation",
  "country",
  "tracks",
  "conflict_organizations",
] as const;

const text = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null));
/** "QI; BCI" or "QI,BCI" → ["QI","BCI"]. */
const codeList = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const codes = (v ?? "")
        .split(/[;,\s]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean);
      if (codes.some((c) => !pattern.test(c))) ctx.addIssue({ code: "custom", message });
      return [...new Set(codes)];
    });

export const judgeSchema = z.object({
  email: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "validation.email" }).max(254, { error: "validation.tooLong" })),
  name: text(120),
  title: optional(120),
  affiliation: text(200),
  country: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: "validation.country" }),
  tracks: codeList(/^[A-Z0-9]{2,4}$/, "judges.trackUnknown"),
  conflictOrganizations: z
    .string()
    .optional()
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(/[;\n]+/)
          .map((o) => o.trim())
          .filter((o) => o.length > 0 && o.length <= 200),
      ),
    ]),
});
export type JudgeInput = z.output<typeof judgeSchema>;

export const conflictDecisionSchema = z
  .object({
    conflictId: z.coerce.number().int().positive(),
    decision: z.enum(["confirmed", "dismissed"]),
    reason: z
      .string()
      .trim()
      .max(500, { error: "validation.tooLong" })
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((d, ctx) => {
    if (d.decision === "dismissed" && !d.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "conflicts.dismissNeedsReason" });
  });
