// Editions built through the pages: a competition's time zone, entry codes that are never reused,
// whether a judge accepted their invitation, and how sure a suggested conflict is.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  // IANA name; the seeded and earlier editions are Beijing's.
  await db.schema
    .alterTable("competitions")
    .addColumn("time_zone", "text", (c) =>
      c
        .notNull()
        .defaultTo("Asia/Shanghai")
        .check(sql`length(time_zone) BETWEEN 1 AND 64`),
    )
    .execute();

  // A code an entry gave up when it was moved: it still finds the entry and is never handed out again.
  await db.schema
    .createTable("retired_entry_codes")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("retired_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("retired_entry_codes_entry").on("retired_entry_codes").column("entry_id").execute();
  await sql`
    CREATE TRIGGER entries_code_not_retired_insert BEFORE INSERT ON entries
    WHEN EXISTS (SELECT 1 FROM retired_entry_codes r WHERE r.code = NEW.code)
    BEGIN SELECT RAISE(ABORT, 'entry code was used before'); END`.execute(db);
  await sql`
    CREATE TRIGGER entries_code_not_retired_update BEFORE UPDATE OF code ON entries
    WHEN EXISTS (SELECT 1 FROM retired_entry_codes r WHERE r.code = NEW.code AND r.entry_id <> NEW.id)
    BEGIN SELECT RAISE(ABORT, 'entry code was used before'); END`.execute(db);

  // When the judge accepted their invitation (set a password through the link); null: not yet.
  await db.schema.alterTable("judges").addColumn("accepted_at", "text").execute();
  await sql`UPDATE judges SET accepted_at = (
      SELECT min(a.at) FROM audit_log a
      WHERE a.action = 'user.invite_accepted' AND a.subject_type = 'user' AND a.subject_id = judges.user_id)`.execute(
    db,
  );

  // A detected conflict's confidence (0–100) and its evidence (JSON: what matched, for the reason in words).
  await db.schema
    .alterTable("judge_conflicts")
    .addColumn("confidence", "integer", (c) => c.check(sql`confidence IS NULL OR confidence BETWEEN 0 AND 100`))
    .execute();
  await db.schema
    .alterTable("judge_conflicts")
    .addColumn("evidence", "text", (c) => c.check(sql`evidence IS NULL OR json_valid(evidence)`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("0007_editions cannot be reverted: restore from a backup instead");
}
