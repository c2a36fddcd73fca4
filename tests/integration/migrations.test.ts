import { sql, type Kysely, type Migration } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "../../db/client";
import { migrateToLatest, MigrationError } from "../../db/migrate";
import { FRONTIER_APPLICATION_ID } from "../../db/inspect";
import { migrations } from "../../db/migrations/index";
import { createTestDatabase } from "../support/db";
import { ROUNDINGS } from "../../app/domain/decimal";
import { NORMALIZATIONS } from "../../app/domain/ranking";
import { ROUND_KINDS, ROUND_STATUSES, SCOPES } from "../../app/domain/round-settings";
import { COMBINES } from "../../app/domain/scoring";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const tables = (handle: DbHandle) =>
  handle.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];

describe("migrations on a fresh file", () => {
  let dir: string;
  let handle: DbHandle;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-migrate-"));
    handle = openDatabase(path.join(dir, "fresh.db"));
  });
  afterEach(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates every table of the data model with the pragmas the app relies on", async () => {
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations).sort());
    expect(tables(handle)).toEqual(
      expect.arrayContaining([
        "competitions",
        "groups",
        "tracks",
        "rounds",
        "criteria",
        "users",
        "user_roles",
        "entries",
        "team_members",
        "judges",
        "judge_expertise",
        "judge_conflicts",
        "round_entries",
        "assignments",
        "scores",
        "score_marks",
        "results",
        "audit_log",
        "live_events",
      ]),
    );
    expect(handle.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(handle.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(handle.sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL: docs/decisions/0001-…
    expect(handle.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(handle.sqlite.pragma("application_id", { simple: true })).toBe(FRONTIER_APPLICATION_ID);
  });

  it("marks the file as Frontier's only together with its first migration", async () => {
    const broken: Migration = {
      async up() {
        throw new Error("disk full");
      },
    };
    await expect(migrateToLatest(handle.db, { ...migrations, "0001_initial": broken })).rejects.toThrow(MigrationError);
    expect(handle.sqlite.pragma("application_id", { simple: true })).toBe(0);
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations).sort());
    expect(handle.sqlite.pragma("application_id", { simple: true })).toBe(FRONTIER_APPLICATION_ID);
  });

  it("never migrates a database that holds another application's tables", async () => {
    handle.sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    await expect(migrateToLatest(handle.db)).rejects.toThrow(/not a Frontier database .*nothing migrated/);
    expect(tables(handle)).toEqual(["notes"]);
  });

  it("is a no-op when run again", async () => {
    await migrateToLatest(handle.db);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it("leaves the database exactly as it was when a migration fails", async () => {
    await migrateToLatest(handle.db);
    const before = tables(handle);
    const broken: Migration = {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable("half_done").addColumn("id", "integer").execute();
        await sql`INSERT INTO no_such_table VALUES (1)`.execute(db);
      },
    };
    await expect(migrateToLatest(handle.db, { ...migrations, "0099_broken": broken })).rejects.toThrow(MigrationError);
    await expect(migrateToLatest(handle.db, { ...migrations, "0099_broken": broken })).rejects.toThrow(
      /migration 0099_broken failed, database left unchanged: no such table: no_such_table/,
    );
    expect(tables(handle)).toEqual(before);
    const applied = handle.sqlite.prepare("SELECT name FROM kysely_migration ORDER BY name").pluck().all();
    expect(applied).toEqual(Object.keys(migrations).sort());
  });
});

describe("constraints that keep invalid states out of the database", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  let ids: {
    competition: number;
    domestic: number;
    europe: number;
    track: number;
    round: number;
    criterion: number;
    judge: number;
    entry: number;
  };
  beforeEach(() => {
    handle = createTestDatabase();
    const s = handle.sqlite;
    const run = (q: string, ...p: unknown[]) => Number(s.prepare(q).run(...p).lastInsertRowid);
    const competition = run(
      "INSERT INTO competitions (slug, name_zh, name_en, edition, registration_opens_at, registration_closes_at) VALUES ('t2026','测试','Test',2026,'2026-01-01','2026-12-31')",
    );
    const domestic = run(
      "INSERT INTO groups (competition_id, code, name_zh, name_en, region, eligible_countries, sort_order) VALUES (?, 'BJ', '北京', 'Beijing', 'domestic', '[\"CN\"]', 1)",
      competition,
    );
    const europe = run(
      "INSERT INTO groups (competition_id, code, name_zh, name_en, region, eligible_countries, sort_order) VALUES (?, 'EU', '欧洲', 'Europe', 'overseas', '[\"DE\",\"FR\"]', 2)",
      competition,
    );
    const track = run(
      "INSERT INTO tracks (competition_id, code, name_zh, name_en, sort_order) VALUES (?, 'QI', '量子信息', 'Quantum information', 1)",
      competition,
    );
    const round = run(
      "INSERT INTO rounds (competition_id, position, slug, name_zh, name_en, scope, judges_per_entry, advance_count) VALUES (?, 1, 'regional', '初赛', 'Regional', 'group', 5, 10)",
      competition,
    );
    const criterion = run(
      "INSERT INTO criteria (round_id, position, name_zh, name_en, weight_bp, max_milli, step_milli) VALUES (?, 1, '创新', 'Innovation', 10000, 10000, 500)",
      round,
    );
    const user = run("INSERT INTO users (email, password_hash, display_name) VALUES ('j@example.org', 'x', 'Judge')");
    const judge = run(
      "INSERT INTO judges (competition_id, user_id, name, affiliation, country) VALUES (?, ?, 'Judge', 'Lab', 'CN')",
      competition,
      user,
    );
    const entry = run(
      "INSERT INTO entries (competition_id, group_id, track_id, code, title_en, organization, country, contact_name, contact_email) VALUES (?, ?, ?, 'EU-QI-0001', 'Qubits', 'Lab', 'DE', 'A', 'a@b.de')",
      competition,
      europe,
      track,
    );
    ids = { competition, domestic, europe, track, round, criterion, judge, entry };
  });
  afterEach(() => handle.remove());

  const exec =
    (q: string, ...p: unknown[]) =>
    () =>
      handle.sqlite.prepare(q).run(...p);

  it("refuses an entry whose country is not eligible for its group", () => {
    expect(
      exec(
        "INSERT INTO entries (competition_id, group_id, track_id, code, title_en, organization, country, contact_name, contact_email) VALUES (?, ?, ?, 'BJ-QI-0001', 'X', 'Lab', 'DE', 'A', 'a@b.de')",
        ids.competition,
        ids.domestic,
        ids.track,
      ),
    ).toThrow(/not eligible/);
    expect(exec("UPDATE entries SET group_id = ? WHERE id = ?", ids.domestic, ids.entry)).toThrow(/not eligible/);
  });

  it("refuses a second entry with the same code", () => {
    expect(
      exec(
        "INSERT INTO entries (competition_id, group_id, track_id, code, title_en, organization, country, contact_name, contact_email) VALUES (?, ?, ?, 'EU-QI-0001', 'Y', 'Lab', 'FR', 'A', 'a@b.fr')",
        ids.competition,
        ids.europe,
        ids.track,
      ),
    ).toThrow(/UNIQUE/);
  });

  it("refuses a score for an entry the judge was not assigned", () => {
    expect(
      exec("INSERT INTO scores (round_id, judge_id, entry_id) VALUES (?, ?, ?)", ids.round, ids.judge, ids.entry),
    ).toThrow(/FOREIGN KEY/);
  });

  it("refuses a mark above the maximum or off the step, and a second score by the same judge", () => {
    handle.sqlite.prepare("INSERT INTO round_entries (round_id, entry_id) VALUES (?, ?)").run(ids.round, ids.entry);
    handle.sqlite
      .prepare("INSERT INTO assignments (round_id, judge_id, entry_id) VALUES (?, ?, ?)")
      .run(ids.round, ids.judge, ids.entry);
    const score = Number(
      handle.sqlite
        .prepare("INSERT INTO scores (round_id, judge_id, entry_id) VALUES (?, ?, ?)")
        .run(ids.round, ids.judge, ids.entry).lastInsertRowid,
    );
    expect(
      exec("INSERT INTO score_marks (score_id, criterion_id, mark_milli) VALUES (?, ?, 10500)", score, ids.criterion),
    ).toThrow(/range or step/);
    expect(
      exec("INSERT INTO score_marks (score_id, criterion_id, mark_milli) VALUES (?, ?, 7300)", score, ids.criterion),
    ).toThrow(/range or step/);
    expect(
      exec("INSERT INTO score_marks (score_id, criterion_id, mark_milli) VALUES (?, ?, 7500)", score, ids.criterion),
    ).not.toThrow();
    expect(exec("UPDATE score_marks SET mark_milli = 20000 WHERE score_id = ?", score)).toThrow(/range or step/);
    expect(
      exec("INSERT INTO scores (round_id, judge_id, entry_id) VALUES (?, ?, ?)", ids.round, ids.judge, ids.entry),
    ).toThrow(/UNIQUE/);
  });

  it("refuses out-of-range enums and a removed entry without a reason", () => {
    expect(exec("UPDATE rounds SET scope = 'planet' WHERE id = ?", ids.round)).toThrow(/CHECK/);
    expect(exec("UPDATE rounds SET status = 'published' WHERE id = ?", ids.round)).toThrow(/CHECK/); // needs published_at
    expect(exec("UPDATE entries SET status = 'withdrawn' WHERE id = ?", ids.entry)).toThrow(/CHECK/);
    expect(
      exec("UPDATE entries SET status = 'withdrawn', status_reason = 'team asked' WHERE id = ?", ids.entry),
    ).not.toThrow();
  });

  it("keeps the audit log and the live event log append-only", () => {
    handle.sqlite
      .prepare("INSERT INTO audit_log (action, subject_type, subject_id) VALUES ('test', 'entry', ?)")
      .run(ids.entry);
    expect(exec("UPDATE audit_log SET action = 'forged'")).toThrow(/append-only/);
    expect(exec("DELETE FROM audit_log")).toThrow(/append-only/);
    handle.sqlite
      .prepare("INSERT INTO live_events (competition_id, seq, type, payload) VALUES (?, 1, 'update', '{}')")
      .run(ids.competition);
    expect(
      exec(
        "INSERT INTO live_events (competition_id, seq, type, payload) VALUES (?, 1, 'update', '{}')",
        ids.competition,
      ),
    ).toThrow(/UNIQUE/);
    expect(exec("DELETE FROM live_events")).toThrow(/append-only/);
  });
});

describe("the vocabularies of a round", () => {
  it("are the ones the database's CHECK constraints accept, so a value the pages offer is one the table stores", async () => {
    const db = createTestDatabase();
    try {
      const ddl = db.sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'rounds'").pluck().get() as string;
      const allowed = (column: string) => {
        const list = new RegExp(`\\b${column} IN \\(([^)]*)\\)`).exec(ddl)?.[1] ?? "";
        return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]);
      };
      expect(allowed("scope")).toEqual([...SCOPES]);
      expect(allowed("status")).toEqual([...ROUND_STATUSES]);
      expect(allowed("combine")).toEqual([...COMBINES]);
      expect(allowed("rounding")).toEqual([...ROUNDINGS]);
      expect(allowed("normalization")).toEqual([...NORMALIZATIONS]);
      expect(allowed("kind")).toEqual([...ROUND_KINDS]);
    } finally {
      await db.remove();
    }
  });
});

describe("a round's kind", () => {
  it("is read from the round, and an edition set up before kinds keeps its last round as the one played live", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-kind-"));
    const handle = openDatabase(path.join(dir, "old.db"));
    try {
      const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < "0006"));
      await migrateToLatest(handle.db, before);
      const competition = handle.sqlite
        .prepare(
          "INSERT INTO competitions (slug, name_zh, name_en, edition, registration_opens_at, registration_closes_at) VALUES ('ed2025', 'e', 'e', 2025, '2025-01-01', '2025-02-01')",
        )
        .run().lastInsertRowid;
      const round = handle.sqlite.prepare(
        "INSERT INTO rounds (competition_id, position, slug, name_zh, name_en, scope, judges_per_entry, advance_count) VALUES (?, ?, ?, 'r', 'r', 'all', 3, 1)",
      );
      for (const [position, slug] of [
        [1, "prelim"],
        [2, "semi"],
        [3, "final"],
      ] as const)
        round.run(competition, position, slug);
      await migrateToLatest(handle.db);
      const kinds = handle.sqlite.prepare("SELECT slug, kind FROM rounds ORDER BY position").all();
      expect(kinds).toEqual([
        { slug: "prelim", kind: "online" },
        { slug: "semi", kind: "online" },
        { slug: "final", kind: "stage" },
      ]);
      expect(() => handle.sqlite.prepare("UPDATE rounds SET kind = 'hybrid' WHERE slug = 'semi'").run()).toThrow(
        /CHECK/,
      );
    } finally {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
