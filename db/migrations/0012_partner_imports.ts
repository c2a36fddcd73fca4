// Partner imports: a checked file waits here between its preview and the organizer's confirmation
// (so the confirmation stores exactly the rows that were previewed, checked again), and a confirmed
// import remembers the partners and the accounts it made, so it can be undone while none is in use.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("partner_imports")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull().check(sql`length(file_name) <= 300`))
    .addColumn("previewed_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("previewed_at", "text", (c) => c.notNull().defaultTo(now))
    // The file as read (header and numbered rows), JSON: the confirmation checks these rows again.
    .addColumn("sheet", "text", (c) => c.notNull().check(sql`json_valid(sheet)`))
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("imported_at", "text")
    .addColumn("imported_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    // JSON array of {partnerId, userId, newUser, row}: what the import made (an undo removes it).
    .addColumn("created", "text", (c) =>
      c
        .notNull()
        .defaultTo("[]")
        .check(sql`json_valid(created)`),
    )
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("partner_imports_competition")
    .on("partner_imports")
    .columns(["competition_id", "id"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("0012_partner_imports cannot be reverted: restore from a backup instead");
}
