// A round's assignment seen whole: the entries still short of judges and why, the judge–entry
// table (per judge totals, or every pair with its state) and the same table for a spreadsheet.
import type { Db } from "../../../db/client";
import { conflictReason, indexConflicts, shortfall, type ShortEntry } from "../../domain/assignment";
import {
  entriesWithJudgeCounts,
  judgePool,
  judgeTotals,
  pairCount,
  pairKeys,
  pairRows,
} from "../queries/assignment-table.server";
import type { PairFilter } from "../../domain/assignment-table-filter";
import { confirmedConflicts } from "../queries/conflicts.server";
import { roundById } from "../queries/rounds.server";
import type { Table } from "../spreadsheet.server";
import { createI18n, type Locale } from "../../i18n/config";

export type { PairFilter, PairStatus } from "../../domain/assignment-table-filter";

export const PAIR_PAGE_SIZE = 100;

/**
 * Why an entry is short, in one word: no judges at all; not enough judges free of conflict;
 * enough free judges, but some of them have not accepted their invitation (a run limited to
 * accepted judges left them out); or enough free, accepted judges: a run would fill it.
 */
export type ShortCause = "no_judges" | "not_enough_eligible_judges" | "not_accepted" | "run_again";

export type ShortListed = Omit<ShortEntry, "entryId" | "reason"> & {
  entryId: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  cause: ShortCause;
  /** Free judges (no conflict, not on the panel) who have not accepted their invitation. */
  freeNotAccepted: number;
};

/** The round's competing entries with fewer judges than it asks for, by code, with the reason. */
export async function shortEntries(db: Db, roundId: number): Promise<ShortListed[]> {
  const round = await roundById(db, roundId);
  if (!round) return [];
  const k = round.judges_per_entry;
  const entries = (await entriesWithJudgeCounts(db, roundId)).filter((e) => (e.assigned ?? 0) < k);
  if (!entries.length) return [];
  const [pool, conflicts, pairs] = await Promise.all([
    judgePool(db, round.competition_id),
    confirmedConflicts(db, round.competition_id),
    pairKeys(db, roundId),
  ]);
  const rules = { conflicts: indexConflicts(conflicts), avoidSameCountry: round.avoid_same_country === 1 };
  return entries.map((e) => {
    const entry = { id: String(e.id), trackId: String(e.track_id), organization: e.organization, country: e.country };
    const missing = k - (e.assigned ?? 0);
    const free = pool.filter(
      (j) =>
        !pairs.has(`${j.id}:${e.id}`) && conflictReason(j, entry, rules.conflicts, rules.avoidSameCountry) === null,
    );
    const freeAccepted = free.filter((j) => j.accepted).length;
    const cause: ShortCause =
      pool.length === 0
        ? "no_judges"
        : freeAccepted >= missing
          ? "run_again"
          : free.length >= missing
            ? "not_accepted"
            : "not_enough_eligible_judges";
    const { entryId: _id, reason: _reason, ...counts } = shortfall(entry, pool, rules, k, missing);
    return {
      ...counts,
      entryId: e.id,
      code: e.code,
      titleZh: e.title_zh,
      titleEn: e.title_en,
      cause,
      freeNotAccepted: free.length - freeAccepted,
    };
  });
}

/** Every judge of the competition with their pairs in the round by state (the table's "by judge" view). */
export function judgeTable(db: Db, competitionId: number, roundId: number) {
  return judgeTotals(db, competitionId, roundId);
}

/** One page of the round's pairs (and confirmed conflicts with its entries) matching the filter. */
export async function pairTable(db: Db, roundId: number, filter: PairFilter, page: number) {
  const total = await pairCount(db, roundId, filter);
  const pages = Math.max(1, Math.ceil(total / PAIR_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await pairRows(db, roundId, filter, {
    limit: PAIR_PAGE_SIZE,
    offset: (current - 1) * PAIR_PAGE_SIZE,
  });
  return { rows, total, page: current, pages };
}

/** Every row of the filtered table, for the spreadsheet. */
export function pairExport(db: Db, roundId: number, filter: PairFilter) {
  return pairRows(db, roundId, filter);
}

/**
 * The filtered table as a spreadsheet: headers in the reader's language, names as well as codes,
 * submission times in the competition's time zone.
 */
export async function pairSpreadsheet(
  db: Db,
  roundId: number,
  filter: PairFilter,
  reader: { locale: Locale; timeZone: string },
): Promise<Table> {
  const { t } = createI18n(reader.locale);
  const when = new Intl.DateTimeFormat("sv-SE", {
    timeZone: reader.timeZone,
    dateStyle: "short",
    timeStyle: "short",
  });
  const rows = await pairRows(db, roundId, filter);
  const header = (key: string) => t(`assignTable.header.${key}`);
  return {
    headers: ["judge", "email", "affiliation", "code", "title", "organization", "status", "submittedAt"].map(header),
    rows: rows.map((r) => [
      r.judgeName,
      r.judgeEmail,
      r.affiliation,
      r.code,
      (reader.locale !== "en" ? (r.title_zh ?? r.title_en) : (r.title_en ?? r.title_zh)) ?? "",
      r.organization,
      t(`assignTable.status.${r.status}`),
      r.submittedAt ? when.format(new Date(r.submittedAt)) : null,
    ]),
  };
}
