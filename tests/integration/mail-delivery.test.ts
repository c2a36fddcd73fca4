// E-mail through a real SMTP server: "forgot password" end to end, the outbox riding out a mail
// server that goes away, and the organizer's outbox pages.
import { describe, expect, it } from "vitest";
import { linkPath, mailServerForThisFile, TEST_MAIL_FROM } from "../support/mail-server";

const mail = mailServerForThisFile();
const { demo } = mail;

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

/** Seeded judges other than the demo's own sign-in, each usable for one test of its own. */
function seededJudges(count: number, offset: number) {
  return demo.query<{ id: number; email: string; display_name: string }>(
    `SELECT u.id, u.email, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id
     WHERE r.role = 'judge' AND u.email <> 'judge@frontier.demo' AND u.disabled_at IS NULL
     ORDER BY u.id LIMIT ? OFFSET ?`,
    count,
    offset,
  );
}

async function askForLink(email: string, lang = "en") {
  return demo.post("/forgot-password", form({ email }), { lang });
}

describe("forgot password", () => {
  it("delivers one message to a known account, in the account's language, whose link sets a new password once", async () => {
    const [judge] = seededJudges(1, 0);
    demo.run("UPDATE users SET locale = 'zh-Hans' WHERE id = ?", judge!.id);
    const res = await askForLink(judge!.email);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Check your inbox");

    const [message] = await mail.waitForMailTo(judge!.email);
    expect(message!.subject).toBe("设置新密码");
    expect(message!.text).toContain("一小时内有效");
    expect(message!.html).toContain("设置新密码");
    const person = (header: string) =>
      (message!.headers.get(header) as { value: { address: string; name: string }[] }).value;
    expect(person("from")).toEqual([{ address: "noreply@frontier.test", name: TEST_MAIL_FROM.split(" <")[0] }]);
    expect(person("to")).toEqual([{ address: judge!.email, name: judge!.display_name }]);
    const stored = demo.query<{ message_id: string; status: string; kind: string }>(
      "SELECT message_id, status, kind FROM outbox WHERE to_user_id = ?",
      judge!.id,
    );
    expect(stored).toEqual([{ message_id: message!.messageId, status: "sent", kind: "password.reset" }]);
    // Only the token's hash is kept.
    const path = linkPath(message!, "/reset-password/");
    const token = path.split("/").pop()!;
    expect(demo.count("SELECT count(*) AS n FROM password_resets WHERE token_hash = ?", token)).toBe(0);
    expect(message!.text).toContain(`${demo.url}${path}`);

    const page = await demo.get(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("New password");

    const mismatch = await demo.post(path, form({ password: "a new password 1", confirm: "another one 22" }));
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("The two passwords are not the same.");

    const done = await demo.post(path, form({ password: "a new password 1", confirm: "a new password 1" }));
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/judge");
    const cookie = done.headers.get("set-cookie")!.split(";")[0]!;
    expect((await demo.get("/judge", { cookie })).status).toBe(200);
    expect(await demo.signIn(judge!.email, "a new password 1")).toMatch(/^__session=/);
    expect(
      demo.count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'user.password_reset_by_link' AND subject_id = ?",
        judge!.id,
      ),
    ).toBe(1);

    // The second use is refused, and the password stays the one just set.
    const again = await demo.post(path, form({ password: "a third password", confirm: "a third password" }));
    expect(again.status).toBe(409);
    const body = await again.text();
    expect(body).toContain("This link has already been used.");
    expect(body).toContain('href="/forgot-password"');
    expect((await demo.get(path)).status).toBe(410);
    expect(await demo.signIn(judge!.email, "a new password 1")).toMatch(/^__session=/);
  });

  it("ends the account's other sessions when the password is reset", async () => {
    const [judge] = seededJudges(1, 1);
    demo.run(
      "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'judge@frontier.demo') WHERE id = ?",
      judge!.id,
    );
    const before = await demo.signIn(judge!.email, "frontier-judge");
    expect((await demo.get("/judge", { cookie: before })).status).toBe(200);
    await askForLink(judge!.email);
    const [message] = await mail.waitForMailTo(judge!.email);
    const path = linkPath(message!, "/reset-password/");
    expect((await demo.post(path, form({ password: "fresh password 9", confirm: "fresh password 9" }))).status).toBe(
      302,
    );
    const after = await demo.get("/judge", { cookie: before });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });

  it("answers an unknown address with the same page and sends nothing", async () => {
    const known = await (await askForLink("entrant@frontier.demo")).text();
    const unknown = await askForLink("nobody-here@example.org");
    expect(unknown.status).toBe(200);
    const text = await unknown.text();
    const strip = (html: string) =>
      html.replace(/entrant@frontier\.demo|nobody-here@example\.org/g, "ADDRESS").replace(/nonce="[^"]+"/g, "");
    expect(strip(text)).toBe(strip(known));
    await mail.waitForMailTo("entrant@frontier.demo");
    await new Promise((r) => setTimeout(r, 800));
    expect(mail.receivedBy("nobody-here@example.org")).toEqual([]);
    expect(demo.count("SELECT count(*) AS n FROM outbox WHERE to_address = 'nobody-here@example.org'")).toBe(0);
  });

  it("sends a disabled account no link, with the same answer", async () => {
    const [judge] = seededJudges(1, 2);
    demo.run("UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?", judge!.id);
    const res = await askForLink(judge!.email);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Check your inbox");
    expect(demo.count("SELECT count(*) AS n FROM outbox WHERE to_user_id = ?", judge!.id)).toBe(0);
  });

  it("refuses an address that is not one, at the field, in the reader's language", async () => {
    const res = await askForLink("not-an-address");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Please enter a valid e-mail address.");
    const zh = await askForLink("not-an-address", "zh-CN");
    expect(await zh.text()).toContain("请输入有效的电子邮箱地址");
  });

  it("refuses an expired link and keeps the password", async () => {
    const [judge] = seededJudges(1, 3);
    await askForLink(judge!.email);
    const [message] = await mail.waitForMailTo(judge!.email);
    const path = linkPath(message!, "/reset-password/");
    demo.run("UPDATE password_resets SET expires_at = '2020-01-01T00:00:00.000Z' WHERE user_id = ?", judge!.id);
    const hash = demo.query<{ h: string }>("SELECT password_hash AS h FROM users WHERE id = ?", judge!.id)[0]!.h;
    const page = await demo.get(path);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("This link has expired");
    const post = await demo.post(path, form({ password: "too late now 1", confirm: "too late now 1" }));
    expect(post.status).toBe(409);
    expect(demo.query<{ h: string }>("SELECT password_hash AS h FROM users WHERE id = ?", judge!.id)[0]!.h).toBe(hash);
    const made = await demo.get("/reset-password/" + "x".repeat(43));
    expect(made.status).toBe(404);
    expect(await made.text()).toContain("This link is not valid.");
  });

  it("is rate-limited per address, with a localized message", async () => {
    for (let i = 0; i < 3; i++) expect((await askForLink("flood@example.org")).status).toBe(200);
    const limited = await askForLink("flood@example.org");
    expect(limited.status).toBe(429);
    expect(await limited.text()).toMatch(/Too many requests\. Please try again in \d+ minutes?\./);
    const zh = await askForLink("flood@example.org", "zh-CN");
    expect(await zh.text()).toContain("请求次数过多");
  });
});

describe("a mail server that goes away", () => {
  it("keeps the messages waiting, with the reason, and sends each exactly once when it is back", async () => {
    const judges = seededJudges(3, 4);
    await mail.smtp.stop();
    for (const j of judges) expect((await askForLink(j.email)).status).toBe(200);
    const ids = judges.map((j) => j.id);
    const waiting = `SELECT count(*) AS n FROM outbox WHERE to_user_id IN (${ids.join(",")})
      AND status = 'pending' AND attempts > 0 AND last_error IS NOT NULL`;
    await mail.waitForCount(waiting, [], 3);
    // Several attempts each, none delivered.
    await mail.waitForCount(
      `SELECT count(*) AS n FROM outbox WHERE to_user_id IN (${ids.join(",")}) AND attempts >= 2`,
      [],
      3,
    );
    for (const j of judges) expect(mail.receivedBy(j.email)).toEqual([]);
    const error = demo.query<{ e: string }>("SELECT last_error AS e FROM outbox WHERE to_user_id = ?", ids[0])[0]!.e;
    expect(error).toMatch(/ECONNREFUSED/);

    await mail.smtp.start();
    for (const j of judges) await mail.waitForMailTo(j.email);
    await mail.waitForCount(
      `SELECT count(*) AS n FROM outbox WHERE to_user_id IN (${ids.join(",")}) AND status = 'sent'`,
      [],
      3,
    );
    // A while longer: nothing arrives twice.
    await new Promise((r) => setTimeout(r, 2000));
    const stored = demo.query<{ message_id: string; to_address: string }>(
      `SELECT message_id, to_address FROM outbox WHERE to_user_id IN (${ids.join(",")})`,
    );
    for (const j of judges) {
      const received = mail.receivedBy(j.email);
      expect(received).toHaveLength(1);
      expect(received[0]!.messageId).toBe(stored.find((s) => s.to_address === j.email)!.message_id);
    }
  });
});

describe("the organizer's outbox", () => {
  const insert = (status: string, address: string) =>
    demo.run(
      `INSERT INTO outbox (competition_id, kind, to_address, to_name, locale, subject, text_body, html_body, status,
         attempts, next_attempt_at, last_error, message_id)
       VALUES (NULL, 'password.reset', ?, 'Test Person', 'en', 'A note for the test', 'Plain words', '<p>Rich words</p>', ?,
         ?, '2099-01-01T00:00:00.000Z', ?, ?)`,
      address,
      status,
      status === "failed" ? 12 : 0,
      status === "failed" ? "550 mailbox unavailable" : null,
      `<${address}-${Math.random()}@test>`,
    );
  const idOf = (address: string) =>
    demo.query<{ id: number }>("SELECT id FROM outbox WHERE to_address = ?", address)[0]!.id;

  it("lists and shows a message to an organizer as it will arrive", async () => {
    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const list = await demo.get("/admin/outbox?kind=password.reset", { cookie: organizer });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Outbox");
    expect(html).toContain("设置新密码");
    const id = demo.query<{ id: number }>("SELECT id FROM outbox WHERE kind = 'password.reset' LIMIT 1")[0]!.id;
    const page = await demo.get(`/admin/outbox/${id}`, { cookie: organizer });
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toMatch(/<iframe[^>]*sandbox=""[^>]*srcDoc="[^"]*&lt;!doctype html/i);
    expect(body).toContain("/reset-password/");
    expect(body).toContain("Simplified Chinese");
    // The page's policy lets the sandboxed frame show (no frame-src that forbids it).
    expect(page.headers.get("content-security-policy")).not.toMatch(/frame-src 'none'/);

    const search = await (await demo.get("/admin/outbox?q=nobody-at-all", { cookie: organizer })).text();
    expect(search).toContain("No messages match.");
    expect((await demo.get("/admin/outbox/999999", { cookie: organizer })).status).toBe(404);
  });

  it("is refused to a judge and an entrant", async () => {
    const judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    const entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    const id = demo.query<{ id: number }>("SELECT id FROM outbox LIMIT 1")[0]!.id;
    for (const cookie of [judge, entrant]) {
      expect((await demo.get("/admin/outbox", { cookie })).status).toBe(403);
      expect((await demo.get(`/admin/outbox/${id}`, { cookie })).status).toBe(403);
      expect((await demo.post(`/admin/outbox/${id}`, form({ intent: "cancel" }), { cookie })).status).toBe(403);
    }
    expect((await demo.get("/admin/outbox")).status).toBe(302);
  });

  it("cancels a waiting message and queues it again, each audited", async () => {
    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    insert("pending", "cancel-me@example.org");
    const id = idOf("cancel-me@example.org");
    const cancel = await demo.post(`/admin/outbox/${id}`, form({ intent: "cancel" }), { cookie: organizer });
    expect(cancel.status).toBe(302);
    expect(demo.query<{ s: string }>("SELECT status AS s FROM outbox WHERE id = ?", id)[0]!.s).toBe("cancelled");
    const twice = await demo.post(`/admin/outbox/${id}`, form({ intent: "cancel" }), { cookie: organizer });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("Only a message still waiting can be cancelled.");
    expect(mail.receivedBy("cancel-me@example.org")).toEqual([]);

    expect((await demo.post(`/admin/outbox/${id}`, form({ intent: "retry" }), { cookie: organizer })).status).toBe(302);
    await mail.waitForMailTo("cancel-me@example.org");
    expect(
      demo.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE subject_type = 'message' AND subject_id = ? ORDER BY id",
        id,
      ),
    ).toEqual([{ action: "message.cancelled" }, { action: "message.retried" }]);
  });

  it("retries every failed message after showing how many, and only that many", async () => {
    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    insert("failed", "failed-1@example.org");
    insert("failed", "failed-2@example.org");
    const failed = demo.count("SELECT count(*) AS n FROM outbox WHERE status = 'failed'");
    const page = await (await demo.get("/admin/outbox?status=failed", { cookie: organizer })).text();
    expect(page).toContain(`Retry all ${failed} failed messages`);
    expect(page).toContain("550 mailbox unavailable");

    const stale = await demo.post("/admin/outbox", form({ intent: "retryAll", expected: String(failed - 1) }), {
      cookie: organizer,
    });
    expect(stale.status).toBe(409);
    expect(demo.count("SELECT count(*) AS n FROM outbox WHERE status = 'failed'")).toBe(failed);

    const res = await demo.post("/admin/outbox", form({ intent: "retryAll", expected: String(failed) }), {
      cookie: organizer,
    });
    expect(res.status).toBe(302);
    await mail.waitForMailTo("failed-1@example.org");
    await mail.waitForMailTo("failed-2@example.org");
    expect(
      demo.count("SELECT count(*) AS n FROM audit_log WHERE action = 'message.retried' AND reason LIKE 'all failed%'"),
    ).toBe(failed);
  });
});
