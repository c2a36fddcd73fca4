// Judging: per-round options of the assignment and advancement, and organizer decisions on who advances.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("rounds")
    .addColumn("avoid_same_country", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`avoid_same_country IN (0, 1)`),
    )
    .execute();
  // At most this many entries of one organization advance from a ranking unit (null: no cap).
  await db.schema
    .alterTable("rounds")
    .addColumn("advance_per_organization", "integer", (c) =>
      c.check(sql`advance_per_organization IS NULL OR advance_per_organization >= 1`),
    )
    .execute();
  // Who decided an entry's state in a round: the round's rule, or an organizer with a reason.
  await db.schema
    .alterTable("round_entries")
    .addColumn("state_source", "text", (c) =>
      c
        .notNull()
        .defaultTo("rule")
        .check(sql`state_source IN ('rule','organizer')`),
    )
    .execute();
  await db.schema.alterTable("round_entries").addColumn("state_reason", "text").execute();
  await sql`CREATE TRIGGER round_entries_override_reason BEFORE UPDATE OF state_source ON round_entries
            WHEN NEW.state_source = 'organizer' AND (NEW.state_reason IS NULL OR length(trim(NEW.state_reason)) = 0)
            BEGIN SELECT RAISE(ABORT, 'an organizer decision needs a reason'); END`.execute(db);
  await db.schema.createIndex("judge_conflicts_entry").on("judge_conflicts").column("entry_id").execute();
  await db.schema.createIndex("scores_judge_round").on("scores").columns(["judge_id", "round_id"]).execute();
  await db.schema.createIndex("audit_log_actor").on("audit_log").column("actor_user_id").execute();
}

export async function down(): Promise<void> {
  throw new Error("0003_judging cannot be reverted: restore from a backup instead");
}
