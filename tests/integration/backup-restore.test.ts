// Backups taken while another process writes, and restores that refuse what is not a Frontier database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { copyDemoDatabaseFile } from "../support/db";

const root = path.resolve(import.meta.dirname, "../..");
const { file, dir } = copyDemoDatabaseFile();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DATABASE_PATH: file, ...env },
    encoding: "utf8",
  });

// Another process inserts an audit row and a paired row per transaction: the counts must match.
const WRITER = `
const D = require(${JSON.stringify(path.join(root, "node_modules/better-sqlite3"))});
const db = new D(process.argv[1]);
db.pragma("journal_mode = WAL");
db.pragma("busy_timeout = 5000");
db.exec("CREATE TABLE IF NOT EXISTS pair_test (id INTEGER PRIMARY KEY, n INTEGER)");
const add = db.transaction((i) => {
  db.prepare("INSERT INTO pair_test (n) VALUES (?)").run(i);
  db.prepare("INSERT INTO audit_log (action, subject_type, subject_id) VALUES ('pair.test', 'pair', ?)").run(i);
});
let i = 0;
const end = Date.now() + 4000;
while (Date.now() < end) add(i++);
`;

describe("npm run db:backup and db:restore", () => {
  it("backs up while another process keeps writing, and the backup restores to a whole, consistent database", async () => {
    const writer = spawn(process.execPath, ["-e", WRITER, file], { stdio: "inherit" });
    await new Promise((r) => setTimeout(r, 1000));
    const backup = cli("db/cli/backup.ts", []);
    await new Promise((r) => writer.once("exit", r));
    expect(backup.status, backup.stderr).toBe(0);
    const written = /to (\S+\.db)/.exec(backup.stdout)![1]!;
    const restore = cli("db/cli/restore.ts", [written, "--yes"]);
    expect(restore.status, restore.stderr).toBe(0);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const pairs = db.prepare("SELECT count(*) FROM pair_test").pluck().get() as number;
      const audits = db.prepare("SELECT count(*) FROM audit_log WHERE action = 'pair.test'").pluck().get() as number;
      expect(pairs).toBeGreaterThan(0);
      expect(audits).toBe(pairs);
    } finally {
      db.close();
    }
    const aside = /previous database is in (\S+)/.exec(restore.stdout)![1]!;
    expect(fs.existsSync(aside)).toBe(true);
  }, 60_000);

  it("refuses a file that is not SQLite, a SQLite file of another application, and one from a newer Frontier", () => {
    const text = path.join(dir, "notes.txt");
    fs.writeFileSync(text, "not a database at all, just some words that fill more than one header");
    const other = path.join(dir, "other.db");
    const o = new Database(other);
    o.exec("CREATE TABLE things (id INTEGER)");
    o.close();
    const newer = path.join(dir, "newer.db");
    fs.copyFileSync(file, newer);
    const n = new Database(newer);
    n.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', 'x')").run();
    n.pragma("journal_mode = DELETE");
    n.close();
    const before = fs.readFileSync(file);
    for (const [candidate, reason] of [
      [text, /no SQLite header/],
      [other, /not a Frontier database/],
      [newer, /newer version of Frontier.*9999_future/],
    ] as const) {
      const run = cli("db/cli/restore.ts", [candidate, "--yes"]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(reason);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 60_000);
});
