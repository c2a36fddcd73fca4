// One number that moves whenever something a public page shows changes. Triggers bump it, so every
// writer (each service, the CLI, a second server process on the same file) moves it without knowing
// the public pages exist; the public-page cache keys on it (docs/decisions/0019).
import { sql, type Kysely } from "kysely";

/**
 * The tables whose rows public pages (home, results, entry pages, the live page) or the root layout
 * (the featured edition) show. Scores are included: a published result recomputed from a changed
 * score must not be served stale. Roles are included: the front door of a fresh installation
 * says how to make the first organizer until one exists. Sessions, audit, outbox, votes and
 * partner tables are not.
 */
export const PUBLIC_TABLES = [
  "competitions",
  "groups",
  "tracks",
  "rounds",
  "criteria",
  "entries",
  "team_members",
  "round_entries",
  "scores",
  "score_marks",
  "results",
  "retired_entry_codes",
  "entry_decks",
  "live_state",
  "follow_on_settings",
  "user_roles",
] as const;

const EVENTS = ["insert", "update", "delete"] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("public_data_version")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`INSERT INTO public_data_version (id, version) VALUES (1, 1)`.execute(db);
  for (const table of PUBLIC_TABLES)
    for (const event of EVENTS)
      await sql
        .raw(
          `CREATE TRIGGER public_version_${table}_${event} AFTER ${event.toUpperCase()} ON ${table} ` +
            `BEGIN UPDATE public_data_version SET version = version + 1 WHERE id = 1; END`,
        )
        .execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0014_public_data_version cannot be reverted: restore from a backup instead");
}
