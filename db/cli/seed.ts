// npm run db:seed [-- --reset] — fills DATABASE_PATH with the demo competition.
import fs from "node:fs";
import { openDatabase } from "../client";
import { migrateToLatest } from "../migrate";
import { isEmpty, seedDemo } from "../seed/seed.server";

const file = process.env.DATABASE_PATH ?? "data/frontier.db";
const reset = process.argv.includes("--reset");
try {
  if (reset && file !== ":memory:")
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const handle = openDatabase(file);
  try {
    await migrateToLatest(handle.db);
    if (!(await isEmpty(handle))) {
      console.log(`${file} already holds a competition; run \`npm run db:seed -- --reset\` to rebuild it`);
    } else {
      const { ms, summary } = await seedDemo(handle);
      console.log(`seeded ${summary.entries} entries and ${summary.judges} judges into ${file} in ${ms} ms`);
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(`db:seed failed: ${(error as Error).message}`);
  process.exit(1);
}
