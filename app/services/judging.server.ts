// The judge's side of a round: their list, one entry's material and sheet, drafts, submissions,
// audited revisions and declared conflicts. Every query is narrowed to the signed-in judge's own
// assignments: nothing here can reach another judge's marks. Each use case lives in
// app/services/judging/; this factory binds them to the database and the clock.
import type { Db } from "../../db/client";
import type { SessionUser } from "./auth.server";
import { declareConflict } from "./judging/declare.server";
import { judgeOverview, judgeRoundList, nextUnscored } from "./judging/lists.server";
import { saveSheet } from "./judging/save.server";
import type { JudgingDeps } from "./judging/shared.server";
import type { SheetFilter } from "../domain/sheet-filter";
import { judgeSheet } from "./judging/sheet.server";
import { judgeOfUser } from "./queries/judges.server";

export type { SaveOutcome } from "./judging/save.server";

export function createJudgingService(db: Db, clock: () => Date) {
  const deps: JudgingDeps = { db, clock };
  return {
    judgeOf: (user: SessionUser, competitionId: number) => judgeOfUser(db, user.id, competitionId),
    overview: (user: SessionUser, competitionId: number) => judgeOverview(db, user, competitionId),
    list: (user: SessionUser, competitionId: number, roundSlug: string, filter?: SheetFilter) =>
      judgeRoundList(db, user, competitionId, roundSlug, filter),
    /** Where "submit and next" goes after this entry: the next one still to submit, or null when none is left. */
    nextUnscored: (user: SessionUser, competitionId: number, roundSlug: string, entryId: number) =>
      nextUnscored(db, user, competitionId, roundSlug, entryId),
    sheet: (user: SessionUser, competitionId: number, roundSlug: string, entryId: number) =>
      judgeSheet(db, user, competitionId, roundSlug, entryId),
    save: (
      user: SessionUser,
      competitionId: number,
      roundSlug: string,
      entryId: number,
      raw: Record<string, unknown>,
    ) => saveSheet(deps, user, competitionId, roundSlug, entryId, raw),
    declareConflict: (user: SessionUser, competitionId: number, roundSlug: string, entryId: number, reason: string) =>
      declareConflict(deps, user, competitionId, roundSlug, entryId, reason),
  };
}

export type JudgingService = ReturnType<typeof createJudgingService>;
