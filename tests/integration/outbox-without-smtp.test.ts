// The demo has no mail server: messages wait in the outbox, and an organizer reads them there as
// they would arrive.
import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();

describe("without SMTP_URL", () => {
  it("keeps a message pending, untried, and readable at /admin/outbox", async () => {
    const res = await demo.post("/forgot-password", new URLSearchParams({ email: "entrant@frontier.demo" }));
    expect(res.status).toBe(200);
    expect(demo.server.output()).toContain("no SMTP_URL: messages wait in the outbox");
    await new Promise((r) => setTimeout(r, 1500));
    const [message] = demo.query<{ id: number; status: string; attempts: number; text_body: string }>(
      "SELECT id, status, attempts, text_body FROM outbox WHERE to_address = 'entrant@frontier.demo'",
    );
    expect(message).toMatchObject({ status: "pending", attempts: 0 });

    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const list = await (await demo.get("/admin/outbox?status=pending", { cookie: organizer })).text();
    expect(list).toContain("No mail server is configured");
    expect(list).toContain(`href="/admin/outbox/${message!.id}"`);
    const page = await demo.get(`/admin/outbox/${message!.id}`, { cookie: organizer });
    expect(page.status).toBe(200);
    const html = await page.text();
    const link = /\/reset-password\/[A-Za-z0-9_-]{43}/.exec(message!.text_body)![0];
    expect(html).toContain(link);
    expect(html).toContain("Cancel this message");
    // The link read in the outbox works like the one in the message would.
    expect((await demo.get(link)).status).toBe(200);
  });

  it("links the organizer's pages to the outbox, and the sign-in page to forgot-password", async () => {
    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    expect(await (await demo.get("/admin/rounds", { cookie: organizer })).text()).toContain('href="/admin/outbox"');
    expect(await (await demo.get("/login")).text()).toContain('href="/forgot-password"');
    expect(await (await demo.get("/forgot-password", { lang: "zh-CN" })).text()).toContain("忘记密码？");
  });
});
