// npm run db:restore -- <file> [--yes] — replaces DATABASE_PATH with a backup, after checking it is
// a whole Frontier database this version can open; the current database is kept aside first.
import readline from "node:readline/promises";
import { databaseInUse, discardCandidate, examineCandidate, replaceDatabase, RestoreRefusal } from "../restore";

const target = process.env.DATABASE_PATH ?? "data/frontier.db";
const args = process.argv.slice(2);
const yes = args.includes("--yes");
const file = args.find((a) => !a.startsWith("--"));

function refuse(reason: string): never {
  process.stderr.write(`db:restore refused: ${reason}\n`);
  process.exit(1);
}

const STOP_FIRST = `${target} is open in another process: stop the Frontier servers first`;

async function confirmed(question: string): Promise<boolean> {
  if (yes) return true;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

if (!file) refuse("name the backup to restore: npm run db:restore -- <file> [--yes]");
if (!yes && !process.stdin.isTTY) refuse("no terminal to ask for confirmation: pass --yes");
try {
  if (databaseInUse(target)) refuse(STOP_FIRST);
  const candidate = examineCandidate(file, target);
  const mb = (candidate.bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `restore ${file} (${mb} MB; ${candidate.entries} entries, ${candidate.scores} scores; ` +
      `latest migration ${candidate.latestMigration}) over ${target}; the current database is kept aside\n`,
  );
  if (!(await confirmed("go ahead? [y/N] "))) {
    discardCandidate(candidate);
    refuse("not confirmed; nothing changed");
  }
  // Checked again just before replacing: a server may have started while we asked.
  if (databaseInUse(target)) {
    discardCandidate(candidate);
    refuse(STOP_FIRST);
  }
  const aside = replaceDatabase(target, candidate);
  process.stdout.write(`restored ${target} from ${file}${aside ? `; the previous database is in ${aside}` : ""}\n`);
} catch (error) {
  refuse(error instanceof RestoreRefusal ? error.message : (error as Error).message.replace(/\s+/g, " "));
}
