// What the judge's sheet works out as marks are entered: the running weighted total (exact, as the
// server computes a judge's mark) and the marks a criterion allows, for the buttons of a phone.
import { fromScaledInt } from "./decimal";
import { markField, readMark, type SheetCriterion } from "./score-sheet";

/** A criterion as the running total reads it: its range and step, and its weight in basis points. */
export type WeightedCriterion = SheetCriterion & { weightBp: number };

/** Thousandths × basis points: the scale of a weighted mark (results.server keeps it exact, 10^-7). */
const WEIGHTED_SCALE = 7;

export type RunningTotal = {
  /** Σ mark × weight / 100 over the marks entered so far, exact and canonical ("7.85"). */
  total: string;
  /** The most the sheet can give: Σ maximum × weight / 100. */
  max: string;
  /** Criteria with a readable mark, and how many there are. */
  marked: number;
  of: number;
  /** Every criterion has a readable mark: the total is the judge's mark the server will count. */
  complete: boolean;
};

/**
 * The weighted total of the marks typed or tapped so far. A field that is empty or not a valid
 * mark (above the maximum, off the step) is left out and not counted as marked, so the total never
 * shows a value the server would refuse. Integer arithmetic at 10^-7, as the server's
 * `sum(mark_milli * weight_bp)`: the same digits, no rounding.
 */
export function runningTotal(
  values: Readonly<Record<string, string | undefined>>,
  criteria: readonly WeightedCriterion[],
): RunningTotal {
  let sum = 0n;
  let max = 0n;
  let marked = 0;
  for (const c of criteria) {
    max += BigInt(c.maxMilli) * BigInt(c.weightBp);
    const text = values[markField(c.id)]?.trim() ?? "";
    if (text === "") continue;
    const mark = readMark(text, c);
    if (!mark.ok) continue;
    sum += BigInt(mark.milli) * BigInt(c.weightBp);
    marked++;
  }
  return {
    total: fromScaledInt(sum, WEIGHTED_SCALE),
    max: fromScaledInt(max, WEIGHTED_SCALE),
    marked,
    of: criteria.length,
    complete: marked === criteria.length,
  };
}

/** Up to this many allowed marks get one button each (0 to 10 in halves is 21); more get a stepper. */
export const MAX_MARK_BUTTONS = 21;

/** Every mark a criterion allows, in thousandths (0, step, 2 × step, … max), or null when too many for buttons. */
export function markChoices(criterion: SheetCriterion): number[] | null {
  const count = Math.floor(criterion.maxMilli / criterion.stepMilli) + 1;
  if (count > MAX_MARK_BUTTONS) return null;
  return Array.from({ length: count }, (_, i) => i * criterion.stepMilli);
}

/** The mark one step up or down from what is typed, kept within 0 and the maximum (a stepper's press). */
export function stepMark(text: string, criterion: SheetCriterion, direction: 1 | -1): number {
  const mark = readMark(text, criterion);
  // An empty or unreadable mark counts as 0, so a press always lands on an allowed mark.
  const from = mark.ok ? mark.milli : 0;
  return Math.min(criterion.maxMilli, Math.max(0, from + direction * criterion.stepMilli));
}
