// The receipt an entrant gets when an entry is submitted, written in the submitting transaction: to
// the account's address in the account's language, and to the entry's contact address when it
// differs. One receipt per submission (the key holds the submission's time), never two for a double click.
import type { Transaction } from "kysely";
import type { Db } from "../../../db/client";
import type { Database, Entry } from "../../../db/schema";
import { roundAhead } from "../../domain/round-ahead";
import { DEFAULT_LOCALE } from "../../i18n/config";
import { enqueueMessage } from "./outbox.server";
import { messageSetting } from "./setting.server";
import { entryReceipt } from "./templates/entry-receipt.server";
import { wordsFor } from "./templates/words.server";

export async function enqueueReceipt(trx: Db, entry: Entry, publicOrigin: string): Promise<void> {
  const [facts, account, firstRound, setting] = await Promise.all([
    trx
      .selectFrom("entries as e")
      .innerJoin("groups as g", "g.id", "e.group_id")
      .innerJoin("tracks as t", "t.id", "e.track_id")
      .innerJoin("competitions as c", "c.id", "e.competition_id")
      .where("e.id", "=", entry.id)
      .select([
        "g.name_zh as groupZh",
        "g.name_en as groupEn",
        "t.name_zh as trackZh",
        "t.name_en as trackEn",
        "c.registration_closes_at",
      ])
      .executeTakeFirstOrThrow(),
    entry.entrant_user_id === null
      ? undefined
      : trx
          .selectFrom("users")
          .select(["id", "email", "display_name", "locale"])
          .where("id", "=", entry.entrant_user_id)
          .executeTakeFirst(),
    trx
      .selectFrom("rounds")
      .select(["name_zh", "name_en", "opens_at", "closes_at", "position", "status"])
      .where("competition_id", "=", entry.competition_id)
      .execute()
      .then(roundAhead),
    messageSetting(trx, entry.competition_id, publicOrigin),
  ]);
  const locale = account?.locale ?? DEFAULT_LOCALE;
  const words = wordsFor(locale, setting);
  const content = words.render(
    entryReceipt(words, {
      entryId: entry.id,
      code: entry.code,
      title_zh: entry.title_zh,
      title_en: entry.title_en,
      group: { name_zh: facts.groupZh, name_en: facts.groupEn },
      track: { name_zh: facts.trackZh, name_en: facts.trackEn },
      firstRound: firstRound ?? null,
      registrationClosesAt: facts.registration_closes_at,
    }),
  );
  const recipients = [
    ...(account ? [{ address: account.email, name: account.display_name, userId: account.id }] : []),
    { address: entry.contact_email, name: entry.contact_name, userId: null },
  ].filter((r, i, all) => all.findIndex((o) => o.address.toLowerCase() === r.address.toLowerCase()) === i);
  for (const to of recipients)
    await enqueueMessage(trx as Transaction<Database>, {
      kind: "entry.receipt",
      competitionId: entry.competition_id,
      to,
      locale,
      content,
      dedupeKey: `entry.receipt:${entry.id}:${entry.submitted_at}:${to.address.toLowerCase()}`,
    });
}
