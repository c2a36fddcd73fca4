// The columns of an entry import and how a header row names them: the template's own names, and
// the words people put there instead ("Contact e-mail", "联系人邮箱"). Pure.
import { normalizeTerm } from "./import-vocabulary";
import { ENTRY_CONTENT_FIELDS } from "./entry-fields";

/** The columns an import file has: every field of an entry, as the form has them. */
export const IMPORT_COLUMNS = ENTRY_CONTENT_FIELDS;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = [
  "group",
  "track",
  "organization",
  "country",
  "contact_name",
  "contact_email",
];

/** Other names a header cell may give a column, in English and Chinese (compared as normalizeTerm does). */
const ALIASES: Record<ImportColumn, readonly string[]> = {
  group: ["组别", "赛区", "分组", "组", "group code", "region"],
  track: ["赛道", "领域", "track code", "field"],
  title_zh: ["中文标题", "项目名称（中文）", "项目中文名称", "title (chinese)", "chinese title", "title zh"],
  title_en: ["英文标题", "项目名称（英文）", "项目英文名称", "title (english)", "english title", "title", "title en"],
  summary_zh: ["中文简介", "简介（中文）", "summary (chinese)", "chinese summary"],
  summary_en: ["英文简介", "简介（英文）", "summary (english)", "english summary", "summary"],
  organization: ["单位", "机构", "所属单位", "组织", "organisation", "company", "institution"],
  country: ["国家", "国家/地区", "国家或地区", "地区", "country/region", "country or region"],
  city: ["城市"],
  website: ["网站", "网址", "web", "url"],
  contact_name: ["联系人", "联系人姓名", "contact", "contact person"],
  contact_email: ["联系人邮箱", "邮箱", "电子邮件", "e-mail", "email", "contact e-mail"],
  team: ["团队", "团队成员", "team members", "members"],
};

const KEYS = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  KEYS.set(normalizeTerm(column), column);
  for (const alias of ALIASES[column]) KEYS.set(normalizeTerm(alias), column);
}

export type HeaderReading = {
  /** The column each header cell names (null: a column the import does not read). */
  columns: (ImportColumn | null)[];
  missing: ImportColumn[];
  /** Cells naming no column, as typed. */
  unknown: string[];
  /** Columns named twice, as typed the second time. */
  repeated: string[];
};

/** Which column each header cell names, and the required columns none names. */
export function readHeader(header: readonly string[]): HeaderReading {
  const seen = new Set<ImportColumn>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  const columns = header.map((cell) => {
    const column = KEYS.get(normalizeTerm(cell)) ?? null;
    if (!column) {
      if (cell.trim()) unknown.push(cell.trim());
      return null;
    }
    if (seen.has(column)) {
      repeated.push(cell.trim());
      return null;
    }
    seen.add(column);
    return column;
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((c) => !seen.has(c)), unknown, repeated };
}

/** A row that the template marks as a note (its first cell starts with "#"): not an entry. */
export const isNoteRow = (cells: readonly string[]) =>
  (cells.find((c) => c.trim() !== "") ?? "").trim().startsWith("#");
