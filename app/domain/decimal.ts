// Exact decimal arithmetic over BigInt. Marks and results never pass through a binary float:
// a value is `units / 10^scale`, and division happens once, as a rational, with explicit rounding.

export type Rounding = "half-up" | "half-even" | "truncate";

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

/** The same value at a larger scale (exact). */
export function rescale(value: Dec, scale: number): bigint {
  if (scale < value.scale) throw new DecimalError("too_precise", `cannot express ${formatDec(value)} with ${scale} decimals exactly`);
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
  if (typeof units === "number" && !Number.isSafeInteger(units)) throw new DecimalError("malformed", `not an integer: ${units}`);
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
