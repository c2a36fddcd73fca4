// The pages that send messages, on the built server: the judges page's invitation preview and its
// confirmation, the dashboard's reminder preview and its hourly limit, and the publish preview's
// count of entrants e-mailed. The outbox is read from the server's database.
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let organizer = "";
const fingerprintIn = (html: string, form: string) =>
  new RegExp(`name="form" value="${form}"/><input type="hidden" name="fingerprint" value="([^"]+)"`).exec(html)?.[1];
const outbox = (kind: string) => demo.count("SELECT count(*) n FROM outbox WHERE kind = ?", kind);

beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
});

describe("sending messages from the organizer's pages", () => {
  it("shows how many judges and who get an invitation, asks to confirm, then writes one message each", async () => {
    const waiting = demo.count(
      `SELECT count(*) n FROM judges j JOIN users u ON u.id = j.user_id WHERE j.accepted_at IS NULL AND u.disabled_at IS NULL`,
    );
    const page = await (await demo.get("/admin/judges", { cookie: organizer })).text();
    expect(page).toContain(`${waiting} judges will get an invitation: ${waiting} for the first time, 0 again.`);
    const fingerprint = fingerprintIn(page, "invite-all")!;
    expect(fingerprint).toBeTruthy();

    const unconfirmed = await demo.post("/admin/judges", new URLSearchParams({ form: "invite-all", fingerprint }), {
      cookie: organizer,
    });
    expect(unconfirmed.status).toBe(400);
    expect(outbox("judge.invitation")).toBe(0);

    const sent = await demo.post(
      "/admin/judges",
      new URLSearchParams({ form: "invite-all", fingerprint, confirm: "on" }),
      { cookie: organizer },
    );
    expect(sent.status).toBe(302);
    expect(outbox("judge.invitation")).toBe(waiting);
    // The same confirmation again (a double click) is refused: the list changed.
    const again = await demo.post(
      "/admin/judges",
      new URLSearchParams({ form: "invite-all", fingerprint, confirm: "on" }),
      { cookie: organizer },
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("The list changed since you looked");
    expect(outbox("judge.invitation")).toBe(waiting);
    const after = await (await demo.get("/admin/judges", { cookie: organizer })).text();
    // Nobody accepted since: the same judges would now all get a re-send.
    expect(after).toContain(`${waiting} judges will get an invitation: 0 for the first time, ${waiting} again.`);
  });

  it("previews the reminders on the dashboard and refuses a second round of them within the hour", async () => {
    const page = await (await demo.get("/admin/rounds/domain/dashboard", { cookie: organizer })).text();
    const summary = /data-testid="remind-summary">([^<]+)</.exec(page)![1]!;
    const n = Number(/(\d+) judges will get a reminder/.exec(summary)?.[1] ?? (summary.startsWith("One") ? 1 : NaN));
    expect(n).toBeGreaterThan(0);
    const fingerprint = fingerprintIn(page, "remind")!;
    const sent = await demo.post(
      "/admin/rounds/domain/dashboard",
      new URLSearchParams({ form: "remind", fingerprint, confirm: "on" }),
      { cookie: organizer },
    );
    expect(sent.status).toBe(302);
    expect(outbox("judge.reminder")).toBe(n);
    const repeat = await demo.post(
      "/admin/rounds/domain/dashboard",
      new URLSearchParams({ form: "remind", fingerprint, confirm: "on" }),
      { cookie: organizer },
    );
    expect(repeat.status).toBe(409);
    expect(await repeat.text()).toContain("reminded less than an hour ago");
    expect(outbox("judge.reminder")).toBe(n);
  });

  it("says in the publish preview how many entrants will be e-mailed", async () => {
    demo.run("UPDATE rounds SET status = 'closed', closes_at = '2026-11-20T00:00:00.000Z' WHERE slug = 'domain'");
    const competing = demo.count(
      `SELECT count(*) n FROM round_entries re JOIN entries e ON e.id = re.entry_id JOIN rounds r ON r.id = re.round_id
       WHERE r.slug = 'domain' AND e.status = 'submitted'`,
    );
    const page = await (await demo.get("/admin/rounds/domain/results", { cookie: organizer })).text();
    expect(page).toContain(`${competing} entrants will be e-mailed their outcome`);
  });
});
