// Checking a spreadsheet of entries row by row, before anything is stored. Pure: the groups,
// tracks, valid countries and existing entries come in as data.
import { z } from "zod";
import { checkEligibility, type GroupRule } from "./eligibility";
import { LIMITS } from "./entry-schemas";

export const IMPORT_COLUMNS = [
  "group",
  "track",
  "title_zh",
  "title_en",
  "summary_zh",
  "summary_en",
  "organization",
  "country",
  "city",
  "website",
  "contact_name",
  "contact_email",
  "team",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export type ImportProblem = { row: number; column: ImportColumn | null; message: string };

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
  trackCodes: readonly string[];
  isCountry: (code: string) => boolean;
  /** Entries already stored: a row matching one is a duplicate. */
  existing: readonly { title: string; organization: string; contactEmail: string }[];
};

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
  group: cell(4, true),
  track: cell(4, true),
  title_zh: cell(LIMITS.titleZh, false),
  title_en: cell(LIMITS.titleEn, false),
  summary_zh: cell(LIMITS.summaryZh, false),
  summary_en: cell(LIMITS.summaryEn, false),
  organization: cell(LIMITS.organization, true),
  country: cell(2, true),
  city: cell(100, false),
  website: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "validation.url" })]),
  contact_name: cell(120, true),
  contact_email: z.email({ error: "validation.email" }),
  team: cell(2000, false),
});

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
    .split(";")
    .map((m) => m.trim())
    .filter(Boolean)
    .map((m) => {
      const [name = "", role = "", email = ""] = m.split("|").map((p) => p.trim());
      return { name, role, email: email || null };
    });
  if (members.length < LIMITS.teamMin || members.length > LIMITS.teamMax) return "validation.teamSize";
  for (const m of members) {
    if (!m.name || !m.role || m.name.length > 120 || m.role.length > 120) return "import.teamFormat";
    if (m.email && !z.email().safeParse(m.email).success) return "validation.email";
  }
  return members;
}

/**
 * Checks every row (numbered as in the spreadsheet: the header is row 1) and returns the rows
 * that can be stored and every problem found, each at its row and column.
 */
export function checkImport(
  records: readonly Record<string, string>[],
  ctx: ImportContext,
): { good: ImportedEntry[]; problems: ImportProblem[] } {
  const good: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  const seenTitles = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  for (const e of ctx.existing) {
    seenTitles.set(key(e.title, e.organization), 0);
    seenEmails.set(e.contactEmail.toLowerCase(), 0);
  }
  records.forEach((record, index) => {
    const row = index + 2;
    const raw = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, (record[c] ?? "").toString()]));
    const parsed = rowSchema.safeParse({
      ...raw,
      contact_email: raw.contact_email!.trim().toLowerCase(),
      website: raw.website!.trim(),
    });
    const rowProblems: ImportProblem[] = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        rowProblems.push({ row, column: issue.path[0] as ImportColumn, message: issue.message });
    } else {
      const v = parsed.data;
      const group = ctx.groups.find((g) => g.code === v.group.toUpperCase());
      const country = v.country.toUpperCase();
      if (!v.title_zh && !v.title_en) rowProblems.push({ row, column: "title_en", message: "validation.titleOne" });
      if (!group) rowProblems.push({ row, column: "group", message: "import.unknownGroup" });
      if (!ctx.trackCodes.includes(v.track.toUpperCase()))
        rowProblems.push({ row, column: "track", message: "import.unknownTrack" });
      if (!ctx.isCountry(country)) rowProblems.push({ row, column: "country", message: "validation.country" });
      else if (group) {
        const eligibility = checkEligibility(group, country);
        if (!eligibility.ok) rowProblems.push({ row, column: "country", message: eligibility.reason });
      }
      const team = parseTeam(v.team, v.contact_name, v.contact_email);
      if (typeof team === "string") rowProblems.push({ row, column: "team", message: team });
      const title = v.title_en || v.title_zh;
      const titleKey = key(title, v.organization);
      if (seenTitles.has(titleKey))
        rowProblems.push({
          row,
          column: "title_en",
          message: seenTitles.get(titleKey) ? "import.duplicateInFile" : "import.duplicateExisting",
        });
      if (seenEmails.has(v.contact_email))
        rowProblems.push({
          row,
          column: "contact_email",
          message: seenEmails.get(v.contact_email) ? "import.duplicateEmailInFile" : "import.duplicateEmailExisting",
        });
      if (rowProblems.length === 0 && typeof team !== "string" && group) {
        seenTitles.set(titleKey, row);
        seenEmails.set(v.contact_email, row);
        good.push({
          row,
          group: group.code,
          track: v.track.toUpperCase(),
          titleZh: v.title_zh || null,
          titleEn: v.title_en || null,
          summaryZh: v.summary_zh || null,
          summaryEn: v.summary_en || null,
          organization: v.organization,
          country,
          city: v.city || null,
          website: v.website || null,
          contactName: v.contact_name,
          contactEmail: v.contact_email,
          team,
        });
      }
    }
    problems.push(...rowProblems);
  });
  return { good, problems };
}
