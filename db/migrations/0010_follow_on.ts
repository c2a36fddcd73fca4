// Follow-on services: partners (investors, parks, corporates) and their people, who sign in as a
// `partner`; what an entry needs and its consent to be shown; shortlists; meeting requests both
// ways; the forum's meeting schedule; what came of each meeting; and every deck a partner opened.
// List columns (tracks, regions, stages, ...) are JSON arrays of the vocabulary codes: matching reads
// a partner whole, and no query filters on one element.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  // user_roles gains `partner`. SQLite cannot change a CHECK in place: the table is rebuilt.
  await db.schema
    .createTable("user_roles_next")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('entrant','judge','organizer','partner')`))
    .addPrimaryKeyConstraint("user_roles_next_pk", ["user_id", "role"])
    .execute();
  await sql`INSERT INTO user_roles_next (user_id, role) SELECT user_id, role FROM user_roles`.execute(db);
  await db.schema.dropTable("user_roles").execute();
  await db.schema.alterTable("user_roles_next").renameTo("user_roles").execute();

  // Per edition: which round's entries are asked their needs, the request caps, and the forum's
  // meeting grid (days in the edition's time zone, slot length, tables), and when the live final's
  // pitches run, so nobody meets during their own.
  await db.schema
    .createTable("follow_on_settings")
    .addColumn("competition_id", "integer", (c) => c.primaryKey().references("competitions.id").onDelete("cascade"))
    .addColumn("needs_round_id", "integer", (c) => c.references("rounds.id").onDelete("set null"))
    .addColumn("cap_per_partner", "integer", (c) =>
      c
        .notNull()
        .defaultTo(20)
        .check(sql`cap_per_partner BETWEEN 1 AND 500`),
    )
    .addColumn("cap_per_entry_per_kind", "integer", (c) =>
      c
        .notNull()
        .defaultTo(5)
        .check(sql`cap_per_entry_per_kind BETWEEN 1 AND 100`),
    )
    // JSON array of "YYYY-MM-DD", the forum's days.
    .addColumn("days", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("day_starts", "text", (c) =>
      c
        .notNull()
        .defaultTo("09:00")
        .check(sql`length(day_starts) = 5`),
    )
    .addColumn("day_ends", "text", (c) =>
      c
        .notNull()
        .defaultTo("17:00")
        .check(sql`length(day_ends) = 5`),
    )
    .addColumn("slot_minutes", "integer", (c) =>
      c
        .notNull()
        .defaultTo(20)
        .check(sql`slot_minutes BETWEEN 5 AND 240`),
    )
    .addColumn("tables", "integer", (c) =>
      c
        .notNull()
        .defaultTo(40)
        .check(sql`tables BETWEEN 1 AND 1000`),
    )
    // The live final's first pitch and each pitch's length: entry k of the stage order pitches from
    // final_starts_at + (k-1) x pitch_minutes. Null: no final to keep clear.
    .addColumn("final_starts_at", "text")
    .addColumn("pitch_minutes", "integer", (c) =>
      c
        .notNull()
        .defaultTo(10)
        .check(sql`pitch_minutes BETWEEN 1 AND 120`),
    )
    .addColumn("schedule_published_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("partners")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind IN ('investor','park','corporate')`))
    .addColumn("name_zh", "text", (c) => c.check(sql`name_zh IS NULL OR length(name_zh) BETWEEN 1 AND 200`))
    .addColumn("name_en", "text", (c) => c.check(sql`name_en IS NULL OR length(name_en) BETWEEN 1 AND 200`))
    .addColumn("about_zh", "text", (c) => c.check(sql`about_zh IS NULL OR length(about_zh) <= 2000`))
    .addColumn("about_en", "text", (c) => c.check(sql`about_en IS NULL OR length(about_en) <= 2000`))
    .addColumn("website", "text", (c) => c.check(sql`website IS NULL OR length(website) <= 500`))
    .addColumn("country", "text", (c) => c.notNull().check(sql`length(country) = 2`))
    .addColumn("city", "text")
    .addColumn("district", "text")
    // JSON arrays of vocabulary codes (track codes of this edition, app/domain/partner-vocabulary.ts).
    .addColumn("tracks", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("regions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("stages", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("support", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("customer_kinds", "text", (c) => c.notNull().defaultTo("[]"))
    // Amounts in 万元 (CNY ten-thousands), areas in m².
    .addColumn("ticket_min_wan", "integer", (c) => c.check(sql`ticket_min_wan IS NULL OR ticket_min_wan >= 0`))
    .addColumn("ticket_max_wan", "integer", (c) =>
      c.check(sql`ticket_max_wan IS NULL OR ticket_min_wan IS NULL OR ticket_max_wan >= ticket_min_wan`),
    )
    .addColumn("area_m2", "integer", (c) => c.check(sql`area_m2 IS NULL OR area_m2 > 0`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("disabled_at", "text")
    .addCheckConstraint("partners_named", sql`name_zh IS NOT NULL OR name_en IS NOT NULL`)
    .execute();
  await db.schema.createIndex("partners_competition").on("partners").columns(["competition_id", "kind"]).execute();

  // The people who sign in for a partner (role `partner`); accepted_at: they set a password through the invitation.
  await db.schema
    .createTable("partner_people")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.check(sql`title IS NULL OR length(title) <= 120`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("accepted_at", "text")
    .addUniqueConstraint("partner_people_once", ["partner_id", "user_id"])
    .execute();
  await db.schema.createIndex("partner_people_user").on("partner_people").column("user_id").execute();

  // What an entry asks for, its home region, and its entrant's consent to be shown to partners.
  // Without consent (consented_at null) no partner sees anything of the entry.
  await db.schema
    .createTable("entry_needs")
    .addColumn("entry_id", "integer", (c) => c.primaryKey().references("entries.id").onDelete("cascade"))
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("consented_at", "text")
    .addColumn("consented_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("financing_amount_wan", "integer", (c) =>
      c.check(sql`financing_amount_wan IS NULL OR financing_amount_wan > 0`),
    )
    .addColumn("financing_stage", "text")
    .addColumn("space_area_m2", "integer", (c) => c.check(sql`space_area_m2 IS NULL OR space_area_m2 > 0`))
    .addColumn("space_city", "text")
    .addColumn("space_from_month", "text", (c) =>
      c.check(sql`space_from_month IS NULL OR length(space_from_month) = 7`),
    )
    .addColumn("market_customer_kind", "text")
    .addColumn("market_region", "text")
    .addColumn("note", "text", (c) => c.check(sql`note IS NULL OR length(note) <= 2000`))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("entry_needs_financing_whole", sql`(financing_amount_wan IS NULL) = (financing_stage IS NULL)`)
    .addCheckConstraint(
      "entry_needs_space_whole",
      sql`(space_area_m2 IS NULL) = (space_city IS NULL) AND (space_city IS NULL) = (space_from_month IS NULL)`,
    )
    .addCheckConstraint("entry_needs_market_whole", sql`(market_customer_kind IS NULL) = (market_region IS NULL)`)
    .execute();

  // A partner's shortlist of entries, shared by its people, seen by nobody else.
  await db.schema
    .createTable("partner_shortlist")
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("added_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("note", "text", (c) => c.check(sql`note IS NULL OR length(note) <= 1000`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("partner_shortlist_pk", ["partner_id", "entry_id"])
    .execute();

  // A request to meet, from either side; a meeting is a request in state `accepted`.
  await db.schema
    .createTable("meeting_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("from_side", "text", (c) => c.notNull().check(sql`from_side IN ('partner','entry')`))
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`state IN ('pending','accepted','declined','withdrawn')`),
    )
    .addColumn("message", "text", (c) => c.check(sql`message IS NULL OR length(message) <= 1000`))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("answered_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "text")
    .execute();
  // At most one live request per pair: a second is refused (alreadyRequested), the index holds it under races.
  await sql`CREATE UNIQUE INDEX meeting_requests_live_pair ON meeting_requests(partner_id, entry_id)
    WHERE state IN ('pending','accepted')`.execute(db);
  await db.schema.createIndex("meeting_requests_entry").on("meeting_requests").columns(["entry_id", "state"]).execute();
  await db.schema
    .createIndex("meeting_requests_competition")
    .on("meeting_requests")
    .columns(["competition_id", "state"])
    .execute();

  // Where and when each accepted request meets, as the last scheduling run placed it; a meeting it
  // could not place keeps a row with the reason and no time.
  await db.schema
    .createTable("meeting_placements")
    .addColumn("request_id", "integer", (c) => c.primaryKey().references("meeting_requests.id").onDelete("cascade"))
    .addColumn("starts_at", "text")
    .addColumn("ends_at", "text")
    .addColumn("table_no", "integer", (c) => c.check(sql`table_no IS NULL OR table_no >= 1`))
    .addColumn("unplaced_reason", "text", (c) =>
      c.check(sql`unplaced_reason IS NULL OR unplaced_reason IN ('noCommonTime','participantsBooked','tablesFull')`),
    )
    .addColumn("placed_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "meeting_placements_placed_or_not",
      sql`(starts_at IS NULL) = (unplaced_reason IS NOT NULL) AND (starts_at IS NULL) = (table_no IS NULL)`,
    )
    .execute();

  // What came of a meeting, one record per side; amounts in 万元.
  await db.schema
    .createTable("meeting_outcomes")
    .addColumn("request_id", "integer", (c) => c.notNull().references("meeting_requests.id").onDelete("cascade"))
    .addColumn("side", "text", (c) => c.notNull().check(sql`side IN ('partner','entry')`))
    .addColumn("held", "integer", (c) => c.notNull().check(sql`held IN (0,1)`))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind IN ('noFollowUp','followUp','termSheet','investment','parkMoveIn','pilotContract')`),
    )
    .addColumn("amount_wan", "integer", (c) => c.check(sql`amount_wan IS NULL OR amount_wan > 0`))
    .addColumn("note", "text", (c) => c.check(sql`note IS NULL OR length(note) <= 2000`))
    .addColumn("recorded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("recorded_at", "text", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("meeting_outcomes_pk", ["request_id", "side"])
    .execute();

  // Every time a partner's person opened an entry's deck: the entrant and the organizers may read it.
  await db.schema
    .createTable("partner_deck_views")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("partner_id", "integer", (c) => c.notNull().references("partners.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("deck_id", "integer", (c) => c.references("entry_decks.id").onDelete("set null"))
    .addColumn("at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("partner_deck_views_entry")
    .on("partner_deck_views")
    .columns(["entry_id", "at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("0010_follow_on cannot be reverted: restore from a backup instead");
}
