// Bulk import of entries from CSV or Excel: a dry run that stores nothing, then one transaction.
import type { Db } from "../../db/client";
import { checkImport, IMPORT_COLUMNS, type ImportProblem } from "../domain/entry-import";
import { isCountryCode } from "../i18n/countries";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { nextEntryCode } from "./entry-codes.server";
import { IMPORT_LIMITS, SpreadsheetRefused } from "./spreadsheet-reading/limits";
import { readSpreadsheet } from "./spreadsheet-reading/read.server";
import { recordAudit } from "./audit.server";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = IMPORT_LIMITS.maxRows;
const YIELD_EVERY_ROWS = 200;

export type ImportReport = {
  rows: number;
  good: number;
  problems: ImportProblem[];
  imported: number;
  fileError: string | null;
};

export function createEntryImportService(db: Db, clock: () => Date) {
  async function context(competitionId: number) {
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

  return {
    /**
     * Checks the file; with `commit`, stores every good row in one transaction (all of them or,
     * on any failure, none). Without it nothing is written.
     */
    async run(
      actor: SessionUser,
      competitionId: number,
      file: { name: string; bytes: Uint8Array },
      commit: boolean,
    ): Promise<ImportReport> {
      let records: Record<string, string>[];
      try {
        records = await readSpreadsheet(file.name, file.bytes);
      } catch (error) {
        // Unreadable, too many rows or cells, a zip bomb, too slow: the reason is the message.
        // Anything else (no worker file, say) is the server's fault, not the file's.
        if (!(error instanceof SpreadsheetRefused)) throw error;
        return { rows: 0, good: 0, problems: [], imported: 0, fileError: error.code };
      }
      if (records.length === 0) return { rows: 0, good: 0, problems: [], imported: 0, fileError: "import.empty" };
      const missing = ["group", "track", "organization", "country", "contact_name", "contact_email"].filter(
        (c) => !(c in records[0]!),
      );
      if (missing.length > 0)
        return { rows: records.length, good: 0, problems: [], imported: 0, fileError: "import.missingColumns" };

      const ctx = await context(competitionId);
      const { good, problems } = checkImport(records, {
        groups: ctx.groups,
        trackCodes: ctx.tracks.map((t) => t.code),
        isCountry: isCountryCode,
        existing: ctx.existing,
      });
      if (!commit || good.length === 0)
        return { rows: records.length, good: good.length, problems, imported: 0, fileError: null };

      const now = clock().toISOString();
      const groupId = new Map(ctx.groups.map((g) => [g.code, g.id]));
      const trackId = new Map(ctx.tracks.map((t) => [t.code, t.id]));
      await inTransaction(db, async (trx) => {
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
              group_id: groupId.get(row.group)!,
              track_id: trackId.get(row.track)!,
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
            .values(
              row.team.map((m, i) => ({ entry_id: id, position: i + 1, name: m.name, role: m.role, email: m.email })),
            )
            .execute();
          await recordAudit(trx, {
            actor_user_id: actor.id,
            action: "entry.imported",
            subject_type: "entry",
            subject_id: id,
            reason: `${file.name}, row ${row.row}`,
          });
        }
      });
      return { rows: records.length, good: good.length, problems, imported: good.length, fileError: null };
    },
  };
}

export { IMPORT_COLUMNS, readSpreadsheet };
export type EntryImportService = ReturnType<typeof createEntryImportService>;
