// Start-up on a database file it must not run on: refused with one line, the file left as it was.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql, type Kysely, type Migration } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseOpenError, openDatabase } from "../../db/client";
import { FIRST_MIGRATION_TABLES, FRONTIER_APPLICATION_ID } from "../../db/inspect";
import { migrateToLatest } from "../../db/migrate";
import { migrations } from "../../db/migrations/index";
import { startServerExpectingFailure } from "../support/server-process";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-startup-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const fileIn = (name: string) => path.join(dir, name);
const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
/** Everything in the folder, so a stray -wal, -shm or session secret shows up. */
const listing = () => fs.readdirSync(dir).sort();
/** The journal mode the header records: 1 rollback (DELETE), 2 WAL. */
const headerJournal = (file: string) => (fs.readFileSync(file)[18] === 2 ? "wal" : "delete");

/** A Frontier database, as this code makes it, with a few rows; closed, so its -wal is gone. */
async function frontierFile(
  file: string,
  options: { journal?: "wal" | "delete"; migrations?: Record<string, Migration> } = {},
) {
  const handle = openDatabase(file);
  await migrateToLatest(handle.db, options.migrations ?? migrations);
  const user = handle.sqlite.prepare("INSERT INTO users (email, password_hash, display_name) VALUES (?, 'x', ?)");
  for (let i = 0; i < 200; i++) user.run(`judge${i}@example.org`, `Judge ${i} ${"·".repeat(100)}`);
  if (options.journal === "delete") handle.sqlite.pragma("journal_mode = DELETE");
  await handle.close();
}

/** Another application's SQLite file: its own tables, its own application id (0 if none). */
function otherAppFile(file: string, options: { applicationId?: number; wal?: boolean; kyselyFirst?: boolean } = {}) {
  const db = new SQLite(file);
  if (options.wal) db.pragma("journal_mode = WAL");
  if (options.applicationId) db.pragma(`application_id = ${options.applicationId}`);
  db.exec(
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); INSERT INTO notes (body) VALUES ('keep me')",
  );
  if (options.kyselyFirst) {
    // Another Kysely application whose first migration has the same name as ours.
    db.exec("CREATE TABLE kysely_migration (name varchar(255) PRIMARY KEY, timestamp varchar(255) NOT NULL)");
    db.exec("INSERT INTO kysely_migration VALUES ('0001_initial', '2026-01-01T00:00:00.000Z')");
    db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)");
  }
  db.close();
}

function expectRefusedUnchanged(file: string, reason: RegExp) {
  const before = { hash: sha256(file), listing: listing(), journal: headerJournal(file) };
  let error: unknown;
  try {
    openDatabase(file);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DatabaseOpenError);
  const message = (error as Error).message;
  expect(message).not.toContain("\n");
  expect(message).toContain(file);
  expect(message).toMatch(reason);
  expect(message).toMatch(/it was left unchanged$/);
  expect({ hash: sha256(file), listing: listing(), journal: headerJournal(file) }).toEqual(before);
}

describe("opening a database file refuses what is not a Frontier database it knows, changing nothing", () => {
  it("a truncated database is refused and nothing is left beside it", async () => {
    const file = fileIn("frontier.db");
    await frontierFile(file);
    expect(headerJournal(file)).toBe("wal");
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expectRefusedUnchanged(file, /the file is truncated \(its header counts \d+ bytes, the file holds \d+\)/);
    expect(listing()).toEqual(["frontier.db"]);
  });

  it("a file that is not SQLite at all, or is cut short inside its header, is refused", () => {
    const garbage = fileIn("garbage.db");
    fs.writeFileSync(garbage, crypto.randomBytes(8192));
    expectRefusedUnchanged(garbage, /file is not a database/);
    const short = fileIn("short.db");
    fs.writeFileSync(short, Buffer.from("SQLite format 3\0", "latin1"));
    expectRefusedUnchanged(short, /file is not a database/);
    expect(listing()).toEqual(["garbage.db", "short.db"]);
  });

  it("another application's SQLite file is never migrated or seeded", () => {
    const plain = fileIn("notes.db");
    otherAppFile(plain);
    expectRefusedUnchanged(
      plain,
      /it is not a Frontier database \(no Frontier application id; it holds 1 table\(s\): notes\)/,
    );

    const marked = fileIn("marked.db");
    otherAppFile(marked, { applicationId: 0x12345678, wal: true });
    expect(headerJournal(marked)).toBe("wal");
    expectRefusedUnchanged(
      marked,
      /it belongs to another application \(application id 0x12345678, Frontier's is 0x46524e54 "FRNT"\)/,
    );

    const kysely = fileIn("kysely-app.db");
    otherAppFile(kysely, { kyselyFirst: true, wal: true });
    expectRefusedUnchanged(kysely, /it is not a Frontier database/);
    expect(listing()).toEqual(["kysely-app.db", "marked.db", "notes.db"]);
  });
});

describe("opening a database file: another application's file mid-write, a newer Frontier's, an older Frontier's", () => {
  it("another application's file caught mid-write keeps its -wal as it was and gets no -shm", () => {
    const source = fileIn("source.db");
    const writer = new SQLite(source);
    writer.pragma("journal_mode = WAL");
    writer.pragma("wal_autocheckpoint = 0");
    writer.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('unsaved')");
    const file = fileIn("copy.db");
    fs.copyFileSync(source, file);
    fs.copyFileSync(source + "-wal", file + "-wal");
    writer.close();
    fs.rmSync(source);
    const wal = sha256(file + "-wal");
    expectRefusedUnchanged(
      file,
      /it is not a Frontier database \(no Frontier application id; it holds 1 table\(s\): notes\)/,
    );
    expect(listing()).toEqual(["copy.db", "copy.db-wal"]);
    expect(sha256(file + "-wal")).toBe(wal);
  });

  it("a database from a newer Frontier is refused and its header is unchanged (journal mode still DELETE, bytes identical)", async () => {
    const file = fileIn("frontier.db");
    const future: Migration = {
      async up(db: Kysely<unknown>) {
        await sql`CREATE TABLE badges (id INTEGER PRIMARY KEY)`.execute(db);
      },
    };
    await frontierFile(file, { journal: "delete", migrations: { ...migrations, "9001_badges": future } });
    expect(headerJournal(file)).toBe("delete");
    expectRefusedUnchanged(
      file,
      /it was written by a newer version of Frontier \(migrations unknown to this one: 9001_badges\)/,
    );
    expect(headerJournal(file)).toBe("delete");
    expect(listing()).toEqual(["frontier.db"]);
  });

  it("a Frontier database made before application ids is adopted", async () => {
    const file = fileIn("frontier.db");
    const older = Object.fromEntries(Object.entries(migrations).slice(0, 3));
    await frontierFile(file, { migrations: older });
    const old = new SQLite(file);
    old.pragma("application_id = 0"); // as every Frontier database was before this change
    old.close();

    const handle = openDatabase(file);
    try {
      expect(handle.adopted).toBe(true);
      expect(handle.sqlite.pragma("application_id", { simple: true })).toBe(FRONTIER_APPLICATION_ID);
      expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations).sort().slice(3));
      expect(handle.sqlite.prepare("SELECT count(*) FROM users").pluck().get()).toBe(200);
    } finally {
      await handle.close();
    }
    expect(fs.readFileSync(file).subarray(68, 72).toString("latin1")).toBe("FRNT");
    const again = openDatabase(file);
    expect(again.adopted).toBe(false);
    await again.close();
  });
});

describe("opening a database file: a new or empty file, a power cut, the first migration's tables", () => {
  it("a new file, and an empty one, become Frontier databases with the id in their header", async () => {
    for (const name of ["new.db", "empty.db"]) {
      const file = fileIn(name);
      if (name === "empty.db") fs.writeFileSync(file, "");
      const handle = openDatabase(file);
      await migrateToLatest(handle.db);
      await handle.close();
      expect(fs.readFileSync(file).subarray(68, 72).toString("latin1")).toBe("FRNT");
    }
    expect(listing()).toEqual(["empty.db", "new.db"]);
  });

  it("a Frontier database left with unsaved pages in its -wal by a power cut opens with nothing lost", async () => {
    // Copied while the writer still holds them: the main file has never been checkpointed, so
    // even the application id is only in the -wal.
    const live = fileIn("live.db");
    const writer = openDatabase(live);
    writer.sqlite.pragma("wal_autocheckpoint = 0");
    await migrateToLatest(writer.db);
    writer.sqlite
      .prepare("INSERT INTO users (email, password_hash, display_name) VALUES ('last@example.org', 'x', 'Last')")
      .run();
    const crashed = fileIn("crashed.db");
    fs.copyFileSync(live, crashed);
    fs.copyFileSync(live + "-wal", crashed + "-wal"); // no -shm: it is rebuilt from the -wal
    await writer.close();
    expect(fs.readFileSync(crashed).readUInt32BE(68)).toBe(0);

    const handle = openDatabase(crashed);
    try {
      expect(handle.sqlite.pragma("application_id", { simple: true })).toBe(FRONTIER_APPLICATION_ID);
      expect(handle.sqlite.prepare("SELECT email FROM users").pluck().all()).toEqual(["last@example.org"]);
      expect(await migrateToLatest(handle.db)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it("the first migration's tables, by which an old Frontier database is recognised, are the ones it creates", async () => {
    const handle = openDatabase(":memory:");
    await migrateToLatest(handle.db, { "0001_initial": migrations["0001_initial"]! });
    const created = handle.sqlite
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'",
      )
      .pluck()
      .all();
    expect([...FIRST_MIGRATION_TABLES].sort()).toEqual((created as string[]).sort());
    await handle.close();
  });
});

describe("the server refuses to start on such a file, with one line, and leaves it as it was", () => {
  async function expectServerRefuses(file: string, reason: RegExp) {
    const before = { hash: sha256(file), listing: listing(), journal: headerJournal(file) };
    // Development seeds the demo into an empty database: the strongest temptation to write.
    const { code, stderr, stdout } = await startServerExpectingFailure({
      DATABASE_PATH: file,
      NODE_ENV: "development",
    });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^\[frontier\] cannot start: DatabaseOpenError: cannot open the database /);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(reason);
    expect(stdout).not.toMatch(/migrated|seeded/);
    expect({ hash: sha256(file), listing: listing(), journal: headerJournal(file) }).toEqual(before);
  }

  it("another application's SQLite file is never migrated or seeded", async () => {
    const file = fileIn("frontier.db");
    otherAppFile(file, { wal: true });
    await expectServerRefuses(file, /it is not a Frontier database/);
    expect(listing()).toEqual(["frontier.db"]);
  });

  it("a truncated database is refused and nothing is left beside it", async () => {
    const file = fileIn("frontier.db");
    await frontierFile(file);
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    await expectServerRefuses(file, /the file is truncated/);
    expect(listing()).toEqual(["frontier.db"]);
  });

  it("a database from a newer Frontier is refused and its header is unchanged (journal mode still DELETE, bytes identical)", async () => {
    const file = fileIn("frontier.db");
    const future: Migration = { async up() {} };
    await frontierFile(file, { journal: "delete", migrations: { ...migrations, "9001_badges": future } });
    await expectServerRefuses(file, /newer version of Frontier \(migrations unknown to this one: 9001_badges\)/);
    expect(headerJournal(file)).toBe("delete");
  });
});
