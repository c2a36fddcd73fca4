// Small deterministic helpers for the demo's wording and numbers: templates, names, slugs, shares, marks.
import type { Random } from "./random";
import { MAX_MILLI, STEP_MILLI } from "./plan";
import { NAME_POOLS, type NameCulture } from "./vocabulary";

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = values[lower];
    if (value === undefined) return whole;
    // {Subject} asks for a capitalised first letter (English sentence starts), but "mRNA" stays.
    if (key === lower || /^.[A-Z]/.test(value)) return value;
    return value.charAt(0).toUpperCase() + value.slice(1);
  });
}

export function personName(random: Random, culture: NameCulture): string {
  const pool = NAME_POOLS[culture];
  const family = random.pick(pool.family);
  const given = random.pick(pool.given);
  if (culture === "zh") return family + given;
  return pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

export function slugify(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, "-")
      .slice(0, 30)
      // Cut at 30 it may end in a hyphen, which no domain label may (mail servers refuse the address).
      .replace(/^-+|-+$/g, "")
  );
}

/** Splits `total` over weighted items with at least `min` each (largest remainder, deterministic). */
export function apportion<T>(items: readonly T[], weight: (item: T) => number, total: number, min: number): number[] {
  const base = items.map(() => min);
  const rest = total - min * items.length;
  const weightSum = items.reduce((s, i) => s + weight(i), 0);
  const exact = items.map((i) => (weight(i) / weightSum) * rest);
  const counts = exact.map((x, i) => (base[i] ?? 0) + Math.floor(x));
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

export function clampMark(value: number): number {
  const stepped = Math.round(value * 2) * STEP_MILLI; // nearest 0.5
  return Math.max(0, Math.min(MAX_MILLI, stepped));
}
