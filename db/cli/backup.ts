// npm run db:backup — an online backup of DATABASE_PATH into BACKUP_DIR (default backups/ beside
// it), safe while servers run and write; keeps the newest BACKUP_KEEP backups.
import fs from "node:fs";
import { backupDatabase, backupDirFor } from "../../app/ops/backups.server";
import { inspectDatabaseFile } from "../inspect";
import { migrations } from "../migrations/index";

const file = process.env.DATABASE_PATH ?? "data/frontier.db";
const dir = backupDirFor(file, process.env.BACKUP_DIR || undefined);
const keep = Number(process.env.BACKUP_KEEP ?? 48);
try {
  if (!Number.isInteger(keep) || keep < 1) throw new Error("BACKUP_KEEP must be a whole number of at least 1");
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`);
  const inspection = inspectDatabaseFile(file, Object.keys(migrations));
  if (inspection.kind === "refused") throw new Error(`${file}: ${inspection.reason}`);
  const result = await backupDatabase(file, { dir, keep });
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  const pruned = result.pruned.length ? `; removed ${result.pruned.length} older backup(s)` : "";
  console.log(`backed up ${file} to ${result.file} (${mb} MB) in ${result.ms} ms${pruned}`);
} catch (error) {
  console.error(`db:backup failed: ${(error as Error).message}`);
  process.exit(1);
}
