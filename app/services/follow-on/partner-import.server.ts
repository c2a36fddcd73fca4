// Partners from a CSV or Excel file, in three steps: a preview that reads and checks the file (a
// file with a bad row is refused with every problem at its row and column, and nothing is kept),
// the confirmation that stores every previewed partner and its person in one transaction, audited,
// and the undo of a confirmed import while none of its partners is in use (nobody accepted an
// invitation, no meeting request). The file is read by the entry import's spreadsheet reader.
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import { checkPartnerRows, countByKind, type PartnerImportProblem } from "../../domain/partner-import";
import type { PartnerKind } from "../../domain/partner-vocabulary";
import { refuse, type Outcome, type Refusal } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { bind } from "../bind.server";
import { inTransaction } from "../db-helpers.server";
import { NO_PASSWORD } from "../passwords.server";
import { SpreadsheetRefused } from "../spreadsheet-reading/limits";
import type { Sheet } from "../spreadsheet-reading/parse.server";
import { readSheet } from "../spreadsheet-reading/read.server";
import { templateTracks } from "./partner-import-files.server";
import { insertPartner, partnerEmails, profileContext, type PartnerDeps } from "./partners-shared.server";
import { organizerOnly } from "../organizer-only.server";
import { auditChange } from "../audit.server";

export type PartnerImportFile = { name: string; bytes: Uint8Array };

/** What a preview found: rows read, partners it would make by kind, every problem at its row and column. */
export type PartnerImportReport = {
  rows: number;
  byKind: Record<PartnerKind, number>;
  problems: PartnerImportProblem[];
};

/** One partner a confirmed import made: the file's row, the partner, its person's account. */
type Created = { partnerId: number; userId: number; newUser: boolean; row: number };

/** A confirmed import as the page lists it, with whether it may still be undone. */
export type PartnerImportSummary = {
  id: number;
  fileName: string;
  importedAt: string;
  partners: number;
  undoneAt: string | null;
};

async function readFile(file: PartnerImportFile): Promise<Outcome<{ sheet: Sheet }>> {
  try {
    return { ok: true, sheet: await readSheet(file.name, file.bytes) };
  } catch (error) {
    // A file the reader refuses (unreadable, too large, ...) is the organizer's to fix; anything
    // else is the server's fault.
    if (!(error instanceof SpreadsheetRefused)) throw error;
    return refuse.invalid(error.code, "file", error.params.line ? { line: error.params.line } : undefined);
  }
}

async function checked(db: Db, competitionId: number, sheet: Sheet) {
  const [context, existingEmails] = await Promise.all([
    profileContext(db, competitionId),
    partnerEmails(db, competitionId),
  ]);
  const check = checkPartnerRows(sheet, { ...context, existingEmails });
  const report: PartnerImportReport = { rows: check.rows, byKind: countByKind(check.good), problems: check.problems };
  return { check, report };
}

/**
 * Reads and checks the file. With a problem, refuses with the report and keeps nothing; else keeps
 * the file as read until it is confirmed, and returns its id with the report.
 */
export async function previewImport(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  file: PartnerImportFile,
): Promise<Outcome<{ importId: number; report: PartnerImportReport }> | (Refusal & { report: PartnerImportReport })> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const read = await readFile(file);
  if (!read.ok) return read;
  const { report } = await checked(deps.db, competitionId, read.sheet);
  if (report.problems.length > 0) return { ...refuse.invalid("partnersAdmin.import.hasProblems", "file"), report };
  if (report.rows === 0) return refuse.invalid("import.empty", "file");
  const { id } = await deps.db
    .insertInto("partner_imports")
    .values({
      competition_id: competitionId,
      file_name: file.name.slice(0, 300),
      previewed_by: actor.id,
      previewed_at: deps.clock().toISOString(),
      sheet: JSON.stringify(read.sheet),
      rows: report.rows,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ok: true, importId: id, report };
}

function importIn(db: Db, competitionId: number, importId: number) {
  return db
    .selectFrom("partner_imports")
    .selectAll()
    .where("id", "=", importId)
    .where("competition_id", "=", competitionId)
    .executeTakeFirst();
}

/**
 * Stores every partner of a previewed file and its person, in one transaction, each audited. The
 * rows are checked again first (an address may have become a partner's since the preview): with
 * a problem nothing is stored and the report says which.
 */
export async function confirmImport(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  importId: number,
): Promise<Outcome<{ report: PartnerImportReport; created: number }> | (Refusal & { report: PartnerImportReport })> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const stored = await importIn(trx, competitionId, importId);
    if (!stored) return refuse.notFound("partnersAdmin.import.notFound");
    if (stored.imported_at) return refuse.conflict("partnersAdmin.import.alreadyConfirmed");
    const { check, report } = await checked(trx, competitionId, JSON.parse(stored.sheet) as Sheet);
    if (report.problems.length > 0) return { ...refuse.conflict("partnersAdmin.import.hasProblems"), report };
    const created: Created[] = [];
    for (const row of check.good) {
      const existing = await trx
        .selectFrom("users")
        .select("id")
        .where("email", "=", row.person.personEmail)
        .executeTakeFirst();
      const { partnerId, userId } = await insertPartner(trx, competitionId, row.profile, row.person);
      created.push({ partnerId, userId, newUser: !existing, row: row.row });
      await auditChange(
        trx,
        actor,
        { action: "partner.imported", subject: "partner", id: partnerId },
        { import: importId, file: stored.file_name, row: row.row, kind: row.profile.kind },
        undefined,
        `${stored.file_name}, row ${row.row}`,
      );
    }
    await trx
      .updateTable("partner_imports")
      .set({ imported_at: deps.clock().toISOString(), imported_by: actor.id, created: JSON.stringify(created) })
      .where("id", "=", importId)
      .execute();
    return { ok: true, report, created: created.length };
  });
}

/**
 * Removes what a confirmed import made: its partners (their people with them), the partner role of
 * accounts left without a partner, and the accounts it made that were never used. Refused, with
 * the reason, once one of its people accepted the invitation or one of its partners has a request.
 */
export async function undoImport(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
  importId: number,
): Promise<Outcome<{ removed: number }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const stored = await importIn(trx, competitionId, importId);
    if (!stored || !stored.imported_at) return refuse.notFound("partnersAdmin.import.notFound");
    if (stored.undone_at) return refuse.conflict("partnersAdmin.import.alreadyUndone");
    const created = JSON.parse(stored.created) as Created[];
    const ids = created.map((c) => c.partnerId);
    if (ids.length > 0) {
      const accepted = await trx
        .selectFrom("partner_people as pp")
        .innerJoin("users as u", "u.id", "pp.user_id")
        .where("pp.partner_id", "in", ids)
        .where("pp.accepted_at", "is not", null)
        .select("u.email")
        .execute();
      if (accepted.length > 0)
        return refuse.conflict("partnersAdmin.import.undoAccepted", {
          count: accepted.length,
          emails: accepted.map((a) => a.email).join(", "),
        });
      const requests = await trx
        .selectFrom("meeting_requests")
        .where("partner_id", "in", ids)
        .select(sql<number>`count(*)`.as("n"))
        .executeTakeFirstOrThrow();
      if (requests.n > 0) return refuse.conflict("partnersAdmin.import.undoRequests", { count: requests.n });
      await trx.deleteFrom("partners").where("id", "in", ids).execute();
    }
    await removeLeftAccounts(trx, created);
    for (const c of created)
      await auditChange(
        trx,
        actor,
        { action: "partner.import_undone", subject: "partner", id: c.partnerId },
        { import: importId, file: stored.file_name, row: c.row },
      );
    await trx
      .updateTable("partner_imports")
      .set({ undone_at: deps.clock().toISOString(), undone_by: actor.id })
      .where("id", "=", importId)
      .execute();
    return { ok: true, removed: ids.length };
  });
}

/** After the import's partners are gone: accounts with no partner left lose the role; new, unused ones go. */
async function removeLeftAccounts(trx: Db, created: readonly Created[]) {
  const userIds = [...new Set(created.map((c) => c.userId))];
  if (userIds.length === 0) return;
  const stillPartner = new Set(
    (await trx.selectFrom("partner_people").select("user_id").distinct().where("user_id", "in", userIds).execute()).map(
      (r) => r.user_id,
    ),
  );
  const left = userIds.filter((id) => !stillPartner.has(id));
  if (left.length === 0) return;
  await trx.deleteFrom("user_roles").where("user_id", "in", left).where("role", "=", "partner").execute();
  const made = new Set(created.filter((c) => c.newUser).map((c) => c.userId));
  const unused = left.filter((id) => made.has(id));
  if (unused.length === 0) return;
  // Only accounts that never chose a password and hold no other role: nobody ever signed in with them.
  await trx
    .deleteFrom("users")
    .where("id", "in", unused)
    .where("password_hash", "=", NO_PASSWORD)
    .where("id", "not in", trx.selectFrom("user_roles").select("user_id"))
    .execute();
}

/** The edition's confirmed imports, newest first (the page offers each one's undo). */
export async function recentImports(
  deps: PartnerDeps,
  actor: SessionUser,
  competitionId: number,
): Promise<Outcome<{ imports: PartnerImportSummary[] }>> {
  const forbidden = organizerOnly(actor);
  if (forbidden) return forbidden;
  const rows = await deps.db
    .selectFrom("partner_imports")
    .where("competition_id", "=", competitionId)
    .where("imported_at", "is not", null)
    .select(["id", "file_name", "imported_at", "undone_at", sql<number>`json_array_length(created)`.as("partners")])
    .orderBy("id", "desc")
    .limit(20)
    .execute();
  return {
    ok: true,
    imports: rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      importedAt: r.imported_at!,
      partners: r.partners,
      undoneAt: r.undone_at,
    })),
  };
}

/** The partner import as one service (`context.services.partnerImport`); each use case checks the asker. */
export function createPartnerImportService(deps: PartnerDeps) {
  return {
    preview: bind(deps, previewImport),
    confirm: bind(deps, confirmImport),
    undo: bind(deps, undoImport),
    recent: bind(deps, recentImports),
    templateTracks: bind(deps, templateTracks),
  };
}
export type PartnerImportService = ReturnType<typeof createPartnerImportService>;
