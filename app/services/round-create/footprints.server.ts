// Queries for setting up an edition's rounds, one function each, the database (or the caller's
// transaction) first: how far each round has got, and who is waiting to enter the first one.
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import type { RoundFootprint } from "../../domain/round-create";

const count = sql<number>`count(*)`;

/** Every round of a competition in order, with its rubric's size and what already depends on it. */
export async function roundFootprints(db: Db, competitionId: number) {
  const rows = await db
    .selectFrom("rounds as r")
    .where("r.competition_id", "=", competitionId)
    .orderBy("r.position")
    .select([
      "r.id",
      "r.slug",
      "r.position",
      "r.name_zh",
      "r.name_en",
      "r.kind",
      "r.scope",
      "r.status",
      "r.judges_per_entry",
      "r.advance_count",
      (eb) => eb.selectFrom("criteria").whereRef("round_id", "=", "r.id").select(count.as("n")).as("criteria"),
      (eb) =>
        eb
          .selectFrom("criteria")
          .whereRef("round_id", "=", "r.id")
          .select(sql<number>`coalesce(sum(weight_bp), 0)`.as("w"))
          .as("weightBp"),
      (eb) => eb.selectFrom("round_entries").whereRef("round_id", "=", "r.id").select(count.as("n")).as("entries"),
      (eb) => eb.selectFrom("assignments").whereRef("round_id", "=", "r.id").select(count.as("n")).as("assignments"),
      (eb) => eb.selectFrom("scores").whereRef("round_id", "=", "r.id").select(count.as("n")).as("scores"),
      (eb) => eb.selectFrom("results").whereRef("round_id", "=", "r.id").select(count.as("n")).as("results"),
      (eb) => eb.selectFrom("live_state").whereRef("round_id", "=", "r.id").select(count.as("n")).as("live"),
    ])
    .execute();
  return rows.map((r) => {
    const footprint: RoundFootprint = {
      status: r.status,
      entries: r.entries ?? 0,
      assignments: r.assignments ?? 0,
      scores: r.scores ?? 0,
      results: r.results ?? 0,
      live: (r.live ?? 0) > 0,
    };
    return { ...r, criteria: r.criteria ?? 0, weightBp: r.weightBp ?? 0, footprint };
  });
}
export type RoundFootprintRow = Awaited<ReturnType<typeof roundFootprints>>[number];

/** The competition's submitted entries that are not yet in this round. */
export function submittedNotIn(db: Db, competitionId: number, roundId: number) {
  return db
    .selectFrom("entries as e")
    .where("e.competition_id", "=", competitionId)
    .where("e.status", "=", "submitted")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("round_entries as re")
            .select("re.entry_id")
            .where("re.round_id", "=", roundId)
            .whereRef("re.entry_id", "=", "e.id"),
        ),
      ),
    )
    .select("e.id")
    .orderBy("e.id")
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** The entries a round advanced (by the rule or an organizer). */
export function advancedFrom(db: Db, roundId: number) {
  return db
    .selectFrom("round_entries")
    .select("entry_id")
    .where("round_id", "=", roundId)
    .where("state", "=", "advanced")
    .orderBy("entry_id")
    .execute()
    .then((rows) => rows.map((r) => r.entry_id));
}

/** Enters entries into a round (chunked for SQLite's variable limit); ones already in stay. Returns how many were new. */
export async function enterInto(trx: Db, roundId: number, entryIds: readonly number[]): Promise<number> {
  let entered = 0;
  for (let i = 0; i < entryIds.length; i += 500) {
    const result = await trx
      .insertInto("round_entries")
      .values(entryIds.slice(i, i + 500).map((entry_id) => ({ round_id: roundId, entry_id })))
      .onConflict((c) => c.doNothing())
      .executeTakeFirst();
    entered += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return entered;
}
