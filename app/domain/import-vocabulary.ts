// Reading a group, track or country as people type it: by code or by name in either language,
// whatever the case, the width (full-width Ｅｕ) or the spacing. Pure: the terms come in as data.

/** One value a column accepts: its code and every name it is known by. */
export type Term = { code: string; nameEn: string; nameZh: string; aliases?: readonly string[] };

/**
 * What a column accepts. `suffixes` are words people add or leave out at the end of a name
 * ("欧洲组" for "欧洲赛区", "Europe group"), removed from both sides before names are compared.
 */
export type Vocabulary = {
  terms: readonly Term[];
  byCode: ReadonlyMap<string, Term>;
  byName: ReadonlyMap<string, readonly Term[]>;
  suffixes: readonly string[];
};

export type Match =
  { ok: true; code: string } | { ok: false; reason: "unknown" | "ambiguous"; candidates: readonly Term[] };

/** Suffixes of group and track names in the competition's two languages, longest first. */
export const GROUP_SUFFIXES = ["分赛区", "赛区", "组别", "组", "区", "group", "division", "region", "area"] as const;
export const TRACK_SUFFIXES = ["赛道", "领域", "方向", "track", "field"] as const;

const SUGGESTIONS = 5;

/**
 * Case-, width- and spacing-insensitive text: NFKC (full-width letters and spaces become plain
 * ones), lower case, "&" read as "and", punctuation and spaces removed, and an English plural
 * "s" dropped from every word of four letters or more ("Interfaces" = "interface").
 */
export function normalizeTerm(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (/^[a-z]{4,}s$/.test(word) && !word.endsWith("ss") ? word.slice(0, -1) : word))
    .join("");
}

function withoutSuffix(key: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (key.length > suffix.length && key.endsWith(suffix)) return key.slice(0, -suffix.length);
  }
  return key;
}

const codeKey = (code: string) => code.normalize("NFKC").trim().toUpperCase();

/** The keys a name is found by: its normalized form and, if it ends in a suffix, the form without it. */
function nameKeys(name: string, suffixes: readonly string[]): string[] {
  const key = normalizeTerm(name);
  if (!key) return [];
  const bare = withoutSuffix(key, suffixes);
  return bare === key ? [key] : [key, bare];
}

export function buildVocabulary(terms: readonly Term[], suffixes: readonly string[] = []): Vocabulary {
  const byCode = new Map<string, Term>();
  const byName = new Map<string, Term[]>();
  const normalizedSuffixes = suffixes.map(normalizeTerm);
  for (const term of terms) {
    byCode.set(codeKey(term.code), term);
    for (const name of [term.nameEn, term.nameZh, ...(term.aliases ?? [])]) {
      for (const key of nameKeys(name, normalizedSuffixes)) {
        const list = byName.get(key) ?? [];
        if (!list.includes(term)) list.push(term);
        byName.set(key, list);
      }
    }
  }
  return { terms, byCode, byName, suffixes: normalizedSuffixes };
}

/** Levenshtein distance, stopping early once it is past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Terms close to what was typed: a name containing it (or contained in it), or a name a typo or two away. */
function suggestionsFor(vocabulary: Vocabulary, key: string): Term[] {
  const bare = withoutSuffix(key, vocabulary.suffixes);
  const limit = bare.length <= 4 ? 1 : 2;
  const found: Term[] = [];
  for (const [name, terms] of vocabulary.byName) {
    const near =
      (bare.length >= 2 && (name.includes(bare) || bare.includes(name))) || distance(bare, name, limit) <= limit;
    if (!near) continue;
    for (const term of terms) if (!found.includes(term)) found.push(term);
  }
  return found.slice(0, SUGGESTIONS);
}

/**
 * The code meant by `typed`: a code first (exact, any case or width), then a name in either
 * language. Several terms by that name is `ambiguous`; none is `unknown`, with the terms it
 * comes close to as candidates (none when nothing is close).
 */
export function matchTerm(vocabulary: Vocabulary, typed: string): Match {
  const byCode = vocabulary.byCode.get(codeKey(typed));
  if (byCode) return { ok: true, code: byCode.code };
  const key = normalizeTerm(typed);
  const named = vocabulary.byName.get(key) ?? vocabulary.byName.get(withoutSuffix(key, vocabulary.suffixes)) ?? [];
  if (named.length === 1) return { ok: true, code: named[0]!.code };
  if (named.length > 1) return { ok: false, reason: "ambiguous", candidates: named };
  return { ok: false, reason: "unknown", candidates: key ? suggestionsFor(vocabulary, key) : [] };
}
