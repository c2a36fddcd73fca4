// The live final on stage: the audience's votes for a popularity award (one per device per final,
// kept with what the fraud panel reads, discounted rather than deleted), and the partner origins
// allowed to embed the live pages and overlays.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("live_votes")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    // A keyed hash of the device's signed cookie: the same device is recognised, its cookie is not stored.
    .addColumn("device_hash", "text", (c) => c.notNull().check(sql`length(device_hash) BETWEEN 16 AND 128`))
    // The client address and its network (/24 for IPv4, /48 for IPv6): what the fraud panel groups by.
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("network", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.check(sql`user_agent IS NULL OR length(user_agent) <= 400`))
    // When the device first loaded the voting page: a vote a moment later is faster than a person taps.
    .addColumn("device_seen_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("discounted_at", "text")
    .addColumn("discounted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("discount_reason", "text", (c) =>
      c.check(sql`discount_reason IS NULL OR length(discount_reason) BETWEEN 1 AND 500`),
    )
    .execute();
  await db.schema
    .createIndex("live_votes_device")
    .unique()
    .on("live_votes")
    .columns(["round_id", "device_hash"])
    .execute();
  await db.schema.createIndex("live_votes_entry").on("live_votes").columns(["round_id", "entry_id"]).execute();
  await db.schema
    .createIndex("live_votes_network")
    .on("live_votes")
    .columns(["round_id", "network", "created_at"])
    .execute();

  // Origins (one per line, e.g. https://partner.example) whose pages may frame the live pages and overlays.
  await db.schema
    .alterTable("competitions")
    .addColumn("embed_origins", "text", (c) => c.notNull().defaultTo(""))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("0009_live_stage cannot be reverted: restore from a backup instead");
}
