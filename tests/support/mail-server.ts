// A demo server wired to a real SMTP server in the test process: what end-to-end tests of the
// messages share. The SMTP server starts first (its port goes into the server's SMTP_URL); retries
// are shortened so an outage in a test lasts seconds, not minutes.
import { afterAll, beforeAll } from "vitest";
import { demoServerForThisFile, type DemoServer } from "./demo-server";
import { startTestSmtp, type ReceivedMail, type TestSmtp } from "./smtp";

export const TEST_MAIL_FROM = "Frontier Test <noreply@frontier.test>";

export type MailHarness = {
  readonly demo: DemoServer;
  readonly smtp: TestSmtp;
  /** The messages received for one address. */
  receivedBy(address: string): ReceivedMail[];
  /** Waits for `count` messages to `address` (default one). */
  waitForMailTo(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Waits until an SQL count on the server's database reaches `expected`. */
  waitForCount(sql: string, params: unknown[], expected: number, timeoutMs?: number): Promise<void>;
};

/** The link a message carries to this server (`/reset-password/…`, `/invite/…`), as a path. */
export function linkPath(mail: ReceivedMail, prefix: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${prefix.replace(/\//g, "\\/")}[A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${prefix} link in:\n${mail.text}`);
  return match[1]!;
}

export function mailServerForThisFile(env: Record<string, string> = {}): MailHarness {
  let smtp: TestSmtp | undefined;
  // Read by the server's beforeAll, which runs after this one has put the SMTP server's URL in.
  const serverEnv: Record<string, string> = {
    MAIL_FROM: TEST_MAIL_FROM,
    MAIL_RETRY_BASE_MS: "200",
    MAIL_RETRY_CAP_MS: "1000",
    ...env,
  };
  beforeAll(async () => {
    smtp = await startTestSmtp();
    serverEnv["SMTP_URL"] = smtp.url;
  });
  const demo = demoServerForThisFile(serverEnv);
  afterAll(async () => {
    await smtp?.close();
  });
  const ready = () => {
    if (!smtp) throw new Error("the test SMTP server is not running yet");
    return smtp;
  };
  const harness: MailHarness = {
    demo,
    get smtp() {
      return ready();
    },
    receivedBy: (address) => ready().received.filter((m) => m.to.includes(address)),
    waitForMailTo: (address, count = 1, timeoutMs = 15_000) =>
      ready().waitFor((m) => m.to.includes(address), count, timeoutMs),
    async waitForCount(sql, params, expected, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const n = demo.count(sql, ...params);
        if (n === expected) return;
        if (Date.now() > deadline) throw new Error(`expected ${expected} from ${sql}, got ${n}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  return harness;
}
