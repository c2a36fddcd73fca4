// Simplified → Traditional Chinese for the zh-Hant interface: OpenCC's Taiwan standard with phrases
// (s2twp), then the reviewed regional terms of hant-terms.ts. Server-only: OpenCC's dictionaries stay
// out of the client bundle (the interface catalogue is generated ahead, zh-Hant.generated.ts).
import * as OpenCC from "opencc-js";
import type { Locale } from "./config";
import { HANT_TERMS } from "./hant-terms";

// Built on first use and kept: building the tries takes a few hundred milliseconds.
let opencc: ((text: string) => string) | undefined;
const converter = () => (opencc ??= OpenCC.Converter({ from: "cn", to: "twp" }));

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Interpolations ({{count}}, {{- name}}) and i18next nesting ($t(key)) pass through unchanged; the
// regional terms are matched longest first, so 退出登录 wins over 登录.
const terms = Object.keys(HANT_TERMS).sort((a, b) => b.length - a.length);
const protectedRuns = new RegExp(`(\\{\\{[^}]*\\}\\}|\\$t\\([^)]*\\)|${terms.map(escape).join("|")})`, "u");

/** Traditional Chinese of a Simplified text, as a reader in Hong Kong, Macao or Taiwan expects it. */
export function toTraditional(text: string): string {
  if (!/[\u3400-\u9fff]/u.test(text)) return text;
  return text
    .split(protectedRuns)
    .map((piece, i) => (i % 2 === 1 ? (HANT_TERMS[piece] ?? piece) : piece && converter()(piece)))
    .join("");
}

type Tree = { readonly [key: string]: string | Tree };

/** Every message of a catalogue converted; keys (plural suffixes included) are left as they are. */
export function traditionalMessages<T extends Tree>(tree: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === "string" ? toTraditional(value) : traditionalMessages(value);
  }
  return out as T;
}

const same = (text: string) => text;

/**
 * How a loader hands Chinese content (titles, summaries, names stored in Simplified) to this reader:
 * converted for zh-Hant, unchanged for everyone else. Apply it to the Chinese text only.
 */
export function contentFor(locale: Locale): (text: string) => string {
  return locale === "zh-Hant" ? toTraditional : same;
}

/** `contentFor` for a nullable field, for loaders that map a row's Chinese columns. */
export function contentOrNullFor(locale: Locale): <T extends string | null | undefined>(text: T) => T {
  const convert = contentFor(locale);
  return <T extends string | null | undefined>(text: T) => (typeof text === "string" ? convert(text) : text) as T;
}

// The fields of loader data that hold Chinese content: `…Zh` / `…_zh` (a bilingual record's Chinese
// side) and the free text entrants type in Chinese whichever the language (organization, city, role).
const CHINESE_FIELD = /(?:Zh|_zh)$/;
const FREE_TEXT = new Set(["organization", "city", "role", "affiliation"]);

function convertFields(value: unknown, convert: (text: string) => string, chinese: boolean): unknown {
  if (typeof value === "string") return chinese ? convert(value) : value;
  if (Array.isArray(value)) return value.map((v) => convertFields(v, convert, chinese));
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = convertFields(v, convert, chinese || CHINESE_FIELD.test(key) || FREE_TEXT.has(key));
  }
  return out;
}

/**
 * A loader's data as a zh-Hant reader reads it: every Chinese field (see above) converted, the rest
 * (codes, English, numbers) untouched. For any other reader the data itself.
 */
export function contentIn<T>(locale: Locale, data: T): T {
  return locale === "zh-Hant" ? (convertFields(data, toTraditional, false) as T) : data;
}
