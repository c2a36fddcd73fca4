// npm run organizer:create -- --email <e> --name <n>: creates the first organizer of an installation
// (or makes an existing account an organizer) in DATABASE_PATH, bringing its schema up to date first.
// The password comes from FRONTIER_PASSWORD, or is asked for twice on a terminal; never an argument,
// so it stays out of the shell's history and the process list.
import { parseArgs } from "node:util";
import readline from "node:readline";
import { createI18n } from "../../app/i18n/config";
import { accountIdOf, makeOrganizer } from "../../app/services/auth/organizers.server";
import { openDatabase } from "../client";
import { migrateToLatest } from "../migrate";

const english = createI18n("en");

function fail(line: string): never {
  console.error(`organizer:create: ${line}`);
  process.exit(1);
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    output._writeToOutput = (s: string) => {
      if (!prompted) process.stdout.write(s);
      prompted = true;
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function passwordForNewAccount(): Promise<string> {
  const fromEnv = process.env.FRONTIER_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!process.stdin.isTTY) fail("set FRONTIER_PASSWORD (there is no terminal to ask for the password on)");
  const first = await askHidden("Password (at least 10 characters): ");
  const again = await askHidden("The same password again: ");
  if (first !== again) fail("password: the two passwords differ");
  return first;
}

let args: { email?: string; name?: string };
try {
  args = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true }).values;
} catch (error) {
  fail(`${(error as Error).message}; usage: npm run organizer:create -- --email <e> --name <n>`);
}
if (!args.email) fail("--email is required; usage: npm run organizer:create -- --email <e> --name <n>");

const file = process.env.DATABASE_PATH ?? "data/frontier.db";
const handle = openDatabase(file);
try {
  await migrateToLatest(handle.db);
  const existing = await accountIdOf(handle.db, args.email);
  const password = existing === null ? await passwordForNewAccount() : undefined;
  const outcome = await makeOrganizer(handle.db, { email: args.email, name: args.name, password });
  if (!outcome.ok) {
    const field = outcome.field ?? "";
    const message = english.t(outcome.fields?.[field]?.[0] ?? outcome.code);
    fail(field ? `${field}: ${message}` : message);
  }
  console.log(
    outcome.created
      ? `created the organizer ${args.email.trim().toLowerCase()} in ${file}; sign in at /login`
      : `${args.email.trim().toLowerCase()} is now an organizer (its password is unchanged)`,
  );
} finally {
  await handle.close();
}
