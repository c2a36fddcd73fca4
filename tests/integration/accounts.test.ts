import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  demo.post(path, new URLSearchParams(fields), { headers: { ...headers } });
const page = (path: string, cookie = "", lang = "en") => demo.get(path, { cookie, lang });
const sessionCookie = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";
const readDb = <T>(sql: string, ...params: unknown[]) => demo.query<T>(sql, ...params)[0] as T;

/** The text of the error element Conform renders under a field (its id ends in `<field>-error`). */
const errorAt = (html: string, field: string) =>
  new RegExp(`id="[^"]*-${field}-error"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;

describe("accounts: signing up", () => {
  it("signs a new entrant up, keeps them signed in with a signed HttpOnly cookie, and stores only a slow hash", async () => {
    const res = await form("/signup", {
      displayName: "Amira Haddad",
      email: "Amira.Haddad@Example.org",
      password: "quantum-dots-2026",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/me");
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await page("/me", sessionCookie(res));
    expect(me.status).toBe(200);
    expect(await me.text()).toContain("My entries");
    const stored = readDb<{ email: string; password_hash: string; role: string }>(
      "SELECT u.email, u.password_hash, r.role FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.email = 'amira.haddad@example.org'",
    );
    expect(stored.role).toBe("entrant");
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain("quantum-dots-2026");
  });

  it("explains bad sign-up input at each field, in the reader's language, and stores nothing", async () => {
    const before = readDb<{ n: number }>("SELECT count(*) n FROM users").n;
    const en = await (await form("/signup", { displayName: "", email: "not-an-email", password: "short" })).text();
    expect(en).toContain("Please enter a valid e-mail address.");
    expect(en).toContain("The password needs at least 10 characters.");
    expect(en).toContain("Please fill this in.");
    const zh = await (
      await form("/signup", { displayName: "<b>x</b>", email: "x", password: "short" }, { "Accept-Language": "zh-CN" })
    ).text();
    expect(zh).toContain("请输入有效的电子邮箱地址。");
    expect(readDb<{ n: number }>("SELECT count(*) n FROM users").n).toBe(before);
  });

  it("tells an entrant whose e-mail is already registered, at the e-mail field", async () => {
    const html = await (
      await form("/signup", { displayName: "Someone", email: "entrant@frontier.demo", password: "a-long-password" })
    ).text();
    expect(html).toContain("An account with this e-mail already exists.");
  });
});

describe("accounts: signing in", () => {
  it("signs the demo entrant in and shows only their own entries", async () => {
    const res = await form("/login", {
      email: "entrant@frontier.demo",
      password: "frontier-entrant",
      redirectTo: "/me",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/me");
    const html = await (await page("/me", sessionCookie(res))).text();
    const own = readDb<{ code: string }>(
      "SELECT e.code FROM entries e JOIN users u ON u.id = e.entrant_user_id WHERE u.email = 'entrant@frontier.demo'",
    );
    const codes = new Set(html.match(/[A-Z]{2,3}-[A-Z0-9]{2,3}-\d{4}/g));
    expect([...codes]).toEqual([own.code]);
    // The published regional round shows its outcome and the organizers' feedback.
    expect(html).toContain("Feedback from the organizers");
    const text = html.replace(/<!-- -->/g, "");
    expect(text).toMatch(/Regional round<\/span> · Advanced · <span[^>]*>Rank \d+ of \d+ in /);
    expect(text).toContain("Domain round</span> · Under review");
  });

  it("refuses a wrong password without saying whether the account exists", async () => {
    const wrong = await (await form("/login", { email: "judge@frontier.demo", password: "not-it-at-all" })).text();
    const unknown = await (await form("/login", { email: "nobody@example.org", password: "not-it-at-all" })).text();
    expect(wrong).toContain("The e-mail or the password is not right.");
    expect(unknown).toContain("The e-mail or the password is not right.");
  });

  it("locks an account after repeated failures, even against the right password", async () => {
    for (let i = 0; i < 5; i++)
      await form("/login", { email: "organizer@frontier.demo", password: `guess-number-${i}` });
    const res = await form("/login", { email: "organizer@frontier.demo", password: "frontier-organizer" });
    expect(res.status).toBe(429);
    expect(await res.text()).toMatch(/Too many attempts\. Please try again in \d+ minutes?\./);
  });
});

describe("accounts: sessions and cross-site posts", () => {
  it("sends anonymous visitors to sign in and back, and refuses users without the role", async () => {
    const anonymous = await page("/me");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Fme");
    const judge = await form("/login", { email: "judge@frontier.demo", password: "frontier-judge" });
    expect((await page("/me", sessionCookie(judge))).status).toBe(403);
  });

  it("ignores a session cookie that was tampered with", async () => {
    const res = await form("/login", { email: "entrant@frontier.demo", password: "frontier-entrant" });
    const cookie = sessionCookie(res);
    const [name, value] = cookie.split("=") as [string, string];
    const forged = `${name}=${encodeURIComponent(btoa(JSON.stringify({ userId: 1 })))}.${value.split(".")[1] ?? ""}`;
    expect((await page("/me", forged)).status).toBe(302);
    expect((await page("/me", cookie)).status).toBe(200);
  });

  it("refuses a cross-site form post", async () => {
    const fromElsewhere = await form(
      "/login",
      { email: "entrant@frontier.demo", password: "frontier-entrant" },
      { Origin: "https://evil.example" },
    );
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers.get("set-cookie")).toBeNull();
    const noOrigin = await fetch(demo.url + "/logout", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(noOrigin.status).toBe(403);
    // An opaque origin cannot be matched to this site.
    const opaque = await form(
      "/login",
      { email: "entrant@frontier.demo", password: "frontier-entrant" },
      { Origin: "null" },
    );
    expect(opaque.status).toBe(403);
    expect(await opaque.text()).toContain("Cross-site request refused");
  });

  it("signs out", async () => {
    const res = await form("/login", { email: "entrant@frontier.demo", password: "frontier-entrant" });
    const cookie = sessionCookie(res);
    const out = await form("/logout", {}, { Cookie: cookie });
    expect(out.status).toBe(302);
    expect(out.headers.get("set-cookie")).toMatch(/__session=;.*Expires=Thu, 01 Jan 1970/i);
  });
});

describe("accounts: how a refused form is answered", () => {
  it("answers bad sign-up input with 400 and each message at its field", async () => {
    const res = await form("/signup", { displayName: "Someone", email: "not-an-email", password: "short" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorAt(html, "email")).toBe("Please enter a valid e-mail address.");
    expect(errorAt(html, "password")).toBe("The password needs at least 10 characters.");
  });

  it("answers a sign-up with a registered e-mail with 409 and the message at the e-mail field", async () => {
    const res = await form("/signup", {
      displayName: "Someone",
      email: "entrant@frontier.demo",
      password: "a-long-password",
    });
    expect(res.status).toBe(409);
    expect(errorAt(await res.text(), "email")).toBe("An account with this e-mail already exists. Sign in instead?");
  });

  it("answers a wrong password with 400 and a throttled sign-in with 429", async () => {
    const wrong = await form("/login", { email: "judge004@frontier.demo", password: "not-the-password" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("The e-mail or the password is not right.");
    for (let i = 0; i < 5; i++) await form("/login", { email: "judge003@frontier.demo", password: `guess-${i}` });
    const throttled = await form("/login", { email: "judge003@frontier.demo", password: "guess-again" });
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toMatch(/Too many attempts/);
  });
});
