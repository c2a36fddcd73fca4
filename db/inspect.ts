// What a database file holds, found out read-only before anything writes to it: start-up (and a
// restore, DESIGN §5) goes on only with a Frontier database this version knows, or a new file.
import fs from "node:fs";
import SQLite from "better-sqlite3";

/**
 * Frontier's `PRAGMA application_id`: the ASCII bytes "FRNT" as a big-endian 32-bit integer, which
 * is how SQLite stores it at offset 68 of the file header (`xxd -s 68 -l 4 data/frontier.db`).
 */
export const FRONTIER_APPLICATION_ID = 0x46524e54;

/** The migrator's own bookkeeping: a file holding only these (and no record) is still blank. */
export const MIGRATOR_TABLES: readonly string[] = ["kysely_migration", "kysely_migration_lock"];

// The tables of the first migration, frozen. A database made before application ids existed
// has no id (0); it is Frontier's if its migration record names only migrations this code knows,
// starts with this one, and all these tables are there. Another Kysely application may well call
// its first migration "0001_initial", but not also hold these nineteen tables. The list never
// grows: every database migrated since carries the id, so only old files need recognising.
const FIRST_MIGRATION = "0001_initial";
export const FIRST_MIGRATION_TABLES: readonly string[] = [
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
];

export type Inspection =
  | { kind: "new" } // no file, an empty file, or a SQLite file with nothing in it
  | { kind: "frontier"; applied: string[] }
  | { kind: "adopt"; applied: string[] } // Frontier's, made before application ids: to be marked
  | { kind: "refused"; reason: string };

type SchemaObject = { type: string; name: string; tbl_name: string };
type Facts = { applicationId: number; objects: SchemaObject[]; applied: string[] | null };

const SQLITE_MAGIC = Buffer.from("SQLite format 3\0", "latin1");
const SIDE_FILES = ["-wal", "-shm"] as const;

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : -1);
const hex = (id: number) => `0x${(id >>> 0).toString(16).padStart(8, "0")}`;

/** Checks the 100-byte header with plain file reads: the SQLite signature, and a cut-off file. */
function checkHeader(file: string, size: number): string | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return "file is not a database (no SQLite header)";
  // Unsaved pages in a -wal may legitimately reach past the main file; without them the header's
  // page count (valid while its "version-valid-for" equals the change counter) must fit the file.
  if (sizeOf(file + "-wal") > 0) return null;
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = header.readUInt32BE(28);
  const counted = pages * pageSize;
  if (pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92) && counted > size) {
    return `the file is truncated (its header counts ${counted} bytes, the file holds ${size})`;
  }
  return null;
}

/**
 * Reads the application id, the schema and the migration record through a read-only connection.
 * SQLite opens a WAL-mode file's -wal and -shm even then, and a read-only connection cannot remove
 * them: the ones it created are removed here. Nothing else can be using them (Frontier is one
 * process and has not opened the file yet), and a -wal someone else has written to is kept.
 */
function readFacts(file: string): Facts {
  const existed = SIDE_FILES.filter((suffix) => fs.existsSync(file + suffix));
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
    const applicationId = sqlite.pragma("application_id", { simple: true }) as number;
    const objects = sqlite.prepare("SELECT type, name, tbl_name FROM sqlite_schema").all() as SchemaObject[];
    let applied: string[] | null = null;
    if (objects.some((o) => o.type === "table" && o.name === "kysely_migration")) {
      try {
        applied = sqlite.prepare("SELECT name FROM kysely_migration ORDER BY name").pluck().all() as string[];
      } catch {
        applied = null; // a table of that name that is not Kysely's
      }
    }
    return { applicationId, objects, applied };
  } finally {
    sqlite?.close();
    const writtenByOthers = !existed.includes("-wal") && sizeOf(file + "-wal") > 0;
    if (!writtenByOthers) {
      for (const suffix of SIDE_FILES) if (!existed.includes(suffix)) fs.rmSync(file + suffix, { force: true });
    }
  }
}

/** What the facts make of the file; `known` are the migrations this version of Frontier has. */
export function decide(facts: Facts, known: readonly string[]): Inspection {
  const { applicationId, objects, applied } = facts;
  const refused = (reason: string): Inspection => ({ kind: "refused", reason });
  if (applicationId !== 0 && applicationId !== FRONTIER_APPLICATION_ID) {
    const ours = `${hex(FRONTIER_APPLICATION_ID)} "FRNT"`;
    return refused(`it belongs to another application (application id ${hex(applicationId)}, Frontier's is ${ours})`);
  }
  const held = objects.filter((o) => !MIGRATOR_TABLES.includes(o.tbl_name) && !o.name.startsWith("sqlite_"));
  if (applicationId === 0 && held.length === 0 && (applied ?? []).length === 0) return { kind: "new" };
  const unknown = (applied ?? []).filter((name) => !known.includes(name));
  const newer = () =>
    refused(`it was written by a newer version of Frontier (migrations unknown to this one: ${unknown.join(", ")})`);
  if (applicationId === FRONTIER_APPLICATION_ID) {
    if (applied === null) return refused("it carries Frontier's application id but no record of its migrations");
    return unknown.length > 0 ? newer() : { kind: "frontier", applied };
  }
  const tables = new Set(objects.filter((o) => o.type === "table").map((o) => o.name));
  if (applied?.includes(FIRST_MIGRATION) && FIRST_MIGRATION_TABLES.every((t) => tables.has(t))) {
    return unknown.length > 0 ? newer() : { kind: "adopt", applied };
  }
  const names = [...tables].filter((t) => !t.startsWith("sqlite_")).sort();
  const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ", …" : "");
  const holds = `it holds ${names.length} table(s): ${shown}`;
  return refused(`it is not a Frontier database (no Frontier application id; ${holds})`);
}

/**
 * Inspects a database file without changing it (no journal mode switch, no -wal or -shm left) and
 * says whether Frontier may open it. The reason of a refusal is one line, fit for an operator.
 */
export function inspectDatabaseFile(file: string, known: readonly string[]): Inspection {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "new" };
    return { kind: "refused", reason: (error as Error).message };
  }
  if (!stat.isFile()) return { kind: "refused", reason: "it is not a file" };
  if (stat.size === 0) return { kind: "new" };
  try {
    const bad = checkHeader(file, stat.size);
    if (bad) return { kind: "refused", reason: bad };
    return decide(readFacts(file), known);
  } catch (error) {
    return { kind: "refused", reason: (error as Error).message };
  }
}
