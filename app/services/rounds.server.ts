// A competition's rounds for the organizer: the list, one round with its rubric, its history, and
// (from rounds-setup) the changes to its rule, rubric and status.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { tieBreaksSchema } from "../domain/round-rules";
import { criteriaOf } from "./queries/criteria.server";
import { roundBySlug } from "./queries/rounds.server";
import { setStatus, updateRubric, updateSettings, type RoundDeps } from "./rounds-setup.server";
import { pendingOf } from "./round-guards.server";

/** Every round of a competition with how far it has got: entries, assignments, submitted scores. */
function listRounds(db: Db, competitionId: number) {
  return db
    .selectFrom("rounds as r")
    .where("r.competition_id", "=", competitionId)
    .orderBy("r.position")
    .select([
      "r.id",
      "r.slug",
      "r.position",
      "r.name_zh",
      "r.name_en",
      "r.scope",
      "r.status",
      "r.judges_per_entry",
      "r.advance_count",
      "r.opens_at",
      "r.closes_at",
      "r.published_at",
      (eb) =>
        eb
          .selectFrom("round_entries")
          .whereRef("round_id", "=", "r.id")
          .select(sql<number>`count(*)`.as("n"))
          .as("entries"),
      (eb) =>
        eb
          .selectFrom("assignments")
          .whereRef("round_id", "=", "r.id")
          .select(sql<number>`count(*)`.as("n"))
          .as("assignments"),
      (eb) =>
        eb
          .selectFrom("scores")
          .whereRef("round_id", "=", "r.id")
          .where("status", "=", "submitted")
          .select(sql<number>`count(*)`.as("n"))
          .as("submitted"),
    ])
    .execute();
}

/** A round by slug with its criteria, its tie-breaks read, and whether scores lock its rubric. */
async function roundWithRubric(db: Db, competitionId: number, slug: string) {
  const round = await roundBySlug(db, competitionId, slug);
  if (!round) return null;
  const [criteria, scored] = await Promise.all([
    criteriaOf(db, round.id),
    db
      .selectFrom("scores")
      .where("round_id", "=", round.id)
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    round,
    criteria,
    tieBreaks: tieBreaksSchema.parse(JSON.parse(round.tie_breaks)),
    rubricLocked: scored.n > 0,
  };
}

/** The audit rows about a round, newest first. */
function roundHistory(db: Db, roundId: number, limit = 50) {
  return db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .where("a.subject_type", "=", "round")
    .where("a.subject_id", "=", roundId)
    .orderBy("a.id", "desc")
    .limit(limit)
    .select(["a.id", "a.at", "a.action", "a.reason", "u.display_name as actor"])
    .execute();
}

/** A use case with its dependencies given: what the routes call. */
function bind<A extends unknown[], R>(deps: RoundDeps, useCase: (deps: RoundDeps, ...args: A) => R) {
  return (...args: A) => useCase(deps, ...args);
}

export function createRoundService(db: Db, clock: () => Date) {
  const deps: RoundDeps = { db, clock };
  return {
    list: (competitionId: number) => listRounds(db, competitionId),
    bySlug: (competitionId: number, slug: string) => roundWithRubric(db, competitionId, slug),
    updateSettings: bind(deps, updateSettings),
    updateRubric: bind(deps, updateRubric),
    setStatus: bind(deps, setStatus),
    /** The scores an open round still waits for, per judge and per entry: shown before closing. */
    closePreview: (roundId: number) => pendingOf(db, roundId),
    history: (roundId: number, limit?: number) => roundHistory(db, roundId, limit),
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
