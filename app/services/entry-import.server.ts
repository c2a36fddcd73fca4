// Bulk import of entries from CSV or Excel: a dry run that stores nothing, then one transaction.
import type { Db } from "../../db/client";
import { checkImport, IMPORT_COLUMNS, type ImportProblem } from "../domain/entry-import";
import { refuse, type Outcome } from "../domain/refusal";
import { isCountryCode } from "../i18n/countries";
import type { SessionUser } from "./auth.server";
import { bind } from "./bind.server";
import { inTransaction } from "./db-helpers.server";
import { nextEntryCode } from "./entry-codes.server";
import { IMPORT_LIMITS, SpreadsheetRefused } from "./spreadsheet-reading/limits";
import { readSpreadsheet } from "./spreadsheet-reading/read.server";
import { recordAudit } from "./audit.server";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = IMPORT_LIMITS.maxRows;
const YIELD_EVERY_ROWS = 200;

/** What a check or an import found: rows read, rows good, every problem at its row and column, rows stored. */
export type ImportReport = {
  rows: number;
  good: number;
  problems: ImportProblem[];
  imported: number;
};
type Deps = { db: Db; clock: () => Date };
type GoodRow = ReturnType<typeof checkImport>["good"][number];
const REQUIRED_COLUMNS = ["group", "track", "organization", "country", "contact_name", "contact_email"];

/** The groups, tracks and existing entries a file is checked against. */
async function context(db: Db, competitionId: number) {
  const [groups, tracks, existing] = await Promise.all([
    db
      .selectFrom("groups")
      .select(["id", "code", "region", "eligible_countries"])
      .where("competition_id", "=", competitionId)
      .execute(),
    db.selectFrom("tracks").select(["id", "code"]).where("competition_id", "=", competitionId).execute(),
    db
      .selectFrom("entries")
      .select(["title_en", "title_zh", "organization", "contact_email"])
      .where("competition_id", "=", competitionId)
      .where("status", "!=", "withdrawn")
      .execute(),
  ]);
  return {
    groups: groups.map((g) => ({ ...g, eligibleCountries: JSON.parse(g.eligible_countries) as string[] })),
    tracks,
    existing: existing.map((e) => ({
      title: e.title_en ?? e.title_zh ?? "",
      organization: e.organization,
      contactEmail: e.contact_email,
    })),
  };
}

/** The file's rows, or the reason it cannot be read at all (unreadable, empty, columns missing, too large). */
async function readRecords(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<Outcome<{ records: Record<string, string>[] }>> {
  let records: Record<string, string>[];
  try {
    records = await readSpreadsheet(file.name, file.bytes);
  } catch (error) {
    // Unreadable, too many rows or cells, a zip bomb, too slow: the reason is the message.
    // Anything else (no worker file, say) is the server's fault, not the file's.
    if (!(error instanceof SpreadsheetRefused)) throw error;
    return refuse.invalid(error.code, "file");
  }
  if (records.length === 0) return refuse.invalid("import.empty", "file");
  if (REQUIRED_COLUMNS.some((c) => !(c in records[0]!))) return refuse.invalid("import.missingColumns", "file");
  return { ok: true, records };
}

/**
 * Checks the file; with `commit`, stores every good row in one transaction (all of them or,
 * on any failure, none). Without it nothing is written. A file that cannot be read is refused.
 */
export async function run(
  { db, clock }: Deps,
  actor: SessionUser,
  competitionId: number,
  file: { name: string; bytes: Uint8Array },
  commit: boolean,
): Promise<Outcome<{ report: ImportReport }>> {
  const read = await readRecords(file);
  if (!read.ok) return read;
  const { records } = read;
  const ctx = await context(db, competitionId);
  const { good, problems } = checkImport(records, {
    groups: ctx.groups,
    trackCodes: ctx.tracks.map((t) => t.code),
    isCountry: isCountryCode,
    existing: ctx.existing,
  });
  const report = { rows: records.length, good: good.length, problems, imported: 0 };
  if (!commit || good.length === 0) return { ok: true, report };
  const ids = {
    group: new Map(ctx.groups.map((g) => [g.code, g.id])),
    track: new Map(ctx.tracks.map((t) => [t.code, t.id])),
  };
  await inTransaction(db, (trx) => storeRows(trx, actor, competitionId, file.name, good, ids, clock().toISOString()));
  return { ok: true, report: { ...report, imported: good.length } };
}

/** Stores the good rows in file order inside the caller's transaction. */
async function storeRows(
  trx: Db,
  actor: SessionUser,
  competitionId: number,
  fileName: string,
  good: GoodRow[],
  ids: { group: Map<string, number>; track: Map<string, number> },
  now: string,
) {
  // Codes are handed out per group and track in file order, continuing the stored series.
  const next = new Map<string, number>();
  for (const [index, row] of good.entries()) {
    // better-sqlite3 never yields: let the event loop breathe (sockets, /healthz) every few
    // hundred rows. Other queries still wait for this transaction, which holds the connection.
    if (index > 0 && index % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    const series = `${row.group}-${row.track}`;
    let serial = next.get(series);
    if (serial === undefined)
      serial = Number((await nextEntryCode(trx, row.group, row.track)).slice(series.length + 1));
    next.set(series, serial + 1);
    const { id } = await trx
      .insertInto("entries")
      .values({
        competition_id: competitionId,
        group_id: ids.group.get(row.group)!,
        track_id: ids.track.get(row.track)!,
        code: `${series}-${String(serial).padStart(4, "0")}`,
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
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "entry.imported",
      subject_type: "entry",
      subject_id: id,
      reason: `${fileName}, row ${row.row}`,
    });
  }
}

export function createEntryImportService(db: Db, clock: () => Date) {
  return { run: bind({ db, clock }, run) };
}

export { IMPORT_COLUMNS, readSpreadsheet };
export type EntryImportService = ReturnType<typeof createEntryImportService>;
