// Assigning judges to a round's entries: the automatic run, a live final's one panel, one entry's
// panel and swaps, and the shape of the result. Each use case lives in app/services/assignment/;
// every change checks the round's lock and reads what it writes in one transaction.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { SessionUser } from "./auth.server";
import { panelChoices, seatPanel } from "./assignment/live-panel.server";
import { panelIn, swapJudge } from "./assignment/panel.server";
import { runAssignment, type RunOptions } from "./assignment/run.server";
import { judgeTable, pairSpreadsheet, pairTable, shortEntries, type PairFilter } from "./assignment/table.server";
import type { Locale } from "../i18n/config";
import { loadsIn } from "./queries/scores.server";
import { roundById } from "./queries/rounds.server";

export type { AssignmentRun } from "./assignment/run.server";
export type { PairFilter, PairStatus, ShortListed } from "./assignment/table.server";
export { PAIR_PAGE_SIZE } from "./assignment/table.server";

/** The shape of a round's assignment: load per judge, and how many entries lack judges. */
async function overview(db: Db, roundId: number) {
  const [round, loads, entries] = await Promise.all([
    roundById(db, roundId),
    loadsIn(db, roundId),
    db
      .selectFrom("round_entries as re")
      .innerJoin("entries as e", "e.id", "re.entry_id")
      .where("re.round_id", "=", roundId)
      .where("e.status", "=", "submitted")
      .select((eb) =>
        eb
          .selectFrom("assignments as a")
          .whereRef("a.entry_id", "=", "e.id")
          .where("a.round_id", "=", roundId)
          .select(sql<number>`count(*)`.as("n"))
          .as("assigned"),
      )
      .execute(),
  ]);
  if (!round) throw new Error(`no round ${roundId}`);
  const counts = loads.map((l) => l.n);
  return {
    pairs: counts.reduce((a, b) => a + b, 0),
    judges: counts.length,
    load: { min: counts.length ? Math.min(...counts) : 0, max: counts.length ? Math.max(...counts) : 0 },
    entries: entries.length,
    short: entries.filter((e) => (e.assigned ?? 0) < round.judges_per_entry).length,
  };
}

/** How many of the competition's judges there are, and how many accepted their invitation. */
async function acceptance(db: Db, competitionId: number) {
  const row = await db
    .selectFrom("judges")
    .where("competition_id", "=", competitionId)
    .select([sql<number>`count(*)`.as("total"), sql<number>`count(accepted_at)`.as("accepted")])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), accepted: Number(row.accepted) };
}

export function createAssignmentService(db: Db) {
  return {
    run: (actor: SessionUser | null, roundId: number, options: RunOptions) =>
      runAssignment(db, actor, roundId, options),
    seatPanel: (actor: SessionUser, roundId: number, judgeIds: readonly number[]) =>
      seatPanel(db, actor, roundId, judgeIds),
    panelChoices: (competitionId: number, roundId: number) => panelChoices(db, competitionId, roundId),
    overview: (roundId: number) => overview(db, roundId),
    /** The round's entries with fewer judges than it asks for, and why (see shortEntries). */
    shortEntries: (roundId: number) => shortEntries(db, roundId),
    /** How many of the competition's judges accepted their invitation. */
    acceptance: (competitionId: number) => acceptance(db, competitionId),
    /** The judge–entry table: per judge totals, one page of pairs, or every pair as a spreadsheet. */
    judgeTable: (competitionId: number, roundId: number) => judgeTable(db, competitionId, roundId),
    pairTable: (roundId: number, filter: PairFilter, page: number) => pairTable(db, roundId, filter, page),
    pairSpreadsheet: (roundId: number, filter: PairFilter, reader: { locale: Locale; timeZone: string }) =>
      pairSpreadsheet(db, roundId, filter, reader),
    /** One entry's panel in a round and who could take a seat on it (see panelIn). */
    panel: (competitionId: number, roundId: number, entryCode: string) =>
      panelIn(db, competitionId, roundId, entryCode),
    /** Replaces one judge on an entry's panel (see swapJudge). */
    swap: (
      actor: SessionUser,
      competitionId: number,
      roundId: number,
      entryCode: string,
      fromJudgeId: number,
      toJudgeId: number,
      reason: string | null,
    ) => swapJudge(db, actor, competitionId, roundId, { entryCode, fromJudgeId, toJudgeId, reason }),
  };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
