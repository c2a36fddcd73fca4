// The live service is handed its clock and its publisher (DESIGN §3): every accepted change reaches
// the publisher in seq order, a refused one only its automatic hides, and events carry the clock's time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { createLivePublisher, type LiveBroadcast } from "../../app/live/publisher.server";
import { createServices, type Services } from "../../app/services/index.server";
import { createTestDatabase, type TestDatabase } from "../support/db";

const SLUG = "zgc2026";
const AT = new Date("2026-06-20T14:00:00.000Z");
let db: TestDatabase;
let services: Services;
let organizer: SessionUser;
const heard: LiveBroadcast[] = [];

beforeAll(() => {
  db = createTestDatabase("demo");
  const publisher = createLivePublisher();
  publisher.subscribe((b) => heard.push(b));
  services = createServices(db.db, { sessionSecret: "s".repeat(32), clock: () => AT, publisher });
  const user = db.sqlite.prepare("SELECT id, email FROM users WHERE email = 'organizer@frontier.demo'").get() as {
    id: number;
    email: string;
  };
  organizer = { id: user.id, email: user.email, displayName: "", locale: "en", roles: ["organizer"] };
});
afterAll(() => db?.remove());

describe("the live service's publisher and clock", () => {
  it("publishes the snapshot at the start and each accepted command's updates, stamped with the injected clock", async () => {
    expect(await services.live.start(organizer, SLUG)).toEqual({ ok: true });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ slug: SLUG, updates: [], snapshot: { seq: 0 } });
    const entryId = heard[0]!.snapshot!.entries[0]!.id;
    const staged = await services.live.command(organizer, SLUG, { type: "stage", entryId });
    expect(staged).toMatchObject({ ok: true });
    expect(heard.at(-1)).toEqual({ slug: SLUG, updates: staged.ok ? staged.updates : [] });
    expect(heard.at(-1)!.updates.map((u) => u.seq)).toEqual([1]);
    const refused = await services.live.command(organizer, SLUG, { type: "reveal" });
    expect(refused).toEqual({ ok: false, kind: "conflict", code: "live.refusal.notClosed" });
    // A refused command is heard too (the control room follows every step), with nothing public in it.
    expect(heard.at(-1)).toEqual({ slug: SLUG, updates: [] });
    const times = db.sqlite.prepare("SELECT DISTINCT created_at AS at FROM live_events").all() as { at: string }[];
    expect(times).toEqual([{ at: AT.toISOString() }]);
    const audit = db.sqlite.prepare("SELECT at FROM audit_log WHERE action = 'live.started'").get() as { at: string };
    expect(audit.at).toBe(AT.toISOString());
  });
});
