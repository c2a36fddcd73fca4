// Server-side sessions: the cookie carries only a random id, so signing out, a password reset or a
// disabled account ends a session everywhere at once (pages and live sockets alike).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sessions")
    // SHA-256 of the id in the cookie: a copy of the database does not hand out live sessions.
    .addColumn("id_hash", "text", (c) => c.primaryKey().check(sql`length(id_hash) = 43`))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_reason", "text", (c) =>
      c.check(
        sql`revoked_reason IS NULL OR revoked_reason IN ('signed_out', 'password_changed', 'disabled', 'revoked')`,
      ),
    )
    .addColumn("user_agent", "text", (c) => c.check(sql`user_agent IS NULL OR length(user_agent) <= 300`))
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").columns(["user_id", "revoked_at"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("0005_sessions cannot be reverted: restore from a backup instead");
}
