// Frozen in time: this migration must never import app code, so later refactors cannot change
// what an existing database was built with.
import { sql, type Kysely } from "kysely";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("competitions")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`slug GLOB '[a-z0-9]*' AND length(slug) BETWEEN 2 AND 40`),
    )
    .addColumn("name_zh", "text", (c) => c.notNull().check(sql`length(name_zh) BETWEEN 1 AND 200`))
    .addColumn("name_en", "text", (c) => c.notNull().check(sql`length(name_en) BETWEEN 1 AND 200`))
    .addColumn("edition", "integer", (c) => c.notNull().check(sql`edition BETWEEN 2000 AND 2100`))
    .addColumn("registration_opens_at", "text", (c) => c.notNull())
    .addColumn("registration_closes_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("registration_window", sql`registration_closes_at > registration_opens_at`)
    .execute();

  await db.schema
    .createTable("groups")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull().check(sql`code GLOB '[A-Z]*' AND length(code) BETWEEN 2 AND 4`))
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull().check(sql`region IN ('domestic','overseas')`))
    // JSON array of ISO 3166-1 alpha-2 codes that may enter this group.
    .addColumn("eligible_countries", "text", (c) =>
      c
        .notNull()
        .check(
          sql`json_valid(eligible_countries) AND json_type(eligible_countries) = 'array' AND json_array_length(eligible_countries) > 0`,
        ),
    )
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addUniqueConstraint("groups_code_unique", ["competition_id", "code"])
    .execute();

  await db.schema
    .createTable("tracks")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull().check(sql`code GLOB '[A-Z0-9]*' AND length(code) BETWEEN 2 AND 4`))
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addUniqueConstraint("tracks_code_unique", ["competition_id", "code"])
    .execute();

  await db.schema
    .createTable("rounds")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 1`))
    .addColumn("slug", "text", (c) => c.notNull().check(sql`slug GLOB '[a-z0-9-]*' AND length(slug) BETWEEN 2 AND 40`))
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull().check(sql`scope IN ('group','track','all')`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status IN ('draft','open','closed','published')`),
    )
    .addColumn("judges_per_entry", "integer", (c) => c.notNull().check(sql`judges_per_entry BETWEEN 1 AND 50`))
    .addColumn("advance_count", "integer", (c) => c.notNull().check(sql`advance_count >= 0`))
    // The aggregation rule of DESIGN §2, one column per field so the database rejects nonsense.
    .addColumn("drop_highest", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`drop_highest >= 0`),
    )
    .addColumn("drop_lowest", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`drop_lowest >= 0`),
    )
    .addColumn("combine", "text", (c) =>
      c
        .notNull()
        .defaultTo("mean")
        .check(sql`combine IN ('mean','sum','median')`),
    )
    .addColumn("multiplier", "text", (c) => c.check(sql`multiplier IS NULL OR multiplier GLOB '[0-9]*'`))
    .addColumn("decimals", "integer", (c) =>
      c
        .notNull()
        .defaultTo(2)
        .check(sql`decimals BETWEEN 0 AND 6`),
    )
    .addColumn("rounding", "text", (c) =>
      c
        .notNull()
        .defaultTo("half-up")
        .check(sql`rounding IN ('half-up','half-even','truncate')`),
    )
    .addColumn("normalization", "text", (c) =>
      c
        .notNull()
        .defaultTo("none")
        .check(sql`normalization IN ('none','zscore')`),
    )
    // Ordered tie-break keys, e.g. [{"kind":"untrimmed-mean"},{"kind":"criterion","criterionId":"3"}].
    .addColumn("tie_breaks", "text", (c) =>
      c
        .notNull()
        .defaultTo("[]")
        .check(sql`json_valid(tie_breaks) AND json_type(tie_breaks) = 'array'`),
    )
    .addColumn("opens_at", "text")
    .addColumn("closes_at", "text")
    .addColumn("published_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("rounds_position_unique", ["competition_id", "position"])
    .addUniqueConstraint("rounds_slug_unique", ["competition_id", "slug"])
    .addCheckConstraint("rounds_dates", sql`closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at`)
    .addCheckConstraint("rounds_published_has_date", sql`(status = 'published') = (published_at IS NOT NULL)`)
    .execute();

  await db.schema
    .createTable("criteria")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position >= 1`))
    .addColumn("name_zh", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    // Weight in basis points (25% = 2500): exact, and the sum per round is checked by the service.
    .addColumn("weight_bp", "integer", (c) => c.notNull().check(sql`weight_bp BETWEEN 1 AND 10000`))
    // Marks are fixed-point thousandths (8.5 = 8500): integers, never floats.
    .addColumn("max_milli", "integer", (c) => c.notNull().check(sql`max_milli BETWEEN 1 AND 1000000`))
    .addColumn("step_milli", "integer", (c) => c.notNull().check(sql`step_milli >= 1`))
    .addUniqueConstraint("criteria_position_unique", ["round_id", "position"])
    .addCheckConstraint("criteria_step_divides_max", sql`max_milli % step_milli = 0`)
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("email", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%' AND email = lower(email)`),
    )
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull().check(sql`length(display_name) BETWEEN 1 AND 120`))
    .addColumn("locale", "text", (c) =>
      c
        .notNull()
        .defaultTo("zh-Hans")
        .check(sql`locale IN ('zh-Hans','en')`),
    )
    .addColumn("disabled_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("user_roles")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role IN ('entrant','judge','organizer')`))
    .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("entries")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id"))
    .addColumn("group_id", "integer", (c) => c.notNull().references("groups.id"))
    .addColumn("track_id", "integer", (c) => c.notNull().references("tracks.id"))
    .addColumn("code", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`length(code) BETWEEN 6 AND 20`),
    )
    .addColumn("entrant_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("title_zh", "text", (c) => c.check(sql`title_zh IS NULL OR length(title_zh) BETWEEN 1 AND 120`))
    .addColumn("title_en", "text", (c) => c.check(sql`title_en IS NULL OR length(title_en) BETWEEN 1 AND 200`))
    .addColumn("summary_zh", "text", (c) => c.check(sql`summary_zh IS NULL OR length(summary_zh) <= 2000`))
    .addColumn("summary_en", "text", (c) => c.check(sql`summary_en IS NULL OR length(summary_en) <= 4000`))
    .addColumn("organization", "text", (c) => c.notNull().check(sql`length(organization) BETWEEN 1 AND 200`))
    .addColumn("country", "text", (c) => c.notNull().check(sql`length(country) = 2 AND country GLOB '[A-Z][A-Z]'`))
    .addColumn("city", "text")
    .addColumn("website", "text", (c) =>
      c.check(sql`website IS NULL OR website LIKE 'https://%' OR website LIKE 'http://%'`),
    )
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull().check(sql`contact_email LIKE '%_@_%'`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status IN ('draft','submitted','withdrawn','disqualified')`),
    )
    .addColumn("status_reason", "text")
    .addColumn("submitted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("entries_has_title", sql`title_zh IS NOT NULL OR title_en IS NOT NULL`)
    .addCheckConstraint(
      "entries_reason_for_removal",
      sql`(status IN ('withdrawn','disqualified')) = (status_reason IS NOT NULL)`,
    )
    .addCheckConstraint("entries_submitted_has_date", sql`status <> 'submitted' OR submitted_at IS NOT NULL`)
    .execute();
  await db.schema.createIndex("entries_group_track").on("entries").columns(["group_id", "track_id"]).execute();
  await db.schema.createIndex("entries_track").on("entries").column("track_id").execute();
  await db.schema.createIndex("entries_country").on("entries").column("country").execute();
  await db.schema.createIndex("entries_entrant").on("entries").column("entrant_user_id").execute();

  // The group's eligibility is data (a JSON list), so the rule lives in a trigger rather than a CHECK.
  await sql`
    CREATE TRIGGER entries_eligibility_insert BEFORE INSERT ON entries
    WHEN NOT EXISTS (SELECT 1 FROM groups g, json_each(g.eligible_countries) c
                     WHERE g.id = NEW.group_id AND c.value = NEW.country)
    BEGIN SELECT RAISE(ABORT, 'entry country not eligible for its group'); END`.execute(db);
  await sql`
    CREATE TRIGGER entries_eligibility_update BEFORE UPDATE OF group_id, country ON entries
    WHEN NOT EXISTS (SELECT 1 FROM groups g, json_each(g.eligible_countries) c
                     WHERE g.id = NEW.group_id AND c.value = NEW.country)
    BEGIN SELECT RAISE(ABORT, 'entry country not eligible for its group'); END`.execute(db);

  await db.schema
    .createTable("team_members")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position BETWEEN 1 AND 10`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 120`))
    .addColumn("role", "text", (c) => c.notNull().check(sql`length(role) BETWEEN 1 AND 120`))
    .addColumn("email", "text", (c) => c.check(sql`email IS NULL OR email LIKE '%_@_%'`))
    .addUniqueConstraint("team_members_position_unique", ["entry_id", "position"])
    .execute();

  await db.schema
    .createTable("judges")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("affiliation", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull().check(sql`length(country) = 2 AND country GLOB '[A-Z][A-Z]'`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("judges_user_unique", ["competition_id", "user_id"])
    .execute();

  await db.schema
    .createTable("judge_expertise")
    .addColumn("judge_id", "integer", (c) => c.notNull().references("judges.id").onDelete("cascade"))
    .addColumn("track_id", "integer", (c) => c.notNull().references("tracks.id"))
    .addPrimaryKeyConstraint("judge_expertise_pk", ["judge_id", "track_id"])
    .execute();

  await db.schema
    .createTable("judge_conflicts")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("judge_id", "integer", (c) => c.notNull().references("judges.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.references("entries.id"))
    .addColumn("organization", "text")
    // declared by the judge, detected by the system, or entered by an organizer
    .addColumn("source", "text", (c) => c.notNull().check(sql`source IN ('declared','detected','organizer')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status IN ('confirmed','pending','dismissed')`))
    .addColumn("reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("judge_conflicts_target", sql`(entry_id IS NULL) <> (organization IS NULL)`)
    .addCheckConstraint("judge_conflicts_dismiss_reason", sql`status <> 'dismissed' OR reason IS NOT NULL`)
    .execute();
  await db.schema.createIndex("judge_conflicts_judge").on("judge_conflicts").column("judge_id").execute();

  // An entry's state in a round: 'in' while competing, then advanced or eliminated.
  await db.schema
    .createTable("round_entries")
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id"))
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("in")
        .check(sql`state IN ('in','advanced','eliminated')`),
    )
    .addColumn("stage_order", "integer")
    .addPrimaryKeyConstraint("round_entries_pk", ["round_id", "entry_id"])
    .execute();
  await db.schema.createIndex("round_entries_entry").on("round_entries").column("entry_id").execute();

  await db.schema
    .createTable("assignments")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("round_id", "integer", (c) => c.notNull())
    .addColumn("judge_id", "integer", (c) => c.notNull().references("judges.id"))
    .addColumn("entry_id", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("assignments_unique", ["round_id", "judge_id", "entry_id"])
    .addForeignKeyConstraint(
      "assignments_round_entry",
      ["round_id", "entry_id"],
      "round_entries",
      ["round_id", "entry_id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("assignments_round_entry").on("assignments").columns(["round_id", "entry_id"]).execute();
  await db.schema.createIndex("assignments_judge").on("assignments").columns(["judge_id", "round_id"]).execute();

  // A score exists only for an assignment: the composite foreign key makes an unassigned score impossible.
  await db.schema
    .createTable("scores")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("round_id", "integer", (c) => c.notNull())
    .addColumn("judge_id", "integer", (c) => c.notNull())
    .addColumn("entry_id", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status IN ('draft','submitted')`),
    )
    .addColumn("comment", "text", (c) => c.check(sql`comment IS NULL OR length(comment) <= 4000`))
    .addColumn("revision", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`revision >= 0`),
    )
    .addColumn("submitted_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("scores_unique", ["round_id", "judge_id", "entry_id"])
    .addForeignKeyConstraint("scores_assignment", ["round_id", "judge_id", "entry_id"], "assignments", [
      "round_id",
      "judge_id",
      "entry_id",
    ])
    .addCheckConstraint("scores_submitted_has_date", sql`(status = 'submitted') = (submitted_at IS NOT NULL)`)
    .execute();
  await db.schema.createIndex("scores_round_entry").on("scores").columns(["round_id", "entry_id"]).execute();

  await db.schema
    .createTable("score_marks")
    .addColumn("score_id", "integer", (c) => c.notNull().references("scores.id").onDelete("cascade"))
    .addColumn("criterion_id", "integer", (c) => c.notNull().references("criteria.id"))
    .addColumn("mark_milli", "integer", (c) => c.notNull().check(sql`mark_milli >= 0`))
    .addPrimaryKeyConstraint("score_marks_pk", ["score_id", "criterion_id"])
    .execute();
  // A mark must lie within its criterion's range, on its step, and belong to the score's round.
  for (const event of ["INSERT", "UPDATE"]) {
    await sql
      .raw(
        `CREATE TRIGGER score_marks_valid_${event.toLowerCase()} BEFORE ${event} ON score_marks
         WHEN NOT EXISTS (SELECT 1 FROM criteria c JOIN scores s ON s.round_id = c.round_id
                          WHERE c.id = NEW.criterion_id AND s.id = NEW.score_id
                            AND NEW.mark_milli <= c.max_milli AND NEW.mark_milli % c.step_milli = 0)
         BEGIN SELECT RAISE(ABORT, 'mark outside its criterion range or step'); END`,
      )
      .execute(db);
  }

  // Derived results, stored when computed so publication freezes exactly what was shown.
  await db.schema
    .createTable("results")
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("entry_id", "integer", (c) => c.notNull().references("entries.id"))
    // The ranking unit: 'group:<id>', 'track:<id>' or 'all'.
    .addColumn("unit", "text", (c) =>
      c.notNull().check(sql`unit = 'all' OR unit GLOB 'group:[0-9]*' OR unit GLOB 'track:[0-9]*'`),
    )
    .addColumn("rank", "integer", (c) => c.check(sql`rank IS NULL OR rank >= 1`))
    .addColumn("result", "text")
    .addColumn("raw_result", "text")
    .addColumn("judges_counted", "integer", (c) => c.notNull().check(sql`judges_counted >= 0`))
    .addColumn("kept", "text", (c) => c.notNull().check(sql`json_valid(kept)`))
    .addColumn("dropped", "text", (c) => c.notNull().check(sql`json_valid(dropped)`))
    .addColumn("decided_by", "text")
    .addColumn("computed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("results_pk", ["round_id", "entry_id"])
    .execute();
  await db.schema.createIndex("results_unit_rank").on("results").columns(["round_id", "unit", "rank"]).execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "integer", (c) => c.notNull())
    .addColumn("before", "text", (c) => c.check(sql`before IS NULL OR json_valid(before)`))
    .addColumn("after", "text", (c) => c.check(sql`after IS NULL OR json_valid(after)`))
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("audit_log_subject").on("audit_log").columns(["subject_type", "subject_id"]).execute();

  await db.schema
    .createTable("live_events")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("competition_id", "integer", (c) => c.notNull().references("competitions.id"))
    .addColumn("seq", "integer", (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull().check(sql`json_valid(payload)`))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("live_events_seq_unique", ["competition_id", "seq"])
    .execute();

  // Append-only logs: history that can be rewritten is not history.
  for (const table of ["audit_log", "live_events"]) {
    for (const event of ["UPDATE", "DELETE"]) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table}
           BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error("0001_initial cannot be reverted: restore from a backup instead");
}
