// The meeting schedule's history: each confirmed scheduling run keeps the placements it replaced, so
// the last run can be undone; each placement counts its changes (the calendar file's SEQUENCE); and
// each person's agenda as last e-mailed, so a change after publishing mails only those it moved.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("meeting_schedule_runs")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("run_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("run_at", "text", (c) => c.notNull().defaultTo(now))
    // JSON array of the meeting_placements rows this run replaced (an undo writes them back).
    .addColumn("previous", "text", (c) => c.notNull().check(sql`json_valid(previous)`))
    .addColumn("placed", "integer", (c) => c.notNull())
    .addColumn("unplaced", "integer", (c) => c.notNull())
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("meeting_schedule_runs_competition")
    .on("meeting_schedule_runs")
    .columns(["competition_id", "id"])
    .execute();

  await db.schema
    .alterTable("meeting_placements")
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  // What each person was last told their agenda was: a digest of its meetings' times and tables.
  await db.schema
    .createTable("agenda_notices")
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("notified_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("agenda_notices_pk", ["competition_id", "user_id"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("0011_schedule cannot be reverted: restore from a backup instead");
}
