// The organizer's entry list for export: the same filters and order as the table, with what
// organizers ask of a spreadsheet (group and track names, city, website, contact, the team).
import type { Db } from "../../../db/client";
import type { EntryExportRow } from "../../domain/export-columns";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth/deps.server";
import { entriesWithGroupAndTrack } from "../queries/entries.server";
import { all, type AdminListQuery } from "./list.server";

// SQLite takes at most 32,766 bound values; chunks of 500 stay far below and keep each read short.
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function detailsOf(db: Db, ids: number[]) {
  const rows = [];
  for (const chunk of chunks(ids))
    rows.push(
      ...(await entriesWithGroupAndTrack(db)
        .where("e.id", "in", chunk)
        .select([
          "e.id",
          "e.city",
          "e.website",
          "e.contact_name",
          "e.status_reason",
          "g.name_zh as groupNameZh",
          "g.name_en as groupNameEn",
          "t.name_zh as trackNameZh",
          "t.name_en as trackNameEn",
        ])
        .execute()),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

async function teamsOf(db: Db, ids: number[]) {
  const teams = new Map<number, { name: string; role: string }[]>();
  for (const chunk of chunks(ids)) {
    const members = await db
      .selectFrom("team_members")
      .select(["entry_id", "name", "role"])
      .where("entry_id", "in", chunk)
      .orderBy("entry_id")
      .orderBy("position")
      .execute();
    for (const m of members) {
      const team = teams.get(m.entry_id) ?? [];
      team.push({ name: m.name, role: m.role });
      teams.set(m.entry_id, team);
    }
  }
  return teams;
}

/** The filtered, sorted entries of a competition with everything the export shows; organizers only. */
export async function exportEntries(
  db: Db,
  actor: SessionUser,
  competitionId: number,
  query: AdminListQuery,
): Promise<Outcome<{ rows: EntryExportRow[] }>> {
  if (!actor.roles.includes("organizer")) return refuse.forbidden("errors.forbidden");
  const listed = await all(db, competitionId, query);
  const ids = listed.map((r) => r.id);
  const [details, teams] = await Promise.all([detailsOf(db, ids), teamsOf(db, ids)]);
  const rows = listed.map((r): EntryExportRow => {
    const d = details.get(r.id);
    return {
      code: r.code,
      group: { code: r.groupCode, nameZh: d?.groupNameZh ?? "", nameEn: d?.groupNameEn ?? "" },
      track: { code: r.trackCode, nameZh: d?.trackNameZh ?? "", nameEn: d?.trackNameEn ?? "" },
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      organization: r.organization,
      country: r.country,
      city: d?.city ?? null,
      website: d?.website ?? null,
      contactName: d?.contact_name ?? "",
      contactEmail: r.contactEmail,
      team: teams.get(r.id) ?? [],
      status: r.status,
      statusReason: d?.status_reason ?? null,
      submittedAt: r.submittedAt,
    };
  });
  return { ok: true, rows };
}
