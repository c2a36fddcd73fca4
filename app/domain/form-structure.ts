// What a form this site sends can look like, checked before any parser builds objects from it.
// A field name such as `junk[100000000]` makes a form parser allocate an array of that length;
// one check of the names, before parsing, closes that for every action at once.

export const FORM_LIMITS = {
  /** Fields in one submission (the largest real form, the entry form with a full team, has ~80). */
  fields: 1000,
  /** Characters in one field name. */
  nameLength: 120,
  /** Path segments in a name: `team[3].name` has three. */
  depth: 4,
  /** The largest list index a name may use (teams, rubric criteria, import rows are far below). */
  index: 200,
  /** Files in one multipart submission. */
  files: 2,
} as const;

export type FormProblem = "fields" | "name" | "depth" | "index" | "files" | "encoding";

const SEGMENT = /^[A-Za-z_$][\w$-]*|^\[(\d{1,9})\]|^\.([A-Za-z_$][\w$-]*)/;

/** The first thing wrong with one field name, or null. */
export function fieldNameProblem(name: string): FormProblem | null {
  if (name.length === 0 || name.length > FORM_LIMITS.nameLength) return "name";
  let rest = name;
  let depth = 0;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match || (depth === 0 && !/^[A-Za-z_$]/.test(rest)) || (depth > 0 && /^[A-Za-z_$]/.test(rest))) return "name";
    if (match[1] !== undefined && Number(match[1]) > FORM_LIMITS.index) return "index";
    depth += 1;
    if (depth > FORM_LIMITS.depth) return "depth";
    rest = rest.slice(match[0].length);
  }
  return null;
}

/** The first thing wrong with a whole submission's names, or null. */
export function formStructureProblem(names: readonly string[], files = 0): FormProblem | null {
  if (names.length > FORM_LIMITS.fields) return "fields";
  if (files > FORM_LIMITS.files) return "files";
  for (const name of names) {
    const problem = fieldNameProblem(name);
    if (problem) return problem;
  }
  return null;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * One `application/x-www-form-urlencoded` component, given as its raw bytes (a latin1 string),
 * refusing bytes that are not UTF-8 rather than storing U+FFFD in their place.
 */
export function decodeFormComponent(text: string): string | null {
  const plus = text.replace(/\+/g, " ");
  // eslint-disable-next-line no-control-regex -- plain ASCII needs no decoding
  if (!plus.includes("%") && /^[\u0000-\u007f]*$/.test(plus)) return plus;
  const bytes: number[] = [];
  for (let i = 0; i < plus.length; i++) {
    const ch = plus.charCodeAt(i);
    if (ch === 0x25) {
      const hex = plus.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(ch & 0xff);
    }
  }
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** The names of an urlencoded body (its bytes as a latin1 string), or the problem that stops reading it. */
export function urlencodedNames(body: string): { names: string[] } | { problem: FormProblem } {
  const names: string[] = [];
  if (body.length === 0) return { names };
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decodeFormComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? "" : decodeFormComponent(pair.slice(eq + 1));
    if (name === null || value === null) return { problem: "encoding" };
    names.push(name);
    if (names.length > FORM_LIMITS.fields) return { problem: "fields" };
  }
  return { names };
}
