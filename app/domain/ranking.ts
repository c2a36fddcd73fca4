// Ranking a ranking unit (a group, a track or the whole competition) from its judges' marks.
// Pure and exact: the only division is inside aggregate and the fixed-precision normalization.
import { canonical, compareDec, parseDecimal, pow10, rescale, roundRational, type Dec } from "./decimal";
import { aggregateSorted, combineExact, parseMark, validateRule, type AggregationRule } from "./scoring";

/** Whether judges' marks are rescaled to the round's mean and spread before combining. */
export const NORMALIZATIONS = ["none", "zscore"] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export type TieBreakKey =
  | { kind: "untrimmed-mean" } // mean of every mark, nothing dropped
  | { kind: "median" } // median of every mark
  | { kind: "criterion"; criterionId: string } // a criterion's total, higher first
  | { kind: "previous-round" }; // the earlier round's rank, lower first

export type JudgeMark = {
  judgeId: string;
  /** The judge's weighted mark (decimal string); after normalization, the normalized one. */
  mark: string;
  /** The mark before normalization, when the caller normalized across a wider set. */
  raw?: string;
};

export type RankingEntry = {
  id: string;
  marks: readonly JudgeMark[];
  previousRank?: number;
  /** Per-criterion totals (decimal strings) for criterion tie-breaks. */
  criteria?: Readonly<Record<string, string>>;
};

export type RankingInput = {
  entries: readonly RankingEntry[];
  rule: AggregationRule;
  normalization?: Normalization;
  tieBreaks?: readonly TieBreakKey[];
};

export type RankedRow = {
  id: string;
  /** Shared for exact ties after every tie-break (1, 2, 2, 4); null when too few marks to rank. */
  rank: number | null;
  result: string | null;
  /** The result from the marks as given, before normalization (same as result without it). */
  raw: string | null;
  kept: string[];
  dropped: string[];
  judgesCounted: number;
  /** The tie-break that put this entry below the one above it, or null when the result did. */
  decidedBy: string | null;
};

/** Digits kept inside z-score normalization, before the rule's single final rounding. */
export const NORMALIZATION_PRECISION = 9;

function isqrt(n: bigint): bigint {
  if (n < 0n) throw new Error("square root of a negative number");
  if (n < 2n) return n;
  // Start just above the root (the float estimate is close); Newton's steps then fall to floor(sqrt(n)).
  let x = BigInt(Math.ceil(Math.sqrt(Number(n)))) + 2n;
  let y = (x + n / x) >> 1n;
  while (y < x) {
    x = y;
    y = (x + n / x) >> 1n;
  }
  return x;
}

const divRound = (num: bigint, den: bigint) => roundRational(num, den, 0, "half-even");

function meanAndSpread(values: readonly bigint[]): { mean: bigint; std: bigint } {
  const n = BigInt(values.length);
  let sum = 0n;
  for (const v of values) sum += v;
  const mean = divRound(sum, n);
  let squares = 0n;
  for (const v of values) squares += (v - mean) * (v - mean);
  // Population spread at the same scale as the values: sqrt of (scale 2P) is scale P.
  return { mean, std: isqrt(divRound(squares, n)) };
}

/**
 * Per-judge z-score normalization: each judge's marks are moved to the set's overall mean and
 * spread (normalized = M + (x − mean_j) × S / std_j), at NORMALIZATION_PRECISION digits.
 * A judge with one mark or no spread is only shifted by (M − mean_j): there is no spread to scale.
 */
export function normalizeMarks(entries: readonly RankingEntry[]): RankingEntry[] {
  const P = NORMALIZATION_PRECISION;
  const scaled = (mark: string) => {
    const d = parseMark(mark);
    return d.scale <= P ? rescale(d, P) : roundRational(d.units, pow10(d.scale), P, "half-even");
  };
  const byJudge = new Map<string, bigint[]>();
  const all: bigint[] = [];
  const values = entries.map((e) =>
    e.marks.map((m) => {
      const v = scaled(m.mark);
      all.push(v);
      const list = byJudge.get(m.judgeId) ?? [];
      list.push(v);
      byJudge.set(m.judgeId, list);
      return v;
    }),
  );
  if (all.length === 0) return entries.map((e) => ({ ...e }));
  const overall = meanAndSpread(all);
  const judgeStats = new Map([...byJudge].map(([id, list]) => [id, meanAndSpread(list)]));
  return entries.map((e, i) => ({
    ...e,
    marks: e.marks.map((m, j) => {
      const x = values[i]![j]!;
      const { mean, std } = judgeStats.get(m.judgeId)!;
      const z = std === 0n ? overall.mean + (x - mean) : overall.mean + divRound((x - mean) * overall.std, std);
      return { judgeId: m.judgeId, mark: canonical({ units: z, scale: P }), raw: m.raw ?? m.mark };
    }),
  }));
}

type Rational = { num: bigint; den: bigint };
const compareRational = (a: Rational, b: Rational) => {
  const x = a.num * b.den;
  const y = b.num * a.den;
  return x < y ? -1 : x > y ? 1 : 0;
};

type Scored = {
  entry: RankingEntry;
  result: string;
  resultDec: Dec;
  raw: string;
  kept: string[];
  dropped: string[];
  keys: ((other: Scored) => number)[];
  mean?: Rational;
  median?: Rational;
};

function keyName(key: TieBreakKey): string {
  return key.kind === "criterion" ? `criterion:${key.criterionId}` : key.kind;
}

/** An entry with too few marks to rank: it is listed after the ranked ones, without a rank. */
function unrankedRow(entry: RankingEntry): RankedRow {
  return {
    id: entry.id,
    rank: null,
    result: null,
    raw: null,
    kept: [],
    dropped: [],
    judgesCounted: entry.marks.length,
    decidedBy: null,
  };
}

/** One tie-break key as a comparator "is this entry better than the other" (negative = better). */
function tieBreakComparator(key: TieBreakKey, entry: RankingEntry, sortedAll: Dec[]): (other: Scored) => number {
  switch (key.kind) {
    case "untrimmed-mean": {
      const mine = combineExact(sortedAll, "mean");
      return (other) => compareRational(other.mean!, mine);
    }
    case "median": {
      const mine = combineExact(sortedAll, "median");
      return (other) => compareRational(other.median!, mine);
    }
    case "criterion": {
      const text = entry.criteria?.[key.criterionId];
      const mine = text === undefined ? undefined : parseDecimal(text);
      return (other) => {
        const theirs = other.entry.criteria?.[key.criterionId];
        if (mine === undefined || theirs === undefined)
          return (mine === undefined ? 1 : 0) - (theirs === undefined ? 1 : 0);
        return compareDec(parseDecimal(theirs), mine);
      };
    }
    case "previous-round": {
      const mine = entry.previousRank ?? Number.POSITIVE_INFINITY;
      return (other) => {
        const theirs = other.entry.previousRank ?? Number.POSITIVE_INFINITY;
        return mine === theirs ? 0 : mine < theirs ? -1 : 1;
      };
    }
  }
}

/** An entry with enough marks: its result by the rule, its raw result, kept and dropped marks, tie-break keys. */
function scoreEntry(
  entry: RankingEntry,
  rule: AggregationRule,
  multiplier: Dec | undefined,
  tieBreaks: readonly TieBreakKey[],
) {
  // Each mark is parsed and the list sorted once: the result, the kept and dropped marks and
  // the untrimmed tie-break keys all read the same sorted list.
  const sortedAll = entry.marks.map((m) => parseMark(m.mark)).sort(compareDec);
  const aggregated = aggregateSorted(sortedAll, rule, multiplier);
  const result = aggregated.result;
  const hasRaw = entry.marks.some((m) => m.raw !== undefined);
  const raw = hasRaw
    ? aggregateSorted(entry.marks.map((m) => parseMark(m.raw ?? m.mark)).sort(compareDec), rule, multiplier).result
    : result;
  const row: Scored = {
    entry,
    result,
    resultDec: parseDecimal(result),
    raw,
    kept: aggregated.kept.map(canonical),
    dropped: aggregated.dropped.map(canonical),
    keys: tieBreaks.map((key) => tieBreakComparator(key, entry, sortedAll)),
  };
  if (tieBreaks.some((k) => k.kind === "untrimmed-mean")) row.mean = combineExact(sortedAll, "mean");
  if (tieBreaks.some((k) => k.kind === "median")) row.median = combineExact(sortedAll, "median");
  return row;
}

/** [comparison, index of the key that decided or -1 for the result, or null when tied]. */
function compareScored(a: Scored, b: Scored): [number, number | null] {
  const byResult = compareDec(b.resultDec, a.resultDec);
  if (byResult !== 0) return [byResult, -1];
  for (let k = 0; k < a.keys.length; k++) {
    const c = a.keys[k]!(b);
    if (c !== 0) return [c, k];
  }
  return [0, null];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ranks sorted entries: a tie shares the rank above it; a key that broke a tie is named. */
function assignRanks(scored: Scored[], tieBreaks: readonly TieBreakKey[]): RankedRow[] {
  const rows: RankedRow[] = [];
  scored.forEach((s, i) => {
    let rank = i + 1;
    let decidedBy: string | null = null;
    if (i > 0) {
      const [c, key] = compareScored(scored[i - 1]!, s);
      if (c === 0) rank = rows[i - 1]!.rank!;
      else if (key !== null && key >= 0) decidedBy = keyName(tieBreaks[key]!);
    }
    rows.push({
      id: s.entry.id,
      rank,
      result: s.result,
      raw: s.raw,
      kept: s.kept,
      dropped: s.dropped,
      judgesCounted: s.entry.marks.length,
      decidedBy,
    });
  });
  return rows;
}

/** Ranks the entries of one unit, best first; entries with too few marks follow, unranked. */
export function rankEntries(input: RankingInput): RankedRow[] {
  const { rule } = input;
  const tieBreaks = input.tieBreaks ?? [];
  const needed = rule.dropHighest + rule.dropLowest + 1;
  const entries = input.normalization === "zscore" ? normalizeMarks(input.entries) : input.entries;
  const multiplier = validateRule(rule);
  const unranked = entries.filter((e) => e.marks.length < needed).map(unrankedRow);
  const scored = entries.filter((e) => e.marks.length >= needed).map((e) => scoreEntry(e, rule, multiplier, tieBreaks));
  scored.sort((a, b) => compareScored(a, b)[0] || byId(a.entry.id, b.entry.id));
  unranked.sort((a, b) => byId(a.id, b.id));
  return [...assignRanks(scored, tieBreaks), ...unranked];
}
