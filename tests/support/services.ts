// The services over a copy of a test database, with the demo's organizer and judges as session
// users: what service-level integration tests share.
import { afterAll, beforeAll } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { createServices, type Services } from "../../app/services/index.server";
import { createTestDatabase, type TestDatabase } from "./db";

export type ServiceHarness = {
  readonly db: TestDatabase;
  readonly services: Services;
  readonly organizer: SessionUser;
  one<T>(sql: string, ...params: unknown[]): T;
  all<T>(sql: string, ...params: unknown[]): T[];
  /** The judge with this id as a signed-in user. */
  judgeUser(judgeId: number): SessionUser;
};

export function servicesForThisFile(kind: "empty" | "demo" = "demo"): ServiceHarness {
  let db: TestDatabase | undefined;
  let services: Services | undefined;
  let organizer: SessionUser | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the test database is not ready yet");
    return value;
  };
  const harness: ServiceHarness = {
    get db() {
      return ready(db);
    },
    get services() {
      return ready(services);
    },
    get organizer() {
      return ready(organizer);
    },
    one: <T>(sql: string, ...params: unknown[]) =>
      ready(db)
        .sqlite.prepare(sql)
        .get(...params) as T,
    all: <T>(sql: string, ...params: unknown[]) =>
      ready(db)
        .sqlite.prepare(sql)
        .all(...params) as T[],
    judgeUser(judgeId) {
      const u = harness.one<{ id: number; email: string }>(
        "SELECT u.id, u.email FROM users u JOIN judges j ON j.user_id = u.id WHERE j.id = ?",
        judgeId,
      );
      return { id: u.id, email: u.email, displayName: "", locale: "en", roles: ["judge"] };
    },
  };
  beforeAll(() => {
    db = createTestDatabase(kind);
    services = createServices(db.db, { sessionSecret: "s".repeat(32) });
    const user = db.sqlite
      .prepare("SELECT id, email, display_name FROM users WHERE email = 'organizer@frontier.demo'")
      .get() as { id: number; email: string; display_name: string } | undefined;
    if (user)
      organizer = {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        locale: "en",
        roles: ["organizer"],
      };
  });
  afterAll(() => db?.remove());
  return harness;
}
