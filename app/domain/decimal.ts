// Exact decimal arithmetic over BigInt. Marks and results never pass through a binary float:
// a value is `units / 10^scale`, and division happens once, as a rational, with explicit rounding.

/** How a result is rounded to its published digits, once, at the end. */
export const ROUNDINGS = ["half-up", "half-even", "truncate"] as const;
export type Rounding = (typeof ROUNDINGS)[number];

export class DecimalError extends Error {
  override name = "DecimalError";
  constructor(
    readonly code: "malformed" | "too_precise" | "invalid_scale",
    message: string,
  ) {
    super(message);
  }
}

/** A decimal value: units × 10^-scale. */
export type Dec = { readonly units: bigint; readonly scale: number };

// Plain decimal notation only: an optional minus, digits, optionally a point and more digits.
// No exponent, no leading "+", no bare ".5" or "5.": what a judge's form or a CSV cell should hold.
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const POW10: bigint[] = [];
export function pow10(n: number): bigint {
  if (n < 0 || !Number.isInteger(n)) throw new DecimalError("invalid_scale", `invalid scale ${n}`);
  return (POW10[n] ??= 10n ** BigInt(n));
}

export function parseDecimal(text: string): Dec {
  if (typeof text !== "string") throw new DecimalError("malformed", `not a decimal: ${String(text)}`);
  const match = DECIMAL.exec(text);
  if (!match) throw new DecimalError("malformed", `not a decimal: "${text}"`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole! + fraction);
  return { units: sign ? -units : units, scale: fraction.length };
}

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

export type DecimalInputProblem = "malformed" | "too_precise" | "negative";
export type DecimalInput = { ok: true; value: string } | { ok: false; problem: DecimalInputProblem };

// What a person may type: the plain notation above, with a decimal comma or point, surrounding
// spaces and leading or trailing zeros. Full-width digits and separators (a Chinese input method in
// full-width mode) are read as their ASCII forms; other scripts' digits, exponents, hex and the
// like are refused rather than guessed at.
const TYPED = /^(-?)(\d+)(?:[.,](\d+))?$/;
const FULL_WIDTH = /[\uFF10-\uFF19\uFF0C\uFF0D\uFF0E]/g;
const MAX_TYPED = 40;

/**
 * The one reader of a typed decimal (a judge's mark, a rubric's maximum, a multiplier): its
 * canonical string ("9.5000" → "9.5", " 07,50 " → "7.5"), or why it is not one. Zeros beyond
 * `maxScale` decimals are dropped; any other digit there is `too_precise`. Negative values are
 * refused unless `negative` is allowed.
 */
export function normalizeDecimalInput(
  text: string,
  maxScale: number,
  options: { negative?: boolean } = {},
): DecimalInput {
  if (typeof text !== "string" || text.length > MAX_TYPED) return { ok: false, problem: "malformed" };
  const ascii = text.trim().replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const match = TYPED.exec(ascii);
  if (!match) return { ok: false, problem: "malformed" };
  const [, sign, whole, fraction = ""] = match;
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > maxScale) return { ok: false, problem: "too_precise" };
  const value = canonical(parseDecimal(`${sign}${whole}${significant ? `.${significant}` : ""}`));
  if (value.startsWith("-") && !options.negative) return { ok: false, problem: "negative" };
  return { ok: true, value };
}

/** The same value at a larger scale (exact). */
export function rescale(value: Dec, scale: number): bigint {
  if (scale < value.scale)
    throw new DecimalError("too_precise", `cannot express ${formatDec(value)} with ${scale} decimals exactly`);
  return value.units * pow10(scale - value.scale);
}

export function compareDec(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Writes units at a scale with exactly `scale` digits after the point (none when scale is 0). */
export function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

export function formatDec(value: Dec): string {
  return formatUnits(value.units, value.scale);
}

/** Canonical form: no trailing fractional zeros, no point when whole, "0" never negative. */
export function canonical(value: Dec): string {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return formatUnits(units, scale);
}

export function canonicalText(text: string): string {
  return canonical(parseDecimal(text));
}

/**
 * Rounds the rational num/den to `decimals` digits, once, in the given mode, and returns the
 * units at that scale. half-up rounds halves away from zero; truncate goes toward zero.
 */
export function roundRational(num: bigint, den: bigint, decimals: number, mode: Rounding): bigint {
  if (den === 0n) throw new DecimalError("malformed", "division by zero");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const scaled = num * pow10(decimals);
  const q = scaled / den; // BigInt division truncates toward zero
  const r = scaled % den;
  if (r === 0n || mode === "truncate") return q;
  const step = scaled < 0n ? -1n : 1n;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice > den) return q + step;
  if (twice < den) return q;
  // Exactly half way.
  if (mode === "half-up") return q + step;
  return q % 2n === 0n ? q : q + step;
}

/** An integer count of 10^-scale units (e.g. thousandths of a mark) as a canonical decimal string. */
export function fromScaledInt(units: number | bigint, scale: number): string {
  if (typeof units === "number" && !Number.isSafeInteger(units))
    throw new DecimalError("malformed", `not an integer: ${units}`);
  return canonical({ units: BigInt(units), scale });
}

/** A decimal string as an integer count of 10^-scale units; refuses digits beyond the scale. */
export function toScaledInt(text: string, scale: number): bigint {
  return rescale(parseDecimal(text), scale);
}

/** A stored exact value shortened for reading (normalized marks carry up to 9 decimals). */
export function shortDecimal(text: string, decimals = 2): string {
  const value = parseDecimal(text);
  if (value.scale <= decimals) return canonical(value);
  return formatUnits(roundRational(value.units, pow10(value.scale), decimals, "half-up"), decimals);
}
