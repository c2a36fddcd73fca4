// Writing a message to the outbox: always inside the transaction of the change that caused it, so
// the change and its message commit together or not at all. The worker (outbox-worker.server.ts)
// sends what is due; nothing here talks to a mail server.
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database, Locale } from "../../../db/schema";
import type { MessageKind } from "../../domain/message-kinds";
import type { RenderedEmail } from "./render.server";

export type OutgoingMessage = {
  /** What the message is, for the outbox's filter and the tests (app/domain/message-kinds.ts). */
  kind: MessageKind;
  competitionId: number | null;
  to: { address: string; name?: string | null; userId?: number | null };
  locale: Locale;
  content: RenderedEmail;
  /** At most one message per key: enqueueing the same key again is a no-op (e.g. `receipt:entry:42:2026-…`). */
  dedupeKey?: string;
};

/** Writes one message; returns its id, or null when a message with the same dedupe key exists. */
export async function enqueueMessage(trx: Transaction<Database>, message: OutgoingMessage): Promise<number | null> {
  const row = await trx
    .insertInto("outbox")
    .values({
      competition_id: message.competitionId,
      kind: message.kind,
      to_address: message.to.address,
      to_name: message.to.name ?? null,
      to_user_id: message.to.userId ?? null,
      locale: message.locale,
      subject: message.content.subject,
      text_body: message.content.text,
      html_body: message.content.html,
      message_id: `<${randomUUID()}@frontier>`,
      dedupe_key: message.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}
