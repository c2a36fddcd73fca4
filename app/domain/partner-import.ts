// Partners from a spreadsheet: the columns, how a header row is read, and every row checked with
// the profile schema against the edition's vocabulary. A problem names its row (the file's line)
// and column; the import stores nothing unless there is none. Pure: the service reads the file and
// hands in the edition's tracks and the e-mail addresses already of a partner.
import { isNoteRow } from "./import-columns";
import {
  partnerPersonSchema,
  partnerProfileSchema,
  type PartnerPersonInput,
  type PartnerProfileInput,
  type ProfileContext,
} from "./partner-profile";
import type { PartnerKind } from "./partner-vocabulary";

/** The file's columns in the template's order, each with the schema field it fills. */
export const PARTNER_IMPORT_COLUMNS = [
  { column: "kind", field: "kind", required: true },
  { column: "name_zh", field: "nameZh", required: false },
  { column: "name_en", field: "nameEn", required: false },
  { column: "country", field: "country", required: true },
  { column: "city", field: "city", required: false },
  { column: "district", field: "district", required: false },
  { column: "website", field: "website", required: false },
  { column: "tracks", field: "tracks", required: false },
  { column: "regions", field: "regions", required: false },
  { column: "stages", field: "stages", required: false },
  { column: "ticket_min_wan", field: "ticketMinWan", required: false },
  { column: "ticket_max_wan", field: "ticketMaxWan", required: false },
  { column: "area_m2", field: "areaM2", required: false },
  { column: "support", field: "support", required: false },
  { column: "customer_kinds", field: "customerKinds", required: false },
  { column: "about_zh", field: "aboutZh", required: false },
  { column: "about_en", field: "aboutEn", required: false },
  { column: "person_name", field: "personName", required: true },
  { column: "person_email", field: "personEmail", required: true },
] as const;

export type PartnerImportColumn = (typeof PARTNER_IMPORT_COLUMNS)[number]["column"];
const COLUMN_OF_FIELD = new Map<string, string>(PARTNER_IMPORT_COLUMNS.map((c) => [c.field, c.column]));
const KNOWN = new Set<string>(PARTNER_IMPORT_COLUMNS.map((c) => c.column));

export type PartnerImportProblem = { row: number; column: string; code: string; params?: Record<string, string> };
export type PartnerImportRow = { row: number; profile: PartnerProfileInput; person: PartnerPersonInput };
export type PartnerImportCheck = { good: PartnerImportRow[]; problems: PartnerImportProblem[]; rows: number };

/** "Ticket Min (万元)" and "ticket-min-wan" both read as ticket_min_wan; the 万元 / m² hints are dropped. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/[（(][^)）]*[)）]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** The header's problems (unknown, repeated, missing columns) at row 1, and each column's position. */
function readHeader(header: readonly string[]) {
  const problems: PartnerImportProblem[] = [];
  const at = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (!name) return;
    if (!KNOWN.has(name)) problems.push({ row: 1, column: cell.trim(), code: "partners.import.unknownColumn" });
    else if (at.has(name)) problems.push({ row: 1, column: name, code: "partners.import.repeatedColumn" });
    else at.set(name, i);
  });
  for (const c of PARTNER_IMPORT_COLUMNS)
    if (c.required && !at.has(c.column))
      problems.push({ row: 1, column: c.column, code: "partners.import.missingColumn" });
  if (!at.has("name_zh") && !at.has("name_en"))
    problems.push({ row: 1, column: "name_en", code: "partners.import.missingColumn" });
  return { problems, at };
}

export type ImportContext = ProfileContext & {
  /** E-mail addresses (lower case) already of a person of a partner in this edition. */
  existingEmails: ReadonlySet<string>;
};

/**
 * Every row of the sheet checked: the good rows ready to store, and every problem at its row and
 * column. Note rows (starting with #) and blank rows are skipped, as in the entry import.
 */
export function checkPartnerRows(
  sheet: { header: readonly string[]; rows: readonly { line: number; cells: readonly string[] }[] },
  context: ImportContext,
): PartnerImportCheck {
  const header = readHeader(sheet.header);
  const rows = sheet.rows.filter((r) => !isNoteRow(r.cells) && r.cells.some((c) => c.trim() !== ""));
  if (header.problems.length > 0) return { good: [], problems: header.problems, rows: rows.length };
  const profileSchema = partnerProfileSchema(context);
  const problems: PartnerImportProblem[] = [];
  const good: PartnerImportRow[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const raw: Record<string, string> = {};
    for (const c of PARTNER_IMPORT_COLUMNS) {
      const i = header.at.get(c.column);
      if (i !== undefined) raw[c.field] = cells[i] ?? "";
    }
    const before = problems.length;
    const profile = profileSchema.safeParse(raw);
    const person = partnerPersonSchema.safeParse(raw);
    for (const result of [profile, person]) {
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const column = COLUMN_OF_FIELD.get(String(issue.path[0] ?? "")) ?? String(issue.path[0] ?? "");
        const params = "params" in issue ? (issue.params as Record<string, string> | undefined) : undefined;
        problems.push({ row: line, column, code: issue.message, ...(params ? { params } : {}) });
      }
    }
    if (person.success) {
      const email = person.data.personEmail;
      if (seen.has(email))
        problems.push({ row: line, column: "person_email", code: "partners.import.duplicateInFile" });
      else if (context.existingEmails.has(email))
        problems.push({ row: line, column: "person_email", code: "partners.import.alreadyPartner" });
      seen.add(email);
    }
    if (problems.length === before && profile.success && person.success)
      good.push({ row: line, profile: profile.data, person: person.data });
  }
  return { good, problems, rows: rows.length };
}

/** How many partners of each kind an import makes. */
export function countByKind(good: readonly PartnerImportRow[]): Record<PartnerKind, number> {
  const counts: Record<PartnerKind, number> = { investor: 0, park: 0, corporate: 0 };
  for (const r of good) counts[r.profile.kind]++;
  return counts;
}

/** The template's example rows, one per kind (the service writes them as "#" notes or as plain rows). */
export const PARTNER_TEMPLATE_EXAMPLES: readonly Record<PartnerImportColumn, string>[] = [
  {
    kind: "investor",
    name_zh: "前沿创投",
    name_en: "Frontier Ventures",
    country: "CN",
    city: "Beijing",
    district: "",
    website: "https://ventures.example",
    tracks: "QI; PC",
    regions: "CN-N; CN-E",
    stages: "angel; A",
    ticket_min_wan: "200",
    ticket_max_wan: "3000",
    area_m2: "",
    support: "",
    customer_kinds: "",
    about_zh: "",
    about_en: "",
    person_name: "Li Ming",
    person_email: "li.ming@ventures.example",
  },
  {
    kind: "park",
    name_zh: "海淀科技园",
    name_en: "Haidian Science Park",
    country: "CN",
    city: "Beijing",
    district: "Haidian",
    website: "",
    tracks: "",
    regions: "CN-N",
    stages: "",
    ticket_min_wan: "",
    ticket_max_wan: "",
    area_m2: "5000",
    support: "office; lab; incubation",
    customer_kinds: "",
    about_zh: "",
    about_en: "",
    person_name: "Wang Fang",
    person_email: "wang.fang@park.example",
  },
  {
    kind: "corporate",
    name_zh: "",
    name_en: "Example Industries",
    country: "DE",
    city: "Munich",
    district: "",
    website: "",
    tracks: "NM",
    regions: "EU",
    stages: "",
    ticket_min_wan: "",
    ticket_max_wan: "",
    area_m2: "",
    support: "",
    customer_kinds: "manufacturing; energy",
    about_zh: "",
    about_en: "",
    person_name: "Anna Weber",
    person_email: "anna.weber@industries.example",
  },
];
