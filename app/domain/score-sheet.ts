// A judge's score sheet: one mark per criterion within its range and on its step, and a comment.
// The same schema checks the form in the browser and on the server; errors are i18n keys.
import { z } from "zod";
import { normalizeDecimalInput, toScaledInt } from "./decimal";

export type SheetCriterion = { id: number; maxMilli: number; stepMilli: number };
export type SheetIntent = "draft" | "submit" | "revise";

export const SHEET_LIMITS = { comment: 4000, reason: 500 } as const;

/** The form field that holds a criterion's mark. */
export const markField = (criterionId: number) => `m${criterionId}`;

export type MarkProblem = "score.markNotNumber" | "score.markTooPrecise" | "score.markAboveMax" | "score.markOffStep";

/**
 * A typed mark in thousandths, or why it cannot be one. "7", "7.5", "7,5" and "7.500" are read
 * alike (normalizeDecimalInput); whatever is typed, the answer is a problem, never an exception.
 */
export function readMark(
  text: string,
  criterion: SheetCriterion,
): { ok: true; milli: number } | { ok: false; problem: MarkProblem } {
  const typed = normalizeDecimalInput(text, 3);
  if (!typed.ok)
    return { ok: false, problem: typed.problem === "too_precise" ? "score.markTooPrecise" : "score.markNotNumber" };
  const milli = Number(toScaledInt(typed.value, 3));
  if (milli > criterion.maxMilli) return { ok: false, problem: "score.markAboveMax" };
  if (milli % criterion.stepMilli !== 0) return { ok: false, problem: "score.markOffStep" };
  return { ok: true, milli };
}

/** Shows a stored mark (thousandths) as a judge typed it: 7500 → "7.5". */
export function formatMilli(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const rest = String(milli % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : String(whole);
}

export type ScoreSheet = {
  intent: SheetIntent;
  marks: Map<number, number>;
  comment: string | null;
  reason: string | null;
};

/**
 * Builds the schema of one round's sheet. A draft may leave marks empty; a submission needs every
 * one; a revision of a submitted sheet also needs a reason.
 */
export function scoreSheetSchema(criteria: readonly SheetCriterion[]) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const c of criteria)
    shape[markField(c.id)] = z.string().trim().max(20, { error: "score.markNotNumber" }).optional();
  return z
    .object({
      intent: z.enum(["draft", "submit", "revise"], { error: "validation.required" }),
      comment: z.string().trim().max(SHEET_LIMITS.comment, { error: "validation.tooLong" }).optional(),
      reason: z.string().trim().max(SHEET_LIMITS.reason, { error: "validation.tooLong" }).optional(),
      ...shape,
    })
    .transform((input, ctx): ScoreSheet => {
      const values = input as Record<string, string | undefined>;
      const marks = new Map<number, number>();
      for (const c of criteria) {
        const name = markField(c.id);
        const text = values[name] ?? "";
        if (text === "") {
          if (input.intent !== "draft") ctx.addIssue({ code: "custom", path: [name], message: "score.markRequired" });
          continue;
        }
        const mark = readMark(text, c);
        if (mark.ok) marks.set(c.id, mark.milli);
        else ctx.addIssue({ code: "custom", path: [name], message: mark.problem });
      }
      if (input.intent === "revise" && !input.reason)
        ctx.addIssue({ code: "custom", path: ["reason"], message: "score.reasonRequired" });
      return { intent: input.intent, marks, comment: input.comment || null, reason: input.reason || null };
    });
}

/** The weighted mark of a complete sheet, in ten-millionths (thousandths × basis points): exact. */
export function weightedTotal(
  marks: ReadonlyMap<number, number>,
  criteria: readonly { id: number; weightBp: number }[],
): number | null {
  let sum = 0;
  for (const c of criteria) {
    const mark = marks.get(c.id);
    if (mark === undefined) return null;
    sum += mark * c.weightBp;
  }
  return sum;
}
