// The live final: the control room's state per competition, and stage submissions that a phone
// may send twice (after a reconnect) recognised by the key the phone chose.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("live_state")
    .addColumn("competition_id", "integer", (c) => c.primaryKey().references("competitions.id").onDelete("cascade"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id"))
    // The organizer's state (JSON) and the public state as of `seq` (JSON), written with each event.
    .addColumn("control", "text", (c) => c.notNull().check(sql`json_valid(control)`))
    .addColumn("public", "text", (c) => c.notNull().check(sql`json_valid(public)`))
    .addColumn("seq", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`seq >= 0`),
    )
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`))
    .execute();
  await db.schema
    .alterTable("scores")
    .addColumn("submission_key", "text", (c) =>
      c.check(sql`submission_key IS NULL OR length(submission_key) BETWEEN 8 AND 64`),
    )
    .execute();
  await sql`CREATE UNIQUE INDEX scores_submission_key ON scores (judge_id, submission_key) WHERE submission_key IS NOT NULL`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error("0004_live cannot be reverted: restore from a backup instead");
}
