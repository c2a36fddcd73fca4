// Online backups of the SQLite database (better-sqlite3's `backup()`, SQLite's backup API): safe
// while the server reads and writes, each a consistent snapshot in a timestamped file.
import fs from "node:fs";
import path from "node:path";
import type SQLite from "better-sqlite3";
import Database from "better-sqlite3";

export const BACKUP_PREFIX = "frontier-";
const BACKUP_SUFFIX = ".db";

/** backups/ beside the database unless BACKUP_DIR says otherwise. */
export function backupDirFor(databasePath: string, configured?: string): string {
  return path.resolve(configured ?? path.join(path.dirname(path.resolve(databasePath)), "backups"));
}

/** A name that sorts by time: frontier-2026-12-03T16-40-05-123Z.db (no colons, for every file system). */
export function backupName(at: Date): string {
  return `${BACKUP_PREFIX}${at.toISOString().replace(/[:.]/g, "-")}${BACKUP_SUFFIX}`;
}

/** The backups in `dir`, newest first (the names sort by time). */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(BACKUP_PREFIX) && name.endsWith(BACKUP_SUFFIX))
    .sort()
    .reverse()
    .map((name) => path.join(dir, name));
}

/** Removes all but the newest `keep` backups; returns the removed files. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const file of old) fs.rmSync(file, { force: true });
  return old;
}

export type BackupResult = { file: string; bytes: number; ms: number; pruned: string[] };

/**
 * Copies the database `source` (an open connection, or a path opened here read-only) to a new
 * timestamped file in `dir`. It is written under a temporary name and renamed when complete, so a
 * file with a backup's name is always a whole backup.
 */
export async function backupDatabase(
  source: SQLite.Database | string,
  options: { dir: string; keep: number; now?: Date },
): Promise<BackupResult> {
  const started = performance.now();
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, backupName(options.now ?? new Date()));
  const partial = `${file}.partial`;
  // Read-write (nothing is written): a read-only connection would leave a -wal and -shm behind.
  const connection = typeof source === "string" ? new Database(source, { fileMustExist: true }) : source;
  try {
    // SQLite restarts a stepwise backup whenever another connection writes; under steady writes
    // it might never end. Large steps (8,000 pages, about 32 MB) finish a demo-sized database in
    // one, and one step is one consistent read transaction that does not block writers (WAL).
    await connection.backup(partial, { progress: () => 8000 });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    if (typeof source === "string") connection.close();
  }
  const pruned = pruneBackups(options.dir, options.keep);
  return { file, bytes: fs.statSync(file).size, ms: Math.round(performance.now() - started), pruned };
}

type Log = { info: (o: object, msg: string) => void; error: (o: object, msg: string) => void };

/**
 * Takes a backup every `minutes` through the server's own connection. Several processes on one
 * database should set the interval on one of them; should more do, a run is skipped when the
 * newest backup is younger than the interval, so they do not pile up. A failed backup is logged.
 */
export function scheduleBackups(
  sqlite: SQLite.Database,
  options: { minutes: number; dir: string; keep: number; log: Log },
): { stop: () => void } {
  if (options.minutes <= 0) return { stop: () => {} };
  const intervalMs = options.minutes * 60_000;
  let running = false;
  const run = async () => {
    if (running) return;
    const newest = listBackups(options.dir)[0];
    // 5% slack: timers of two processes started together drift by a few milliseconds.
    if (newest && Date.now() - fs.statSync(newest).mtimeMs < intervalMs * 0.95) return;
    running = true;
    try {
      const result = await backupDatabase(sqlite, options);
      options.log.info({ backup: result.file, bytes: result.bytes, ms: result.ms }, `backup written to ${result.file}`);
    } catch (error) {
      options.log.error({ err: error }, `backup failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  options.log.info(
    { dir: options.dir, minutes: options.minutes },
    `backups every ${options.minutes} min to ${options.dir}`,
  );
  return { stop: () => clearInterval(timer) };
}
