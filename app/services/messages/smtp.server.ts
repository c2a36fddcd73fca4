// The one place a message meets a mail server: nodemailer's SMTP transport, one connection per
// message, with timeouts well inside the worker's lease so a hung server cannot outlive it.
import nodemailer from "nodemailer";
import type { Selectable } from "kysely";
import type { OutboxTable } from "../../../db/schema";

export type OutboxRow = Selectable<OutboxTable>;

/** Sends one stored message; throws when the mail server did not take it. */
export type MailSender = { send(message: OutboxRow): Promise<void>; close(): void };

/** An error the mail server answered with, with its SMTP reply code when there was one. */
export type SendError = Error & { responseCode?: number };

export function createSmtpSender(smtpUrl: string, from: string): MailSender {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from,
        to: { name: message.to_name ?? "", address: message.to_address },
        subject: message.subject,
        text: message.text_body,
        html: message.html_body,
        // Fixed at enqueue: a message sent again after a lost acknowledgement carries the same id,
        // so the receiving side (and the tests) can tell it is the same message.
        messageId: message.message_id,
        headers: { "X-Frontier-Kind": message.kind },
      });
    },
    close: () => transport.close(),
  };
}
