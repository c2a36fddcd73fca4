// Feedback an organizer writes for the entrant, per round; shown once the round is published.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("round_entries")
    .addColumn("feedback", "text", (c) => c.check(sql`feedback IS NULL OR length(feedback) <= 4000`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("0002_entrant_feedback cannot be reverted: restore from a backup instead");
}
