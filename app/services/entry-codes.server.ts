// Entry codes: group, track and a serial, e.g. EU-QI-0042.
import type { Db } from "../../db/client";

/** The next free code of a group and track, e.g. EU-QI-0042; call it inside the writing transaction. */
export async function nextEntryCode(trx: Db, groupCode: string, trackCode: string): Promise<string> {
  const prefix = `${groupCode}-${trackCode}-`;
  const last = await trx
    .selectFrom("entries")
    .select("code")
    .where("code", "like", `${prefix}%`)
    .orderBy("code", "desc")
    .limit(1)
    .executeTakeFirst();
  const serial = last ? Number(last.code.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(serial).padStart(4, "0")}`;
}
