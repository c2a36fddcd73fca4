// A whole panel signing in at the venue, behind one address (the venue's NAT): 36 judges and the
// organizers, typos and password resets included, all get in; guessing one account's password
// from that same address is still stopped, and stops only that account.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const PANEL = 36;
const TYPOS = 3;
const PASSWORD = "frontier-judge";
const judgeEmail = (n: number) => `venue-judge-${String(n).padStart(2, "0")}@frontier.demo`;

/** 36 judge accounts with the demo judge's password, written before the server starts. */
function addPanel(file: string) {
  const db = new Database(file);
  try {
    const { password_hash: hash } = db
      .prepare(`SELECT password_hash FROM users WHERE email = 'judge@frontier.demo'`)
      .get() as { password_hash: string };
    for (let n = 1; n <= PANEL; n++) {
      const user = db
        .prepare(`INSERT INTO users (email, password_hash, display_name) VALUES (?, ?, ?)`)
        .run(judgeEmail(n), hash, `Venue judge ${n}`);
      db.prepare(`INSERT INTO user_roles (user_id, role) VALUES (?, 'judge')`).run(user.lastInsertRowid);
    }
  } finally {
    db.close();
  }
}

const demo = demoServerForThisFile({}, addPanel);
const signIn = (email: string, password: string) => demo.post("/login", new URLSearchParams({ email, password }));

describe("signing in at a venue behind one address", () => {
  it("lets all 36 judges and the organizer in from one address, each after a few typos", async () => {
    // 36 × 3 typos is over what one address used to be allowed in ten minutes (30, then 100).
    for (let n = 1; n <= PANEL; n++) {
      const typos = n % 4 === 0 ? 0 : TYPOS;
      for (let i = 0; i < typos; i++) expect((await signIn(judgeEmail(n), `${PASSWORD}-typo${i}`)).status).toBe(400);
      const ok = await signIn(judgeEmail(n), PASSWORD);
      expect(ok.status, judgeEmail(n)).toBe(302);
      expect(ok.headers.get("set-cookie")).toMatch(/^__session=|session/);
    }
    expect((await signIn("organizer@frontier.demo", "frontier-organizr")).status).toBe(400);
    expect((await signIn("organizer@frontier.demo", "frontier-organizer")).status).toBe(302);
  });

  it("sends a password reset to every judge of the panel who asks for one from the venue's address", async () => {
    const answers = await Promise.all(
      Array.from({ length: PANEL }, (_, i) =>
        demo.post("/forgot-password", new URLSearchParams({ email: judgeEmail(i + 1) })),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(PANEL).fill(200));
    const queued = demo.count(`SELECT COUNT(*) AS n FROM password_resets`);
    expect(queued).toBeGreaterThanOrEqual(PANEL);
  });

  it("stops guessing one account from the same address with a 429, while the others still sign in", async () => {
    const target = judgeEmail(1);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn(target, `guess-${i}`)).status);
    // Five wrong guesses of one account from one address, then it waits.
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const locked = await signIn(target, PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Too many attempts");
    for (const n of [2, 17, 36]) expect((await signIn(judgeEmail(n), PASSWORD)).status).toBe(302);
  });
});
