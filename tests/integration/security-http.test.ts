// The HTTP side's defences, on the real server: junk forms cannot take it down, sessions end when
// they should, sign-in says nothing about who has an account and cannot be turned into a lockout,
// redirects stay on the site, invitations are single use, signed-in pages are never cached.
import http from "node:http";
import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const ORGANIZER = { email: "organizer@frontier.demo", password: "frontier-organizer" };
const ENTRANT = { email: "entrant@frontier.demo", password: "frontier-entrant" };
const raw = (path: string, body: string | Uint8Array<ArrayBuffer>, type: string, cookie = "", method = "POST") =>
  fetch(demo.url + path, {
    method,
    body,
    headers: { Origin: demo.url, "Content-Type": type, "Accept-Language": "en", ...(cookie ? { Cookie: cookie } : {}) },
    redirect: "manual",
  });
const healthy = async () => (await fetch(demo.url + "/healthz")).status === 200;
const users = () => demo.count(`SELECT count(*) AS n FROM users`);

describe("forms that no page of this site sends", () => {
  it("refuses a sign-in carrying a huge list index at once, and keeps serving everyone", async () => {
    const started = Date.now();
    const res = await raw("/login", "email=x&password=x&junk[100000000]=z", "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("This form has a list index out of range.");
    const chinese = await fetch(demo.url + "/login", {
      method: "POST",
      body: "email=x&junk[100000000]=z",
      headers: { Origin: demo.url, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "zh-CN" },
    });
    expect(await chinese.text()).toBe("表单列表序号超出范围。");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await healthy()).toBe(true);
  });

  it("refuses an entry form with a team member at index 100000 and stores nothing", async () => {
    const cookie = await demo.signIn(ENTRANT.email, ENTRANT.password);
    const entries = demo.count(`SELECT count(*) AS n FROM entries`);
    const res = await raw(
      "/me/entries/new",
      "intent=save&title_en=x&team[100000].name=z",
      "application/x-www-form-urlencoded",
      cookie,
    );
    expect(res.status).toBe(400);
    expect(demo.count(`SELECT count(*) AS n FROM entries`)).toBe(entries);
    expect(await healthy()).toBe(true);
  });

  it("answers a form within the limits with a small page, not an echo of its junk", async () => {
    const res = await raw("/login", `email=x&password=x&junk[${200}]=z`, "application/x-www-form-urlencoded");
    expect(res.status).toBeLessThan(500);
    expect((await res.text()).length).toBeLessThan(200_000);
  });

  it("refuses too many fields, names nested too deeply, and names no form uses", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join("&");
    expect((await raw("/login", many, "application/x-www-form-urlencoded")).status).toBe(413);
    expect((await raw("/login", "a.b.c.d.e=1", "application/x-www-form-urlencoded")).status).toBe(400);
    expect((await raw("/login", "__proto__[x]=1&%00=2", "application/x-www-form-urlencoded")).status).toBe(400);
  });

  it("refuses text that is not UTF-8 instead of storing replacement characters", async () => {
    const before = users();
    const body = "email=bad-utf8%40example.org&password=long-enough-password&displayName=%C3%28%FF";
    const res = await raw("/signup", body, "application/x-www-form-urlencoded");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("not valid UTF-8");
    const multipart = new Uint8Array([
      ...Buffer.from('--b\r\nContent-Disposition: form-data; name="displayName"\r\n\r\n'),
      0xc3,
      0x28,
      ...Buffer.from("\r\n--b--\r\n"),
    ]);
    expect((await raw("/signup", multipart, "multipart/form-data; boundary=b")).status).toBe(400);
    expect(users()).toBe(before);
  });

  it("answers malformed multipart, JSON and plain-text bodies, and unknown methods, with 4xx", async () => {
    expect((await raw("/login", "--x\r\nnot a part", "multipart/form-data; boundary=b")).status).toBe(400);
    expect((await raw("/login", '{"email":"x"}', "application/json")).status).toBe(415);
    expect((await raw("/login", "email=x", "text/plain")).status).toBe(415);
    for (const method of ["PUT", "DELETE", "PATCH"])
      expect((await raw("/login", "", "text/plain", "", method)).status).toBe(405);
    expect((await fetch(demo.url + "/", { method: "OPTIONS" })).status).toBe(204);
    // fetch will not send TRACE: a plain request does, as a scanner would.
    const trace = await new Promise<number>((resolve, reject) => {
      const url = new URL(demo.url);
      const req = http.request({ host: url.hostname, port: url.port, path: "/login", method: "TRACE" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(trace).toBe(405);
    expect(await healthy()).toBe(true);
  });
});

describe("sessions", () => {
  it("ends a session on the server when its holder signs out: a copy of the old cookie no longer works", async () => {
    const cookie = await demo.signIn(ENTRANT.email, ENTRANT.password);
    expect((await demo.get("/me", { cookie })).status).toBe(200);
    await demo.post("/logout", new URLSearchParams(), { cookie });
    expect((await demo.get("/me", { cookie })).status).toBe(302);
  });

  it("ends every open session of an account when an organizer sets a new password for it", async () => {
    const organizer = await demo.signIn(ORGANIZER.email, ORGANIZER.password);
    const stolen = await demo.signIn(ENTRANT.email, ENTRANT.password);
    const userId = demo.query<{ id: number }>(`SELECT id FROM users WHERE email = ?`, ENTRANT.email)[0]!.id;
    const reset = await demo.post(
      "/admin/users",
      new URLSearchParams({
        form: "password",
        userId: String(userId),
        password: ENTRANT.password,
        reason: "account compromised",
      }),
      { cookie: organizer },
    );
    expect(reset.status).toBe(302);
    expect((await demo.get("/me", { cookie: stolen })).status).toBe(302);
    expect(
      demo.count(
        `SELECT count(*) AS n FROM sessions WHERE user_id = ? AND revoked_reason = 'password_changed'`,
        userId,
      ),
    ).toBeGreaterThan(0);
    expect((await demo.get("/me", { cookie: await demo.signIn(ENTRANT.email, ENTRANT.password) })).status).toBe(200);
  });

  it("stores only a hash of the session id, so a copy of the database opens no session", async () => {
    const cookie = await demo.signIn(ENTRANT.email, ENTRANT.password);
    const id = decodeURIComponent(cookie.split("=")[1]!);
    const stored = demo.query<{ id_hash: string }>(`SELECT id_hash FROM sessions`).map((r) => r.id_hash);
    expect(stored.some((hash) => id.includes(hash))).toBe(false);
    expect(stored.length).toBeGreaterThan(0);
  });

  it("marks every page for a signed-in user private and never stored, and leaves public pages cacheable", async () => {
    const cookie = await demo.signIn(ENTRANT.email, ENTRANT.password);
    for (const path of ["/me", "/", "/c/zgc2026"])
      expect((await demo.get(path, { cookie })).headers.get("cache-control"), path).toBe("private, no-store");
    expect((await demo.get("/")).headers.get("cache-control") ?? "").not.toContain("private");
    const signIn = await demo.post("/login", new URLSearchParams(ENTRANT));
    expect(signIn.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("sign-in", () => {
  async function median(email: string) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await demo.post("/login", new URLSearchParams({ email, password: `wrong-${i}-${email}` }));
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2]!;
  }

  it("takes as long for an unknown address and an invited judge without a password as for a wrong password", async () => {
    const invited = demo.query<{ email: string }>(`SELECT email FROM users WHERE password_hash LIKE '!%' LIMIT 1`)[0]!
      .email;
    const [real, unknown, judge] = [
      await median("entrant@frontier.demo"),
      await median("nobody-here@example.org"),
      await median(invited),
    ];
    // Each path verifies one scrypt hash; an invited judge used to answer in a few ms.
    for (const other of [unknown, judge]) {
      expect(other / real).toBeGreaterThan(0.5);
      expect(other / real).toBeLessThan(2);
    }
  });

  it("does not let an X-Forwarded-For header pose as a new address when no proxy is trusted", async () => {
    const email = "judge@frontier.demo";
    for (let i = 0; i < 5; i++) {
      await demo.post("/login", new URLSearchParams({ email, password: `guess-${i}` }), {
        headers: { "X-Forwarded-For": `203.0.113.${i}` },
      });
    }
    const res = await demo.post("/login", new URLSearchParams({ email, password: "frontier-judge" }), {
      headers: { "X-Forwarded-For": "203.0.113.99" },
    });
    expect(await res.text()).toMatch(/Too many attempts/);
  });
});

describe("redirects", () => {
  it("keeps the language switch and sign-in on this site, whatever redirectTo says, and never answers 500", async () => {
    const cases = [
      "/\\evil.example/",
      "//evil.example/",
      "/\t/evil.example",
      "https://evil.example/",
      "/%0d%0aSet-Cookie:x=1",
      "/r\u00e9sultats?x=\u4e2d",
      "/\u0000x",
      "/a\r\nX-Injected: 1",
    ];
    for (const redirectTo of cases) {
      const res = await demo.post("/locale", new URLSearchParams({ locale: "en", redirectTo }));
      expect(res.status, redirectTo).toBe(302);
      const location = res.headers.get("location")!;
      expect(
        location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"),
        `${redirectTo} → ${location}`,
      ).toBe(true);
      expect(new URL(location, demo.url).origin).toBe(demo.url);
    }
    const login = await demo.post("/login", new URLSearchParams({ ...ORGANIZER, redirectTo: "/\\evil.example/" }));
    expect(login.headers.get("location")).toBe("/");
    const page = await demo.get(`/login?redirectTo=${encodeURIComponent("/\u0007\u00ff")}`);
    expect(page.status).toBeLessThan(500);
  });
});

describe("invitations", () => {
  it("signs in exactly one of two tabs that accept the same invitation at the same moment", async () => {
    const organizer = await demo.signIn(ORGANIZER.email, ORGANIZER.password);
    const judgeId = demo.query<{ id: number }>(
      `SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.password_hash LIKE '!%' ORDER BY j.id DESC LIMIT 1`,
    )[0]!.id;
    const page = await (
      await demo.post(`/admin/judges/${judgeId}`, new URLSearchParams({ form: "invite" }), { cookie: organizer })
    ).text();
    const link = /(http:\/\/[^"<\s]+\/invite\/[\w.-]+)/.exec(page)?.[1];
    expect(link?.startsWith(demo.url + "/invite/")).toBe(true);
    const path = new URL(link!).pathname;
    const accept = (password: string) => demo.post(path, new URLSearchParams({ password, confirm: password }));
    const answers = await Promise.all([accept("first-tab-password-1"), accept("second-tab-password-2")]);
    const signedIn = answers.filter((a) => a.status === 302 && a.headers.get("set-cookie")?.includes("__session="));
    expect(signedIn).toHaveLength(1);
    expect(
      demo.count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'user.invite_accepted' AND subject_id = (SELECT user_id FROM judges WHERE id = ?)`,
        judgeId,
      ),
    ).toBe(1);
  });
});
