// Restoring a backup over DATABASE_PATH: the candidate is checked on a private copy (Frontier's,
// whole, not newer than this code), the current database is kept aside, and the copy is renamed
// into place, so the path holds either the old database or the restored one, never half of each.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { inspectDatabaseFile } from "./inspect";
import { migrations } from "./migrations/index";

export class RestoreRefusal extends Error {
  override name = "RestoreRefusal";
}

export type Candidate = {
  /** The checked copy, beside the target, ready to be renamed over it. */
  temp: string;
  bytes: number;
  entries: number;
  scores: number;
  latestMigration: string;
};

const stamp = (at: Date) => at.toISOString().replace(/[:.]/g, "-");
const removeWithSides = (file: string) => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
};

/**
 * Copies `file` beside `target` and checks the copy, never the file itself (a read-only look at a
 * WAL-mode file would leave side files next to it). Throws a RestoreRefusal with a one-line reason.
 */
export function examineCandidate(file: string, target: string): Candidate {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new RestoreRefusal(`${file}: no such file`);
  const temp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.restoring-${process.pid}`);
  removeWithSides(temp);
  fs.copyFileSync(file, temp);
  // A copy of a live database may still hold its last commits in its -wal: bring that along.
  if (fs.existsSync(file + "-wal")) fs.copyFileSync(file + "-wal", temp + "-wal");
  try {
    const inspection = inspectDatabaseFile(temp, Object.keys(migrations));
    if (inspection.kind === "refused") throw new RestoreRefusal(`${file}: ${inspection.reason}`);
    if (inspection.kind === "new") throw new RestoreRefusal(`${file}: it holds no Frontier data (empty database)`);
    const sqlite = new Database(temp, { fileMustExist: true });
    try {
      const integrity = sqlite.pragma("integrity_check", { simple: true }) as string;
      if (integrity !== "ok") throw new RestoreRefusal(`${file}: it fails SQLite's integrity check (${integrity})`);
      const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      const latestMigration = inspection.applied.at(-1) ?? "none";
      const facts = { entries: count("entries"), scores: count("scores"), latestMigration };
      // One self-contained file: the server switches it back to WAL when it opens it.
      sqlite.pragma("journal_mode = DELETE");
      sqlite.close();
      fs.rmSync(temp + "-shm", { force: true });
      return { temp, bytes: fs.statSync(file).size, ...facts };
    } finally {
      if (sqlite.open) sqlite.close();
    }
  } catch (error) {
    removeWithSides(temp);
    if (error instanceof RestoreRefusal) throw error;
    throw new RestoreRefusal(`${file}: ${(error as Error).message.replace(/\s+/g, " ")}`);
  }
}

/**
 * Whether another process has the database open. A connection in WAL mode holds a shared lock on
 * the file for as long as it is open, even idle, so an exclusive lock taken without waiting fails
 * exactly while a server (or any SQLite client on this machine) has it open. Locks on network file
 * systems are not to be trusted: the database belongs on a local disk anyway (DESIGN §5).
 */
export function databaseInUse(target: string): boolean {
  if (!fs.existsSync(target)) return false;
  const sqlite = new Database(target, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 0");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    sqlite.close(); // the last connection checkpoints its -wal into the file and removes it
  }
}

/**
 * Keeps the current database aside (frontier.db.before-restore-<time>), removes its stale -wal and
 * -shm, and renames the checked copy over it. Returns the path of the kept copy, if there was one.
 */
export function replaceDatabase(target: string, candidate: Candidate, now = new Date()): string | null {
  let aside: string | null = null;
  if (fs.existsSync(target)) {
    aside = `${target}.before-restore-${stamp(now)}`;
    fs.copyFileSync(target, aside);
    if (fs.existsSync(target + "-wal")) fs.copyFileSync(target + "-wal", aside + "-wal");
  }
  const fd = fs.openSync(candidate.temp, "r");
  fs.fsyncSync(fd); // on disk before the rename makes it the database
  fs.closeSync(fd);
  fs.rmSync(target + "-wal", { force: true });
  fs.rmSync(target + "-shm", { force: true });
  fs.renameSync(candidate.temp, target);
  return aside;
}

/** Drops a checked copy that will not be used (the operator said no). */
export const discardCandidate = (candidate: Candidate) => removeWithSides(candidate.temp);
