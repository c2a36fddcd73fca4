// A real SMTP server in the test process (the `smtp-server` package): it accepts every message on
// 127.0.0.1, parses it with mailparser, and can be stopped and started again on the same port to
// play a mail server that goes away mid-run.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: ParsedMail["headers"];
};

export type TestSmtp = {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Resolves with the first messages that match, once `count` have arrived (default one). */
  waitFor(match: (mail: ReceivedMail) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

function makeServer(received: ReceivedMail[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            messageId: mail.messageId ?? "",
            headers: mail.headers,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let server = makeServer(received);
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const port = (server.server.address() as AddressInfo).port;
  let running = true;

  const closeServer = () =>
    new Promise<void>((resolve) => {
      if (!running) return resolve();
      running = false;
      server.close(() => resolve());
    });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    async waitFor(match, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} matching message(s) within ${timeoutMs} ms, got ${found.length}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: closeServer,
    async start() {
      if (running) return;
      server = makeServer(received);
      server.listen(port, "127.0.0.1");
      await once(server.server, "listening");
      running = true;
    },
    close: closeServer,
  };
}
