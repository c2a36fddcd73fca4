// What a message needs to know about its competition: its names and time zone, read in the
// caller's transaction, with the public origin its links start with.
import type { Db } from "../../../db/client";
import type { MessageSetting } from "./templates/words.server";

export async function messageSetting(db: Db, competitionId: number, publicOrigin: string): Promise<MessageSetting> {
  const competition = await db
    .selectFrom("competitions")
    .select(["name_zh", "name_en", "time_zone"])
    .where("id", "=", competitionId)
    .executeTakeFirstOrThrow();
  return { competitionId, competition, publicOrigin };
}
