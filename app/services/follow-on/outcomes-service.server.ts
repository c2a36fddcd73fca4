// The outcomes of follow-on meetings as one service: each side's own records, and the organizers'
// dashboard. Every call names who is asking; the checks are in the functions it binds.
import type { Db } from "../../../db/client";
import type { SessionUser } from "../auth/deps.server";
import { outcomeBoard } from "./outcomes-dashboard.server";
import { meetingOfParty, ownMeetings, recordOutcome, type OutcomeAsker, type OutcomeInput } from "./outcomes.server";

export function createOutcomeService(db: Db, { clock }: { clock: () => Date }) {
  return {
    /** The asker's accepted meetings, each with the asker's own record only. */
    ownMeetings: (user: SessionUser, asker: OutcomeAsker) => ownMeetings(db, user, asker),
    /** One of the asker's meetings with the asker's record; not found for anyone not a party. */
    meeting: (user: SessionUser, asker: OutcomeAsker, requestId: number) => meetingOfParty(db, user, asker, requestId),
    /** Records or changes the asker's side of a meeting's outcome (checked, audited, one transaction). */
    record: (user: SessionUser, asker: OutcomeAsker, requestId: number, input: OutcomeInput) =>
      recordOutcome(db, clock, user, asker, requestId, input),
    /** The organizers' totals and the meetings behind them. */
    board: (user: SessionUser, competitionId: number) => outcomeBoard(db, user, competitionId),
  };
}

export type OutcomeService = ReturnType<typeof createOutcomeService>;
