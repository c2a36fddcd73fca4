// A round says how it is judged: reviewed online (judges score at their own pace) or played live on
// stage. Until now the competition's last round was taken to be the live one; existing rounds keep
// that reading, so nothing changes for an edition already set up.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("rounds")
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("online")
        .check(sql`kind IN ('online','stage')`),
    )
    .execute();
  await sql`UPDATE rounds SET kind = 'stage'
    WHERE position = (SELECT max(r.position) FROM rounds r WHERE r.competition_id = rounds.competition_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0006_round_kind cannot be reverted: restore from a backup instead");
}
