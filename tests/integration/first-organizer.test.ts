// A fresh installation in production: nobody can sign in until the first organizer is made on the
// server with `npm run organizer:create`; the log and the front door both say how.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../app/services/passwords.server";
import { startServer, type RunningServer } from "../support/server-process";

const root = path.resolve(import.meta.dirname, "../..");
let dir = "";
let file = "";
let server: RunningServer;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs the command as an operator would, with no terminal attached. */
function organizerCreate(args: string[], password?: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "db/cli/organizer-create.ts", ...args], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DATABASE_PATH: file,
      ...(password ? { FRONTIER_PASSWORD: password } : {}),
    } as NodeJS.ProcessEnv,
    input: "",
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * One request on its own connection: the steps between requests run the command for seconds, and a
 * kept-alive connection the server is closing at that moment would fail the next request.
 */
function request(pathname: string, options: { body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; html: string }>((resolve, reject) => {
    const req = http.request(
      server.url + pathname,
      { method: options.body === undefined ? "GET" : "POST", headers: options.headers, agent: false },
      (res) => {
        let html = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (html += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, html }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const page = (lang: string) => request("/", { headers: { "Accept-Language": lang } });

async function signIn(email: string, password: string) {
  const res = await request("/login", {
    body: new URLSearchParams({ email, password }).toString(),
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "en" },
  });
  return res.status;
}

const one = <T>(sql: string, ...params: unknown[]) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-fresh-"));
  file = path.join(dir, "frontier.db");
  const port = await freePort();
  server = await startServer({
    DATABASE_PATH: file,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: "a-secret-of-at-least-thirty-two-characters",
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a fresh production installation", () => {
  it("says in its log and on its front door how to make the first organizer, in the reader's language", async () => {
    // The hint follows the "listening" line the test waits for.
    const end = Date.now() + 10_000;
    while (!server.output().includes("no organizer yet") && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    expect(server.output()).toContain("no organizer yet: create the first one with npm run organizer:create --");
    const en = await page("en");
    expect(en.status).toBe(200);
    expect(en.html).toContain("No competition yet");
    expect(en.html).toContain("npm run organizer:create -- --email you@example.org");
    const zh = await page("zh-CN");
    expect(zh.status).toBe(200);
    expect(zh.html).toContain("请在服务器上创建第一位组委会成员");
  });

  it("refuses a bad e-mail, a short password and a missing one with one line each, and creates nobody", () => {
    const badEmail = organizerCreate(["--email", "not-an-address", "--name", "Wang Fang"], "long-enough-secret");
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr.trim()).toBe("organizer:create: email: Please enter a valid e-mail address.");
    const short = organizerCreate(["--email", "wang@example.org", "--name", "Wang Fang"], "short");
    expect(short.code).toBe(1);
    expect(short.stderr.trim()).toBe("organizer:create: password: The password needs at least 10 characters.");
    const none = organizerCreate(["--email", "wang@example.org", "--name", "Wang Fang"]);
    expect(none.code).toBe(1);
    expect(none.stderr.trim().split("\n")).toHaveLength(1);
    expect(none.stderr).toContain("FRONTIER_PASSWORD");
    expect(one<{ n: number }>("SELECT count(*) AS n FROM users").n).toBe(0);
  });

  it("creates the first organizer, who can then sign in, and the front door stops showing the command", async () => {
    const made = organizerCreate(["--email", "Wang@Example.org", "--name", "Wang Fang"], "long-enough-secret");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("created the organizer wang@example.org");
    expect(await signIn("wang@example.org", "long-enough-secret")).toBe(302);
    const audit = one<{ action: string; actor_user_id: number | null }>(
      "SELECT action, actor_user_id FROM audit_log ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual({ action: "user.organizer_created", actor_user_id: null });
    const en = await page("en");
    expect(en.html).toContain("No competition has been set up on this installation yet.");
    expect(en.html).not.toContain("npm run organizer:create");
  });

  it("makes an existing account an organizer without asking for or changing its password", async () => {
    const db = new Database(file);
    db.prepare("INSERT INTO users (email, password_hash, display_name) VALUES (?, ?, ?)").run(
      "li@example.org",
      await hashPassword("li-has-her-own-password"),
      "Li Na",
    );
    db.close();
    const promoted = organizerCreate(["--email", "li@example.org"]);
    expect(promoted.code).toBe(0);
    expect(promoted.stdout).toContain("li@example.org is now an organizer (its password is unchanged)");
    const roles = one<{ roles: string }>(
      "SELECT group_concat(role) AS roles FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.email = ?",
      "li@example.org",
    );
    expect(roles.roles).toBe("organizer");
    expect(await signIn("li@example.org", "li-has-her-own-password")).toBe(302);
    // Run again: nothing more to do, and it says so the same way.
    expect(organizerCreate(["--email", "li@example.org"]).code).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM user_roles WHERE role = 'organizer'").n).toBe(2);
  });
});
