// The outcome messages of a round's publication, written in the publishing transaction: one per
// competing entry to its entrant (the account's address and language; without an account the
// entry's contact address in the edition's language), and cancelled, while not yet sent, when the
// publication is taken back. The publication is named in each message's key by its time.
import { sql, type Transaction } from "kysely";
import type { Db } from "../../../db/client";
import type { Database, Round } from "../../../db/schema";
import { DEFAULT_LOCALE } from "../../i18n/config";
import { roundAfter } from "../queries/rounds.server";
import { unitLabels } from "../results-view.server";
import { enqueueMessage } from "./outbox.server";
import { messageSetting } from "./setting.server";
import { roundOutcome, type Outcome } from "./templates/round-outcome.server";
import { wordsFor } from "./templates/words.server";

const KIND = "round.outcome";
const keyPrefix = (roundId: number, publishedAt: string) => `${KIND}:${roundId}:${publishedAt}:`;

/** The round's competing entries with their entrant, state, feedback and stored rank. */
function outcomeRows(db: Db, roundId: number) {
  return db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .leftJoin("users as u", "u.id", "e.entrant_user_id")
    .leftJoin("results as r", (join) => join.onRef("r.round_id", "=", "re.round_id").onRef("r.entry_id", "=", "e.id"))
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select([
      "e.id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.contact_email",
      "e.contact_name",
      "u.id as userId",
      "u.email",
      "u.display_name",
      "u.locale",
      "re.state",
      "re.feedback",
      "r.unit",
      "r.rank",
    ])
    .orderBy("e.id")
    .execute();
}

/** How many entrants publishing the round e-mails: every entry that competes in it. */
export async function outcomeAudience(db: Db, roundId: number): Promise<number> {
  const row = await db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Writes the outcome of every competing entry of the just-published round; returns how many. */
export async function enqueueOutcomes(trx: Db, round: Round, publishedAt: string, publicOrigin: string) {
  const [rows, next, sizes, labels, setting, competition] = await Promise.all([
    outcomeRows(trx, round.id),
    roundAfter(trx, round),
    trx
      .selectFrom("results")
      .where("round_id", "=", round.id)
      .where("rank", "is not", null)
      .groupBy("unit")
      .select(["unit", sql<number>`count(*)`.as("n")])
      .execute(),
    unitLabels(trx, round.competition_id),
    messageSetting(trx, round.competition_id, publicOrigin),
    trx.selectFrom("competitions").select("slug").where("id", "=", round.competition_id).executeTakeFirstOrThrow(),
  ]);
  const of = new Map(sizes.map((s) => [s.unit, s.n]));
  const publicPath = `/c/${competition.slug}/results/${round.slug}`;
  let written = 0;
  for (const row of rows) {
    if (row.state === "in") continue; // not decided by this publication: nothing to tell
    const outcome: Outcome = !next
      ? "placed"
      : row.state === "eliminated"
        ? "eliminated"
        : next.kind === "stage"
          ? "finalist"
          : "advanced";
    const locale = row.locale ?? DEFAULT_LOCALE;
    const words = wordsFor(locale, setting);
    const label = row.unit && row.unit !== "all" ? labels.get(row.unit) : undefined;
    const content = roundOutcome(words, {
      outcome,
      code: row.code,
      title_zh: row.title_zh,
      title_en: row.title_en,
      round,
      next: next ?? null,
      rank: row.rank,
      of: (row.unit && of.get(row.unit)) || 0,
      unit: label ? { name_zh: label.nameZh, name_en: label.nameEn } : null,
      feedback: row.feedback,
      path: row.userId ? `/me/entries/${row.id}` : publicPath,
      signedIn: row.userId !== null,
    });
    const id = await enqueueMessage(trx as Transaction<Database>, {
      kind: KIND,
      competitionId: round.competition_id,
      to: row.userId
        ? { address: row.email!, name: row.display_name, userId: row.userId }
        : { address: row.contact_email, name: row.contact_name },
      locale,
      content: words.render(content),
      dedupeKey: `${keyPrefix(round.id, publishedAt)}${row.id}`,
    });
    if (id !== null) written++;
  }
  return written;
}

const NOT_GONE = ["pending", "failed"] as const;

/** The publication's outcome messages: how many went (or are going) and how many wait. */
export async function outcomeDelivery(db: Db, round: Pick<Round, "id" | "published_at">) {
  if (!round.published_at) return { sent: 0, pending: 0 };
  const row = await db
    .selectFrom("outbox")
    .where("kind", "=", KIND)
    .where("dedupe_key", "like", `${keyPrefix(round.id, round.published_at)}%`)
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("status", "in", ["sent", "sending"]).as("sent"),
      eb.fn
        .countAll<number>()
        .filterWhere("status", "in", [...NOT_GONE])
        .as("pending"),
    ])
    .executeTakeFirstOrThrow();
  return { sent: row.sent, pending: row.pending };
}

/** Cancels the publication's outcome messages that have not gone; returns how many. */
export async function cancelOutcomes(trx: Db, round: Pick<Round, "id" | "published_at">): Promise<number> {
  if (!round.published_at) return 0;
  const result = await trx
    .updateTable("outbox")
    .set({ status: "cancelled" })
    .where("kind", "=", KIND)
    .where("dedupe_key", "like", `${keyPrefix(round.id, round.published_at)}%`)
    .where("status", "in", [...NOT_GONE])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
