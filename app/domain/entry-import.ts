// Checking a spreadsheet of entries row by row, before anything is stored. Pure: the groups,
// tracks, countries (as vocabularies: codes and names) and existing entries come in as data.
import { z } from "zod";
import { checkEligibility, type GroupRule } from "./eligibility";
import { LIMITS } from "./entry-schemas";
import { IMPORT_COLUMNS, type ImportColumn } from "./import-columns";
import { matchTerm, type Term, type Vocabulary } from "./import-vocabulary";

export { IMPORT_COLUMNS, type ImportColumn };

/** A value the column accepts, offered where a typed one was not understood. */
export type Suggestion = { code: string; nameEn: string; nameZh: string };

export type ImportProblem = {
  row: number;
  column: ImportColumn | null;
  message: string;
  /** What the cell held, where the message is about that value. */
  value?: string;
  /** The values it may have meant (ambiguous), comes close to (unknown), or every accepted one. */
  suggestions?: Suggestion[];
  /** How the suggestions are offered: "either" (ambiguous), "close" or "all" (unknown). */
  hint?: "either" | "close" | "all";
};

export type ImportedEntry = {
  row: number;
  group: string;
  track: string;
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  organization: string;
  country: string;
  city: string | null;
  website: string | null;
  contactName: string;
  contactEmail: string;
  team: { name: string; role: string; email: string | null }[];
};

export type ImportContext = {
  groups: readonly GroupRule[];
  vocabulary: { group: Vocabulary; track: Vocabulary; country: Vocabulary };
  /** Entries already stored: a row matching one is a duplicate. */
  existing: readonly { title: string; organization: string; contactEmail: string }[];
};

/** A row of the file: its number as the spreadsheet shows it, and its cells by column. */
export type ImportRecord = { row: number; cells: Partial<Record<ImportColumn, string>> };

/** The template's example row gives this contact e-mail: a row with it was not meant to be imported. */
export const EXAMPLE_EMAIL = "example.contact@example.org";

const noMarkup = (text: string) => !/<\/?[a-z!][^>]*>/i.test(text);
const cell = (max: number, required: boolean) => {
  const base = z
    .string()
    .trim()
    .max(max, { error: "validation.tooLong" })
    .refine(noMarkup, { error: "validation.noHtml" });
  return required ? base.min(1, { error: "validation.required" }) : base;
};

const rowSchema = z.object({
  group: cell(200, true),
  track: cell(200, true),
  title_zh: cell(LIMITS.titleZh, false),
  title_en: cell(LIMITS.titleEn, false),
  summary_zh: cell(LIMITS.summaryZh, false),
  summary_en: cell(LIMITS.summaryEn, false),
  organization: cell(LIMITS.organization, true),
  country: cell(200, true),
  city: cell(100, false),
  website: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "validation.url" })]),
  contact_name: cell(120, true),
  contact_email: z.email({ error: "validation.email" }),
  team: cell(2000, false),
});
type RowValues = z.infer<typeof rowSchema>;

const key = (title: string, organization: string) =>
  `${title.trim().toLowerCase()}\u0000${organization.trim().toLowerCase()}`;

/** "Name|Role|email; Name|Role" → members; the contact person leads when the cell is empty. */
function parseTeam(
  text: string,
  contactName: string,
  contactEmail: string,
): { name: string; role: string; email: string | null }[] | string {
  if (!text.trim()) return [{ name: contactName, role: "Team lead / 负责人", email: contactEmail }];
  const members = text
    .split(/[;；]/)
    .map((m) => m.trim())
    .filter(Boolean)
    .map((m) => {
      const [name = "", role = "", email = ""] = m.split(/[|｜]/).map((p) => p.trim());
      return { name, role, email: email || null };
    });
  if (members.length < LIMITS.teamMin || members.length > LIMITS.teamMax) return "validation.teamSize";
  for (const m of members) {
    if (!m.name || !m.role || m.name.length > 120 || m.role.length > 120) return "import.teamFormat";
    if (m.email && !z.email().safeParse(m.email).success) return "validation.email";
  }
  return members;
}

const suggestion = (t: Term): Suggestion => ({ code: t.code, nameEn: t.nameEn, nameZh: t.nameZh });

/** The code a group, track or country cell means, or the problem at that cell. */
function termOf(
  vocabulary: Vocabulary,
  typed: string,
  row: number,
  column: "group" | "track" | "country",
): { code: string } | { problem: ImportProblem } {
  const match = matchTerm(vocabulary, typed);
  if (match.ok) return { code: match.code };
  // Groups and tracks are few: when nothing is close, every one is offered.
  const all = match.candidates.length === 0 && column !== "country";
  const offered = all ? vocabulary.terms.slice(0, 30) : match.candidates;
  const hint = match.reason === "ambiguous" ? "either" : all ? "all" : "close";
  const message = `import.${match.reason}${column === "group" ? "Group" : column === "track" ? "Track" : "Country"}`;
  const problem: ImportProblem = { row, column, message, value: typed, suggestions: offered.map(suggestion) };
  if (offered.length > 0) problem.hint = hint;
  return { problem };
}

type Seen = { titles: Map<string, number>; emails: Map<string, number> };

/** The duplicate problems of a row: the same title and organization, or contact e-mail, earlier or stored. */
function duplicates(v: RowValues, row: number, seen: Seen): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const titleKey = key(v.title_en || v.title_zh, v.organization);
  if (seen.titles.has(titleKey))
    problems.push({
      row,
      column: v.title_en ? "title_en" : "title_zh",
      message: seen.titles.get(titleKey) ? "import.duplicateInFile" : "import.duplicateExisting",
      ...(seen.titles.get(titleKey) ? { value: String(seen.titles.get(titleKey)) } : {}),
    });
  if (seen.emails.has(v.contact_email))
    problems.push({
      row,
      column: "contact_email",
      message: seen.emails.get(v.contact_email) ? "import.duplicateEmailInFile" : "import.duplicateEmailExisting",
      ...(seen.emails.get(v.contact_email) ? { value: String(seen.emails.get(v.contact_email)) } : {}),
    });
  return problems;
}

/** One row checked: the entry it makes, or its problems. */
function checkRow(record: ImportRecord, ctx: ImportContext, seen: Seen): ImportedEntry | ImportProblem[] {
  const { row } = record;
  const raw = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, (record.cells[c] ?? "").toString()]));
  const parsed = rowSchema.safeParse({
    ...raw,
    contact_email: raw.contact_email!.normalize("NFKC").trim().toLowerCase(),
    website: raw.website!.trim(),
  });
  if (!parsed.success)
    return parsed.error.issues.map((issue) => ({ row, column: issue.path[0] as ImportColumn, message: issue.message }));
  const v = parsed.data;
  const problems: ImportProblem[] = [];
  if (v.contact_email === EXAMPLE_EMAIL) return [{ row, column: "contact_email", message: "import.exampleRow" }];
  const group = termOf(ctx.vocabulary.group, v.group, row, "group");
  const track = termOf(ctx.vocabulary.track, v.track, row, "track");
  const country = termOf(ctx.vocabulary.country, v.country, row, "country");
  for (const found of [group, track, country]) if ("problem" in found) problems.push(found.problem);
  if (!v.title_zh && !v.title_en) problems.push({ row, column: "title_en", message: "validation.titleOne" });
  const rule = "code" in group ? ctx.groups.find((g) => g.code === group.code) : undefined;
  if (rule && "code" in country) {
    const eligibility = checkEligibility(rule, country.code);
    if (!eligibility.ok) problems.push({ row, column: "country", message: eligibility.reason, value: v.country });
  }
  const team = parseTeam(v.team, v.contact_name, v.contact_email);
  if (typeof team === "string") problems.push({ row, column: "team", message: team });
  if (v.title_zh || v.title_en) problems.push(...duplicates(v, row, seen));
  if (problems.length > 0 || typeof team === "string" || !("code" in group) || !("code" in track)) return problems;
  if (!("code" in country)) return problems;
  seen.titles.set(key(v.title_en || v.title_zh, v.organization), row);
  seen.emails.set(v.contact_email, row);
  return {
    row,
    group: group.code,
    track: track.code,
    titleZh: v.title_zh || null,
    titleEn: v.title_en || null,
    summaryZh: v.summary_zh || null,
    summaryEn: v.summary_en || null,
    organization: v.organization,
    country: country.code,
    city: v.city || null,
    website: v.website || null,
    contactName: v.contact_name,
    contactEmail: v.contact_email,
    team,
  };
}

/**
 * Checks every row (numbered as in the spreadsheet: the header is row 1) and returns the rows
 * that can be stored and every problem found, each at its row and column.
 */
export function checkImport(
  records: readonly ImportRecord[],
  ctx: ImportContext,
): { good: ImportedEntry[]; problems: ImportProblem[] } {
  const good: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  const seen: Seen = { titles: new Map(), emails: new Map() };
  for (const e of ctx.existing) {
    seen.titles.set(key(e.title, e.organization), 0);
    seen.emails.set(e.contactEmail.toLowerCase(), 0);
  }
  for (const record of records) {
    const checked = checkRow(record, ctx, seen);
    if (Array.isArray(checked)) problems.push(...checked);
    else good.push(checked);
  }
  return { good, problems };
}
