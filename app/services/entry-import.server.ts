// Bulk import of entries from CSV or Excel: a dry run that stores nothing, then one transaction
// that stores every row or none; optionally a claim link for each new entry's contact person.
import crypto from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { checkImport, type ImportedEntry, type ImportProblem, type ImportRecord } from "../domain/entry-import";
import { IMPORT_COLUMNS, isNoteRow, readHeader } from "../domain/import-columns";
import { refuse, type Outcome, type Refusal } from "../domain/refusal";
import type { SessionUser } from "./auth.server";
import { recordAudit } from "./audit.server";
import { bind } from "./bind.server";
import { inTransaction } from "./db-helpers.server";
import { enterIntoFirstRound } from "./first-round-field.server";
import { CLAIM_DAYS, claimPath } from "./entry-claims.server";
import { nextEntryCode } from "./entry-codes.server";
import { importContext } from "./entry-import-context.server";
import { templateData } from "./entry-import-files.server";
import { IMPORT_LIMITS, SpreadsheetRefused } from "./spreadsheet-reading/limits";
import { readSheet, readSpreadsheet } from "./spreadsheet-reading/read.server";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = IMPORT_LIMITS.maxRows;
const YIELD_EVERY_ROWS = 200;

/** An entry the import made: the row it came from, its new code, and its claim link when asked for. */
export type CreatedEntry = {
  row: number;
  entryId: number;
  code: string;
  titleEn: string | null;
  titleZh: string | null;
  contactEmail: string;
  claimPath: string | null;
  claimed: boolean;
};

/** What a check or an import found: rows read, rows good, every problem at its row and column, what it made. */
export type ImportReport = {
  rows: number;
  good: number;
  problems: ImportProblem[];
  /** What an import of this file makes: entries per group and track, in file order. */
  plan: { group: string; track: string; count: number }[];
  imported: number;
  /** Names this import's entries for the download of their codes (null before anything is stored). */
  batch: string | null;
  created: CreatedEntry[];
  claimUntil: string | null;
};
type Deps = { db: Db; clock: () => Date; secret: string };
export type ImportFile = { name: string; bytes: Uint8Array };
export type ImportOptions = { commit: boolean; invite: boolean };

const notOrganizer = (actor: SessionUser) =>
  actor.roles.includes("organizer") ? null : refuse.forbidden("import.forbidden");

/** The file's rows keyed by column, or why it cannot be read at all (unreadable, empty, columns missing, too large). */
async function readRecords(file: ImportFile): Promise<Outcome<{ records: ImportRecord[] }>> {
  let sheet: Awaited<ReturnType<typeof readSheet>>;
  try {
    sheet = await readSheet(file.name, file.bytes);
  } catch (error) {
    // Unreadable, too many rows or cells, a zip bomb, too slow: the reason is the message.
    // Anything else (no worker file, say) is the server's fault, not the file's.
    if (!(error instanceof SpreadsheetRefused)) throw error;
    return refuse.invalid(error.code, "file", error.params.line ? { line: error.params.line } : undefined);
  }
  const header = readHeader(sheet.header);
  if (header.missing.length > 0)
    return refuse.invalid("import.missingColumnsNamed", "file", {
      line: 1,
      missing: header.missing.join(", "),
      found: sheet.header.filter(Boolean).join(", ") || "—",
    });
  if (header.repeated.length > 0)
    return refuse.invalid("import.repeatedColumn", "file", { line: 1, column: header.repeated.join(", ") });
  const records = sheet.rows
    .filter((row) => !isNoteRow(row.cells))
    .map((row) => {
      const cells: ImportRecord["cells"] = {};
      header.columns.forEach((column, i) => {
        if (column) cells[column] = row.cells[i] ?? "";
      });
      return { row: row.line, cells };
    });
  if (records.length === 0) return refuse.invalid("import.empty", "file");
  return { ok: true, records };
}

/** Entries per group and track, in the order the file first names them. */
function planOf(good: readonly ImportedEntry[]): ImportReport["plan"] {
  const plan = new Map<string, ImportReport["plan"][number]>();
  for (const row of good) {
    const key = `${row.group}-${row.track}`;
    const line = plan.get(key) ?? { group: row.group, track: row.track, count: 0 };
    line.count++;
    plan.set(key, line);
  }
  return [...plan.values()];
}

/**
 * Checks the file; with `commit`, stores every row in one transaction, and only when every row
 * is good (an import with a bad row stores nothing and says why, so the fixed file can simply be
 * imported again). Without it nothing is written. A file that cannot be read is refused.
 */
export async function run(
  deps: Deps,
  actor: SessionUser,
  competitionId: number,
  file: ImportFile,
  options: ImportOptions,
): Promise<Outcome<{ report: ImportReport }> | (Refusal & { report: ImportReport })> {
  const forbidden = notOrganizer(actor);
  if (forbidden) return forbidden;
  const read = await readRecords(file);
  if (!read.ok) return read;
  const { context, ids } = await importContext(deps.db, competitionId);
  const { good, problems } = checkImport(read.records, context);
  const report: ImportReport = {
    rows: read.records.length,
    good: good.length,
    problems,
    plan: planOf(good),
    imported: 0,
    batch: null,
    created: [],
    claimUntil: null,
  };
  if (!options.commit) return { ok: true, report };
  if (problems.length > 0) return { ...refuse.invalid("import.notAllGood", "file"), report };
  const batch = crypto.randomUUID();
  const claimUntil = options.invite ? deps.clock().getTime() + CLAIM_DAYS * 86_400_000 : null;
  const created = await inTransaction(deps.db, (trx) =>
    storeRows(trx, actor, { competitionId, fileName: file.name, batch, claimUntil }, good, ids, deps),
  );
  return {
    ok: true,
    report: {
      ...report,
      imported: created.length,
      batch,
      created,
      claimUntil: claimUntil === null ? null : new Date(claimUntil).toISOString(),
    },
  };
}

type Ids = { group: Map<string, number>; track: Map<string, number> };
type Batch = { competitionId: number; fileName: string; batch: string; claimUntil: number | null };

/** Stores one row's entry and team; returns its id. */
async function storeEntry(trx: Db, competitionId: number, row: ImportedEntry, code: string, ids: Ids, now: string) {
  const { id } = await trx
    .insertInto("entries")
    .values({
      competition_id: competitionId,
      group_id: ids.group.get(row.group)!,
      track_id: ids.track.get(row.track)!,
      code,
      title_zh: row.titleZh,
      title_en: row.titleEn,
      summary_zh: row.summaryZh,
      summary_en: row.summaryEn,
      organization: row.organization,
      country: row.country,
      city: row.city,
      website: row.website,
      contact_name: row.contactName,
      contact_email: row.contactEmail,
      status: "submitted",
      submitted_at: now,
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("team_members")
    .values(row.team.map((m, i) => ({ entry_id: id, position: i + 1, name: m.name, role: m.role, email: m.email })))
    .execute();
  return id;
}

/** Stores the rows in file order inside the caller's transaction, each audited with its batch and row. */
async function storeRows(
  trx: Db,
  actor: SessionUser,
  batch: Batch,
  good: ImportedEntry[],
  ids: Ids,
  deps: Deps,
): Promise<CreatedEntry[]> {
  const now = deps.clock().toISOString();
  const created: CreatedEntry[] = [];
  // Codes are handed out per group and track in file order, continuing the stored series.
  const next = new Map<string, number>();
  for (const [index, row] of good.entries()) {
    // better-sqlite3 never yields: let the event loop breathe (sockets, /healthz) every few
    // hundred rows. Other queries still wait for this transaction, which holds the connection.
    if (index > 0 && index % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    const series = `${row.group}-${row.track}`;
    const serial =
      next.get(series) ?? Number((await nextEntryCode(trx, row.group, row.track)).slice(series.length + 1));
    next.set(series, serial + 1);
    const code = `${series}-${String(serial).padStart(4, "0")}`;
    const entryId = await storeEntry(trx, batch.competitionId, row, code, ids, now);
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "entry.imported",
      subject_type: "entry",
      subject_id: entryId,
      after: JSON.stringify({ batch: batch.batch, row: row.row, file: batch.fileName, claimUntil: batch.claimUntil }),
      reason: `${batch.fileName}, row ${row.row}`,
    });
    const link =
      batch.claimUntil === null
        ? null
        : claimPath(
            deps.secret,
            { id: entryId, contactEmail: row.contactEmail, entrantUserId: null },
            batch.claimUntil,
          );
    created.push({ row: row.row, entryId, code, titleEn: row.titleEn, titleZh: row.titleZh, ...contact(row, link) });
  }
  // Imported entries are submitted: while the first round is open they compete in it, as others do.
  await enterIntoFirstRound(trx, batch.competitionId, { entryIds: created.map((c) => c.entryId) });
  return created;
}

const contact = (row: ImportedEntry, link: string | null) => ({
  contactEmail: row.contactEmail,
  claimPath: link,
  claimed: false,
});

/**
 * The entries one import made (by its batch), in file order, with their codes and, where the import
 * made claim links, each link still good (null once claimed or expired) — for the download.
 */
export async function importedBatch(
  deps: Deps,
  actor: SessionUser,
  competitionId: number,
  batch: string,
): Promise<Outcome<{ created: CreatedEntry[]; claimUntil: string | null }>> {
  const forbidden = notOrganizer(actor);
  if (forbidden) return forbidden;
  const rows = await deps.db
    .selectFrom("audit_log as a")
    .innerJoin("entries as e", "e.id", "a.subject_id")
    .where("a.action", "=", "entry.imported")
    .where("a.subject_type", "=", "entry")
    .where(sql<string>`json_extract(a.after, '$.batch')`, "=", batch)
    .where("e.competition_id", "=", competitionId)
    .select(["e.id", "e.code", "e.title_en", "e.title_zh", "e.contact_email", "e.entrant_user_id", "a.after"])
    .orderBy("a.id")
    .execute();
  if (rows.length === 0) return refuse.notFound("import.batchNotFound");
  const now = deps.clock().getTime();
  let claimUntil: number | null = null;
  const created = rows.map((r) => {
    const after = JSON.parse(r.after ?? "{}") as { row?: number; claimUntil?: number | null };
    claimUntil = after.claimUntil ?? null;
    const open = claimUntil !== null && claimUntil > now && r.entrant_user_id === null;
    return {
      row: after.row ?? 0,
      entryId: r.id,
      code: r.code,
      titleEn: r.title_en,
      titleZh: r.title_zh,
      contactEmail: r.contact_email,
      claimPath: open
        ? claimPath(deps.secret, { id: r.id, contactEmail: r.contact_email, entrantUserId: null }, claimUntil!)
        : null,
      claimed: r.entrant_user_id !== null,
    };
  });
  return { ok: true, created, claimUntil: claimUntil === null ? null : new Date(claimUntil).toISOString() };
}

export function createEntryImportService(db: Db, options: { clock: () => Date; secret: string }) {
  const deps = { db, ...options };
  return { run: bind(deps, run), batch: bind(deps, importedBatch), template: bind(deps, templateData) };
}

export { IMPORT_COLUMNS, readSpreadsheet };
export type EntryImportService = ReturnType<typeof createEntryImportService>;
