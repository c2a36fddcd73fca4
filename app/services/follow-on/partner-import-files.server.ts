// The partner import's template, as CSV and as .xlsx: the header, one example row per kind written
// as a note (its first cell starts with "#", so a template uploaded unchanged imports nobody), the
// notes on how to fill it in, and the codes each list column accepts (this edition's tracks too).
import ExcelJS from "exceljs";
import { PARTNER_IMPORT_COLUMNS, PARTNER_TEMPLATE_EXAMPLES } from "../../domain/partner-import";
import { CUSTOMER_KINDS, FUNDING_STAGES, PARK_SUPPORT, PARTNER_KINDS, REGIONS } from "../../domain/partner-vocabulary";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { neutralizeFormula, type Table } from "../spreadsheet.server";
import { organizerOnly } from "../organizer-only.server";
import type { PartnerDeps } from "./partners-shared.server";

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The codes a list column accepts, with their names in the reader's language. */
export type TemplateCodes = { column: string; code: string; name: string }[];

const HEADER = PARTNER_IMPORT_COLUMNS.map((c) => c.column);

/** The edition's tracks, for the template's list of codes. */
export async function templateTracks(
  { db }: Pick<PartnerDeps, "db">,
  actor: SessionUser,
  competitionId: number,
): Promise<Outcome<{ tracks: { code: string; nameZh: string; nameEn: string }[] }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const rows = await db
    .selectFrom("tracks")
    .where("competition_id", "=", competitionId)
    .select(["code", "name_zh", "name_en"])
    .orderBy("id")
    .execute();
  if (rows.length === 0) return refuse.conflict("partnersAdmin.import.noTracks");
  return { ok: true, tracks: rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en })) };
}

/** Every accepted code of the list columns (and kind), named in the reader's language. */
export function templateCodes(
  tracks: readonly { code: string; nameZh: string; nameEn: string }[],
  t: Translate,
  zh: boolean,
): TemplateCodes {
  return [
    ...PARTNER_KINDS.map((k) => ({ column: "kind", code: k, name: t(`matching.kind.${k}`) })),
    ...tracks.map((tr) => ({ column: "tracks", code: tr.code, name: zh ? tr.nameZh : tr.nameEn })),
    ...REGIONS.map((r) => ({ column: "regions", code: r, name: t(`matching.region.${r}`) })),
    ...FUNDING_STAGES.map((s) => ({ column: "stages", code: s, name: t(`matching.stage.${s}`) })),
    ...PARK_SUPPORT.map((s) => ({ column: "support", code: s, name: t(`partners.support.${s}`) })),
    ...CUSTOMER_KINDS.map((c) => ({ column: "customer_kinds", code: c, name: t(`matching.customerKind.${c}`) })),
  ];
}

const notes = (t: Translate) => [
  t("partnersAdmin.files.noteStart"),
  t("partnersAdmin.files.noteKinds"),
  t("partnersAdmin.files.noteLists"),
  t("partnersAdmin.files.noteExamples"),
];

const pad = (cells: string[]) => [...cells, ...Array<string>(Math.max(0, HEADER.length - cells.length)).fill("")];
const exampleRows = () => PARTNER_TEMPLATE_EXAMPLES.map((ex) => HEADER.map((c, i) => (i === 0 ? `# ${ex[c]}` : ex[c])));

/** The CSV template: header, the examples as notes, then the notes and the codes as "#" rows. */
export function partnerTemplateCsv(codes: TemplateCodes, t: Translate): Table {
  return {
    headers: [...HEADER],
    rows: [
      ...exampleRows(),
      ...notes(t).map((line) => pad([`# ${line}`])),
      pad([`# ${t("partnersAdmin.files.codesHeading")}`, "code", "name"]),
      ...codes.map((c) => pad([`# ${c.column}`, c.code, c.name])),
    ],
  };
}

const safe = (cells: string[]) => cells.map(neutralizeFormula);

/** The .xlsx template: the partners sheet (header, examples as notes), the codes, and the notes. */
export async function partnerTemplateXlsx(codes: TemplateCodes, t: Translate): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const partners = workbook.addWorksheet("partners");
  partners.addRow(HEADER).font = { bold: true };
  for (const row of exampleRows()) partners.addRow(safe(row));
  partners.views = [{ state: "frozen", ySplit: 1 }];
  partners.columns.forEach((column) => (column.width = 16));
  const codeSheet = workbook.addWorksheet(t("partnersAdmin.files.codesSheet").slice(0, 31));
  codeSheet.addRow(["column", "code", "name"]).font = { bold: true };
  for (const c of codes) codeSheet.addRow(safe([c.column, c.code, c.name]));
  codeSheet.columns.forEach((column, i) => (column.width = i === 2 ? 40 : 16));
  const readMe = workbook.addWorksheet(t("partnersAdmin.files.notesSheet").slice(0, 31));
  for (const line of notes(t)) readMe.addRow([line]);
  readMe.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
