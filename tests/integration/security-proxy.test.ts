// A server deployed behind a proxy, as production runs: TRUST_PROXY names the proxy, PUBLIC_URL
// the address people use. Client addresses come only from the trusted proxy, every link starts
// with PUBLIC_URL whatever Host a request names, and lockouts stay with the address that failed.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const PUBLIC_URL = "https://frontier.example.org";
const demo = demoServerForThisFile({ TRUST_PROXY: "loopback", PUBLIC_URL });
const JUDGE = { email: "judge@frontier.demo", password: "frontier-judge" };
const ORGANIZER = { email: "organizer@frontier.demo", password: "frontier-organizer" };
const from = (address: string) => ({ headers: { "X-Forwarded-For": address } });

/** A GET with a Host header of our choosing (fetch will not forge one). */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(demo.url + path);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: { Host: host, "Accept-Language": "en" },
      },
      (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("behind a trusted proxy", () => {
  it("locks out the address that guessed wrong, lets the judge in from the venue, and lets an organizer lift the lock", async () => {
    for (let i = 0; i < 5; i++)
      await demo.post(
        "/login",
        new URLSearchParams({ email: JUDGE.email, password: `guess-${i}` }),
        from("198.51.100.7"),
      );
    const stranger = await demo.post("/login", new URLSearchParams(JUDGE), from("198.51.100.7"));
    expect(await stranger.text()).toMatch(/Too many attempts/);
    const venue = await demo.post("/login", new URLSearchParams(JUDGE), from("10.20.30.40"));
    expect(venue.status).toBe(302);

    const signIn = await demo.post("/login", new URLSearchParams(ORGANIZER), from("10.20.30.41"));
    const organizer = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const page = await (
      await demo.get(`/admin/users?q=${encodeURIComponent(JUDGE.email)}`, { cookie: organizer })
    ).text();
    expect(page).toContain("Sign-in is paused for 1 address after repeated wrong passwords.");
    const userId = demo.query<{ id: number }>(`SELECT id FROM users WHERE email = ?`, JUDGE.email)[0]!.id;
    const unlock = await demo.post(
      "/admin/users",
      new URLSearchParams({ form: "unlock", userId: String(userId), reason: "judge on the phone, confirmed" }),
      { cookie: organizer },
    );
    expect(unlock.status).toBe(302);
    expect((await demo.post("/login", new URLSearchParams(JUDGE), from("198.51.100.7"))).status).toBe(302);
    expect(
      demo.count(`SELECT count(*) AS n FROM audit_log WHERE action = 'user.unlocked' AND subject_id = ?`, userId),
    ).toBe(1);
  });

  it("starts the big screen's QR link and an invitation link with PUBLIC_URL, whatever Host the request names", async () => {
    const screen = await getWithHost("/live/zgc2026", "evil.example");
    expect(screen.status).toBe(200);
    // The page carries the loader's data for hydration: the QR code's link is in it, as text.
    expect(screen.body).toContain(`${PUBLIC_URL}/live/zgc2026`);
    expect(screen.body).not.toContain("evil.example");
    const organizer = (await demo.post("/login", new URLSearchParams(ORGANIZER), from("10.20.30.42"))).headers
      .get("set-cookie")!
      .split(";")[0]!;
    const judgeId = demo.query<{ id: number }>(`SELECT id FROM judges ORDER BY id DESC LIMIT 1`)[0]!.id;
    const invite = await demo.post(`/admin/judges/${judgeId}`, new URLSearchParams({ form: "invite" }), {
      cookie: organizer,
      headers: { Host: "evil.example" },
    });
    const html = await invite.text();
    expect(html).toContain(`${PUBLIC_URL}/invite/`);
    expect(html).not.toContain("evil.example/invite");
  });

  it("accepts forms from the PUBLIC_URL origin only", async () => {
    const ours = await demo.post("/login", new URLSearchParams(JUDGE), {
      headers: { Origin: PUBLIC_URL, "X-Forwarded-For": "10.9.9.9" },
    });
    expect(ours.status).toBe(302);
    const byHost = await demo.post("/login", new URLSearchParams(JUDGE), {
      headers: { Origin: demo.url, "X-Forwarded-For": "10.9.9.9" },
    });
    expect(byHost.status).toBe(403);
  });
});
