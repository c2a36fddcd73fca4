// How many messages wait in the outbox (for /metrics): read through the (status, next_attempt_at) index.
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";

export async function pendingOutboxMessages(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
