// The organizer's entry list: its query string, the filters, the sort, the page, and the unpaged list for export.
import { sql, type SqlBool } from "kysely";
import { z } from "zod";
import type { Db } from "../../../db/client";
import type { EntryStatus } from "../../../db/schema";
import { entryFilterFields } from "../../domain/common-schemas";
import { entriesWithGroupAndTrack } from "../queries/entries.server";

export const ADMIN_PAGE_SIZE = 50;
const SORTS = ["code", "title", "organization", "country", "status", "submitted"] as const;

/** The list's query string: anything unknown or malformed falls back to the default. */
export const adminListQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  ...entryFilterFields,
  status: z.enum(["draft", "submitted", "withdrawn", "disqualified"]).optional().catch(undefined),
  round: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(SORTS).catch("code"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AdminListQuery = z.infer<typeof adminListQuery>;

export type AdminEntryRow = {
  id: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  organization: string;
  country: string;
  status: EntryStatus;
  groupCode: string;
  trackCode: string;
  contactEmail: string;
  submittedAt: string | null;
};

/** The filtered entries of a competition, before sorting and paging (shared by list and export). */
function filtered(db: Db, competitionId: number, query: AdminListQuery) {
  let q = entriesWithGroupAndTrack(db).where("e.competition_id", "=", competitionId);
  if (query.q) {
    // LIKE with escaped wildcards: the text is searched for as typed.
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        ...(["e.code", "e.title_zh", "e.title_en", "e.organization", "e.contact_email", "e.contact_name"] as const).map(
          (column) => eb(sql`${sql.ref(column)}`, "like", sql`${like} ESCAPE '\\'`),
        ),
        // A code the entry gave up when it was moved still finds it.
        eb(
          "e.id",
          "in",
          db
            .selectFrom("retired_entry_codes as r")
            .select("r.entry_id")
            .where(sql<SqlBool>`r.code like ${like} ESCAPE '\\'`),
        ),
      ]),
    );
  }
  if (query.group) q = q.where("g.code", "=", query.group);
  if (query.track) q = q.where("t.code", "=", query.track);
  if (query.country) q = q.where("e.country", "=", query.country);
  if (query.status) q = q.where("e.status", "=", query.status);
  if (query.round) {
    const round = query.round;
    q = q.where("e.id", "in", (eb) =>
      eb
        .selectFrom("round_entries as re")
        .innerJoin("rounds as r", "r.id", "re.round_id")
        .select("re.entry_id")
        .where("r.slug", "=", round)
        .where("r.competition_id", "=", competitionId),
    );
  }
  return q;
}

function sorted(db: Db, competitionId: number, query: AdminListQuery) {
  const base = filtered(db, competitionId, query).select([
    "e.id",
    "e.code",
    "e.title_zh as titleZh",
    "e.title_en as titleEn",
    "e.organization",
    "e.country",
    "e.status",
    "g.code as groupCode",
    "t.code as trackCode",
    "e.contact_email as contactEmail",
    "e.submitted_at as submittedAt",
  ]);
  const column = {
    code: "e.code",
    title: sql`coalesce(e.title_en, e.title_zh)`,
    organization: "e.organization",
    country: "e.country",
    status: "e.status",
    submitted: "e.submitted_at",
  }[query.sort];
  return base.orderBy(column as never, query.dir).orderBy("e.code", query.dir);
}

/** One page of the filtered, sorted list, with the total and the page count. */
export async function list(
  db: Db,
  competitionId: number,
  query: AdminListQuery,
): Promise<{ rows: AdminEntryRow[]; total: number; page: number; pageCount: number }> {
  const { total } = await filtered(db, competitionId, query)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await sorted(db, competitionId, query)
    .limit(ADMIN_PAGE_SIZE)
    .offset((page - 1) * ADMIN_PAGE_SIZE)
    .execute();
  return { rows, total, page, pageCount };
}

/** Every filtered entry, sorted, for export (no paging). */
export function all(db: Db, competitionId: number, query: AdminListQuery): Promise<AdminEntryRow[]> {
  return sorted(db, competitionId, query).execute();
}
