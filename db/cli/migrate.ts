// npm run db:migrate — applies pending migrations to DATABASE_PATH (default data/frontier.db).
import { openDatabase } from "../client";
import { migrateToLatest } from "../migrate";

const file = process.env.DATABASE_PATH ?? "data/frontier.db";
try {
  const handle = openDatabase(file);
  try {
    const applied = await migrateToLatest(handle.db);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "already up to date");
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(`db:migrate failed: ${(error as Error).message}`);
  process.exit(1);
}
