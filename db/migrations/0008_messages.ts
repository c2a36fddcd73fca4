// Messages and pitch decks: an outbox every e-mail is written to before a worker sends it,
// single-use password resets, pitch decks stored by content hash, what a criterion's marks mean,
// and Traditional Chinese as a reader's language.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  // users.locale gains zh-Hant. SQLite cannot change a CHECK in place: a new column takes the
  // values, the old one (its CHECK is its own, so it may be dropped) goes, the new one takes its name.
  await db.schema
    .alterTable("users")
    .addColumn("locale_next", "text", (c) =>
      c
        .notNull()
        .defaultTo("zh-Hans")
        .check(sql`locale_next IN ('zh-Hans','zh-Hant','en')`),
    )
    .execute();
  await sql`UPDATE users SET locale_next = locale`.execute(db);
  await db.schema.alterTable("users").dropColumn("locale").execute();
  await db.schema.alterTable("users").renameColumn("locale_next", "locale").execute();

  // Every e-mail, written in the transaction of the change that caused it, rendered as it will arrive.
  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("competition_id", "integer", (c) => c.references("competitions.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`length(kind) BETWEEN 1 AND 40`))
    .addColumn("to_address", "text", (c) => c.notNull().check(sql`length(to_address) BETWEEN 3 AND 254`))
    .addColumn("to_name", "text")
    .addColumn("to_user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("locale", "text", (c) => c.notNull().check(sql`locale IN ('zh-Hans','zh-Hant','en')`))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("html_body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status IN ('pending','sending','sent','failed','cancelled')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull().defaultTo(now))
    // While a worker holds the message; a worker that died lets it go when this passes.
    .addColumn("lease_until", "text")
    .addColumn("last_error", "text")
    // The Message-ID header, fixed at enqueue, so a resend after a lost acknowledgement is recognisable.
    .addColumn("message_id", "text", (c) => c.notNull().unique())
    // At most one message per key (e.g. one receipt per entry submission): a repeated enqueue is a no-op.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("outbox_competition").on("outbox").columns(["competition_id", "created_at"]).execute();

  // A password reset link: only the token's hash is kept; used once, within its hour.
  await db.schema
    .createTable("password_resets")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("password_resets_user").on("password_resets").column("user_id").execute();

  // An entry's pitch deck: the bytes live in the file store under their SHA-256; a replaced deck
  // keeps its row (replaced_at set), so what a judge read stays traceable.
  await db.schema
    .createTable("entry_decks")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("sha256", "text", (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn("bytes", "integer", (c) => c.notNull().check(sql`bytes > 0`))
    .addColumn("media_type", "text", (c) => c.notNull().defaultTo("application/pdf"))
    .addColumn("file_name", "text", (c) => c.notNull().check(sql`length(file_name) BETWEEN 1 AND 200`))
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("uploaded_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("replaced_at", "text")
    .execute();
  await sql`CREATE UNIQUE INDEX entry_decks_current ON entry_decks(entry_id) WHERE replaced_at IS NULL`.execute(db);
  await db.schema
    .alterTable("entries")
    .addColumn("video_url", "text", (c) => c.check(sql`video_url IS NULL OR length(video_url) <= 500`))
    .execute();

  // What a criterion's marks mean ("9: a working prototype with paying pilots"), shown on the judge's sheet.
  await db.schema.alterTable("criteria").addColumn("description_zh", "text").execute();
  await db.schema.alterTable("criteria").addColumn("description_en", "text").execute();
}

export async function down(): Promise<void> {
  throw new Error("0008_messages cannot be reverted: restore from a backup instead");
}
