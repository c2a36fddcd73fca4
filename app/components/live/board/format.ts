// Pure helpers of the big screen: how a mark is written, how a row's move and tie-break are named,
// how many columns the ranking needs, and the pace of a stepwise reveal. No React, no I/O.
import { formatUnits, parseDecimal, pow10, rescale, roundRational, shortDecimal } from "~/domain/decimal";

/**
 * A judge's mark written to the rubric's step: rounded (half-up) or padded to `decimals` digits
 * ("8.5" → "8.50"); without a known step, the short form the board always used.
 */
export function formatMark(mark: string, decimals?: number): string {
  if (decimals === undefined) return shortDecimal(mark);
  const value = parseDecimal(mark);
  const units =
    value.scale > decimals
      ? roundRational(value.units, pow10(value.scale - decimals), 0, "half-up")
      : rescale(value, decimals);
  return formatUnits(units, decimals);
}

export type Movement = { kind: "up" | "down"; by: number } | { kind: "new" } | null;

/** A row's move with the last change: up or down by how many places, new to the board, or none. */
export function movement(rank: number | null, previousRank: number | null | undefined): Movement {
  if (previousRank === undefined || rank === null) return null;
  if (previousRank === null) return { kind: "new" };
  if (rank < previousRank) return { kind: "up", by: previousRank - rank };
  if (rank > previousRank) return { kind: "down", by: rank - previousRank };
  return null;
}

export type TieBreakName = { key: "untrimmedMean" | "median" | "previousRound" } | { key: "criterion"; id: number };

/** The i18n name of a tie-break key as ranking.ts writes it ("criterion:<id>", "median", …); null if unknown. */
export function tieBreakName(decidedBy: string | null | undefined): TieBreakName | null {
  if (!decidedBy) return null;
  if (decidedBy === "untrimmed-mean") return { key: "untrimmedMean" };
  if (decidedBy === "median") return { key: "median" };
  if (decidedBy === "previous-round") return { key: "previousRound" };
  const criterion = /^criterion:(\d+)$/.exec(decidedBy);
  return criterion ? { key: "criterion", id: Number(criterion[1]) } : null;
}

/** Rows one column holds before the big screen splits the ranking into two (60 px rows at 1080p). */
export const ONE_COLUMN_MAX = 14;

/**
 * The ranking's grid on the big screen: one column while the rows stay large, else two columns
 * filled top to bottom (so the whole final, up to 30 entries, is on screen at once).
 */
export function boardColumns(rows: number): { columns: 1 | 2; perColumn: number } {
  if (rows <= ONE_COLUMN_MAX) return { columns: 1, perColumn: Math.max(rows, 1) };
  return { columns: 2, perColumn: Math.ceil(rows / 2) };
}

/** Where row `index` (0-based, in rank order) sits in that grid. */
export function boardSlot(index: number, perColumn: number): { column: number; line: number } {
  return { column: Math.floor(index / perColumn), line: index % perColumn };
}

/**
 * The pace of a stepwise reveal, in ms: one delay per mark (36 marks take 7 s, a small panel at
 * most 0.7 s a mark), then the dropped marks struck, then the result, then the row's climb.
 */
export function revealPace(marks: number): { perMark: number; strike: number; result: number; climb: number } {
  const perMark = Math.round(Math.min(700, 7000 / Math.max(marks, 1)));
  return { perMark, strike: 900, result: 1200, climb: 1500 };
}

/** A pitch timer's remaining time as mm:ss, whole seconds rounded up (0:00.4 still shows 00:01). */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}
