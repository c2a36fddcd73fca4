// The arithmetic of a result, and nothing else (DESIGN §2). Exact: marks are parsed into BigInt
// fixed-point values, combined as a rational, and rounded once at the end by the rule's mode.
import {
  canonical,
  compareDec,
  DecimalError,
  parseDecimal,
  pow10,
  rescale,
  roundRational,
  formatUnits,
  fromScaledInt,
  type Dec,
  ROUNDINGS,
  type Rounding,
} from "./decimal";

/** How the kept marks of an entry make its result. */
export const COMBINES = ["mean", "sum", "median"] as const;
export type Combine = (typeof COMBINES)[number];

export type AggregationRule = {
  dropHighest: number; // judge marks dropped from the top (ties: only that many)
  dropLowest: number; // ... and from the bottom
  combine: Combine;
  multiplier?: string; // decimal string, e.g. a degree of difficulty "3.2"
  decimals: number; // digits of the published result
  rounding: Rounding;
};

export type ScoringErrorCode = "not_enough_marks" | "invalid_mark" | "invalid_rule" | "invalid_weights";

export class ScoringError extends Error {
  override name = "ScoringError";
  constructor(
    readonly code: ScoringErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function checkCount(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ScoringError("invalid_rule", `${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/** Validates a rule; returns the parsed multiplier (if any) so callers need not parse it twice. */
export function validateRule(rule: AggregationRule): Dec | undefined {
  checkCount("dropHighest", rule.dropHighest);
  checkCount("dropLowest", rule.dropLowest);
  const decimals = checkCount("decimals", rule.decimals);
  if (decimals > 10) throw new ScoringError("invalid_rule", `decimals must be 0–10, got ${decimals}`);
  if (!(COMBINES as readonly string[]).includes(rule.combine))
    throw new ScoringError("invalid_rule", `unknown combine "${String(rule.combine)}"`);
  if (!(ROUNDINGS as readonly string[]).includes(rule.rounding))
    throw new ScoringError("invalid_rule", `unknown rounding "${String(rule.rounding)}"`);
  if (rule.multiplier === undefined) return undefined;
  try {
    const m = parseDecimal(rule.multiplier);
    if (m.units < 0n) throw new ScoringError("invalid_rule", `multiplier must not be negative, got ${rule.multiplier}`);
    return m;
  } catch (error) {
    if (error instanceof DecimalError)
      throw new ScoringError("invalid_rule", `multiplier is not a decimal: "${rule.multiplier}"`);
    throw error;
  }
}

export function parseMark(mark: string): Dec {
  try {
    return parseDecimal(mark);
  } catch {
    throw new ScoringError("invalid_mark", `mark is not a decimal: "${String(mark)}"`);
  }
}

/** The exact value of `combine` over sorted kept marks, as a rational num/den. */
export function combineExact(kept: readonly Dec[], combine: AggregationRule["combine"]): { num: bigint; den: bigint } {
  const scale = kept.reduce((s, m) => Math.max(s, m.scale), 0);
  const unit = pow10(scale);
  if (combine === "median") {
    const mid = kept.length >> 1;
    if (kept.length % 2 === 1) return { num: rescale(kept[mid]!, scale), den: unit };
    return { num: rescale(kept[mid - 1]!, scale) + rescale(kept[mid]!, scale), den: 2n * unit };
  }
  let sum = 0n;
  for (const m of kept) sum += rescale(m, scale);
  return combine === "sum" ? { num: sum, den: unit } : { num: sum, den: unit * BigInt(kept.length) };
}

/**
 * An entry's result from its judges' marks. `kept` and `dropped` are the marks in canonical form
 * ("8.50" → "8.5"), ascending. With equal marks at an extreme only `drop*` of them go.
 */
export function aggregate(
  marks: readonly string[],
  rule: AggregationRule,
): { result: string; kept: string[]; dropped: string[] } {
  const multiplier = validateRule(rule);
  if (!Array.isArray(marks)) throw new ScoringError("invalid_mark", "marks must be a list");
  const { result, kept, dropped } = aggregateSorted(marks.map(parseMark).sort(compareDec), rule, multiplier);
  return { result, kept: kept.map(canonical), dropped: dropped.map(canonical) };
}

/**
 * The same, on marks already parsed and sorted ascending, with the rule already validated
 * (`validateRule` returns the multiplier): ranking thousands of entries parses each mark once.
 */
export function aggregateSorted(
  sorted: readonly Dec[],
  rule: AggregationRule,
  multiplier: Dec | undefined,
): { result: string; kept: readonly Dec[]; dropped: Dec[] } {
  const needed = rule.dropHighest + rule.dropLowest + 1;
  if (sorted.length < needed) {
    throw new ScoringError(
      "not_enough_marks",
      `${sorted.length} mark(s) given; dropping ${rule.dropHighest} + ${rule.dropLowest} needs at least ${needed}`,
    );
  }
  const kept = sorted.slice(rule.dropLowest, sorted.length - rule.dropHighest);
  const dropped = [...sorted.slice(0, rule.dropLowest), ...sorted.slice(sorted.length - rule.dropHighest)];
  let { num, den } = combineExact(kept, rule.combine);
  if (multiplier) {
    num *= multiplier.units;
    den *= pow10(multiplier.scale);
  }
  return { result: formatUnits(roundRational(num, den, rule.decimals, rule.rounding), rule.decimals), kept, dropped };
}

/**
 * A judge's mark for an entry: the sum of criterion marks × weight / 100, exact (no rounding).
 * The weights must add up to exactly 100.
 */
export function weightedMark(marks: readonly { mark: string; weightPercent: string }[]): string {
  if (marks.length === 0) throw new ScoringError("invalid_weights", "no criteria");
  const weights = marks.map((m) => {
    try {
      const w = parseDecimal(m.weightPercent);
      if (w.units <= 0n) throw new ScoringError("invalid_weights", `weight must be positive, got ${m.weightPercent}`);
      return w;
    } catch (error) {
      if (error instanceof ScoringError) throw error;
      throw new ScoringError("invalid_weights", `weight is not a decimal: "${m.weightPercent}"`);
    }
  });
  const values = marks.map((m) => parseMark(m.mark));
  const wScale = weights.reduce((s, w) => Math.max(s, w.scale), 0);
  const total = weights.reduce((s, w) => s + rescale(w, wScale), 0n);
  if (total !== 100n * pow10(wScale))
    throw new ScoringError(
      "invalid_weights",
      `weights add up to ${canonical({ units: total, scale: wScale })}, not 100`,
    );
  const mScale = values.reduce((s, v) => Math.max(s, v.scale), 0);
  let sum = 0n;
  values.forEach((v, i) => (sum += rescale(v, mScale) * rescale(weights[i]!, wScale)));
  // Dividing by 100 is a shift of two decimal places: still exact.
  return canonical({ units: sum, scale: mScale + wScale + 2 });
}

/**
 * A score sheet's weighted total (the judge's mark the ranking counts), from marks in thousandths
 * and weights in basis points as stored, through `weightedMark`; null until every criterion is marked.
 */
export function sheetWeightedTotal(
  criteria: readonly { id: number; weightBp: number }[],
  marksMilli: ReadonlyMap<number, number>,
): string | null {
  if (criteria.length === 0 || criteria.some((c) => !marksMilli.has(c.id))) return null;
  return weightedMark(
    criteria.map((c) => ({
      mark: fromScaledInt(marksMilli.get(c.id)!, 3),
      weightPercent: fromScaledInt(c.weightBp, 2),
    })),
  );
}
