// The files around an entry import: the template to fill in (CSV, or .xlsx with a sheet of the
// codes this edition accepts) and the download of what an import made (rows, codes, claim links).
import ExcelJS from "exceljs";
import type { Db } from "../../db/client";
import { EXAMPLE_EMAIL } from "../domain/entry-import";
import { IMPORT_COLUMNS, type ImportColumn } from "../domain/import-columns";
import { refuse, type Outcome } from "../domain/refusal";
import type { SessionUser } from "./auth.server";
import type { CreatedEntry } from "./entry-import.server";
import { countriesVocabulary, groupsAndTracks } from "./entry-import-context.server";
import { neutralizeFormula, type Table } from "./spreadsheet.server";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What the template lists: the edition's groups (with who may enter) and tracks, and every country. */
export type TemplateData = {
  example: Record<ImportColumn, string>;
  codes: { kind: "group" | "track" | "country"; code: string; nameEn: string; nameZh: string; note: string }[];
};

/** The edition's codes and an example row that would pass (a real group, track and eligible country). */
export async function templateData(
  { db }: { db: Db },
  actor: SessionUser,
  competitionId: number,
): Promise<Outcome<{ data: TemplateData }>> {
  if (!actor.roles.includes("organizer")) return refuse.forbidden("import.forbidden");
  const { groups, tracks } = await groupsAndTracks(db, competitionId);
  const group = groups.find((g) => g.region === "overseas") ?? groups[0];
  const country = group?.eligibleCountries[0] ?? "CN";
  const example: Record<ImportColumn, string> = {
    group: group?.code ?? "",
    track: tracks[0]?.code ?? "",
    title_zh: "示例：低成本量子传感器",
    title_en: "Example: a low-cost quantum sensor",
    summary_zh: "",
    summary_en: "",
    organization: "Example Lab Ltd",
    country,
    city: "",
    website: "https://example.org",
    contact_name: "Alex Example",
    contact_email: EXAMPLE_EMAIL,
    team: "Alex Example|Team lead; Li Ming|Engineer",
  };
  const countries = countriesVocabulary().terms;
  const data: TemplateData = {
    example,
    codes: [
      ...groups.map((g) => ({
        kind: "group" as const,
        code: g.code,
        nameEn: g.name_en,
        nameZh: g.name_zh,
        note: g.eligibleCountries.join(" "),
      })),
      ...tracks.map((t) => ({ kind: "track" as const, code: t.code, nameEn: t.name_en, nameZh: t.name_zh, note: "" })),
      ...countries.map((c) => ({
        kind: "country" as const,
        code: c.code,
        nameEn: c.nameEn,
        nameZh: c.nameZh,
        note: "",
      })),
    ],
  };
  return { ok: true, data };
}

/** The notes at the template's foot (CSV) or on its own sheet (.xlsx), in the reader's language. */
const notes = (t: Translate) => [
  t("import.files.noteStart"),
  t("import.files.noteNames"),
  t("import.files.noteTeam"),
  t("import.files.noteExample"),
  t("import.files.noteSkipped"),
];

/**
 * The CSV template: the header, the example row, then notes and the accepted codes as rows whose
 * first cell starts with "#". Such rows are CSV like any other (Excel shows and keeps them), and
 * the import skips them; a second table below the first would be read as entries.
 */
export function templateCsv(data: TemplateData, t: Translate): Table {
  const width = IMPORT_COLUMNS.length;
  const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill("")];
  return {
    headers: [...IMPORT_COLUMNS],
    rows: [
      IMPORT_COLUMNS.map((c) => data.example[c]),
      ...notes(t).map((line) => pad([`# ${line}`])),
      pad([`# ${t("import.files.codesHeading")}`, "code", "name_en", "name_zh", t("import.files.eligible")]),
      ...data.codes.map((c) => pad([`# ${c.kind}`, c.code, c.nameEn, c.nameZh, c.note])),
    ],
  };
}

const safe = (cells: (string | number | null)[]) => cells.map(neutralizeFormula);

/** The .xlsx template: the entries sheet (header and example row), the accepted codes, and the notes. */
export async function templateXlsx(data: TemplateData, t: Translate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const entries = workbook.addWorksheet("entries");
  entries.addRow([...IMPORT_COLUMNS]).font = { bold: true };
  entries.addRow(safe(IMPORT_COLUMNS.map((c) => data.example[c])));
  entries.views = [{ state: "frozen", ySplit: 1 }];
  entries.columns.forEach((column) => (column.width = 18));
  const codes = workbook.addWorksheet(t("import.files.codesSheet").slice(0, 31));
  codes.addRow(["column", "code", "name_en", "name_zh", t("import.files.eligible")]).font = { bold: true };
  for (const c of data.codes) codes.addRow(safe([c.kind, c.code, c.nameEn, c.nameZh, c.note]));
  codes.views = [{ state: "frozen", ySplit: 1 }];
  codes.columns.forEach((column, i) => (column.width = i === 4 ? 60 : i < 2 ? 10 : 36));
  const readMe = workbook.addWorksheet(t("import.files.notesSheet").slice(0, 31));
  for (const line of notes(t)) readMe.addRow([line]);
  readMe.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What an import made, one row per entry: its row in the file, its code, title, contact and claim link. */
export function createdTable(
  created: readonly CreatedEntry[],
  origin: string,
  t: Translate,
): Table & { sheetName: string } {
  return {
    sheetName: t("import.files.createdSheet"),
    headers: [
      t("import.row"),
      t("import.code"),
      "title_zh",
      "title_en",
      t("import.contactEmail"),
      t("import.claimLink"),
    ],
    rows: created.map((c) => [
      c.row,
      c.code,
      c.titleZh,
      c.titleEn,
      c.contactEmail,
      c.claimPath ? new URL(c.claimPath, origin).toString() : c.claimed ? t("import.claimed") : null,
    ]),
  };
}
