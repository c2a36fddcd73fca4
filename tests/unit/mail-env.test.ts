import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/env.server";

describe("mail settings at start-up", () => {
  it("send nothing without SMTP_URL, with sensible defaults for the rest", () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(parseEnv({})).toMatchObject({
      MAIL_FROM: "Frontier <noreply@frontier.invalid>",
      MAIL_RETRY_BASE_MS: 30_000,
      MAIL_RETRY_CAP_MS: 3_600_000,
      MAIL_MAX_ATTEMPTS: 12,
      MAIL_CONCURRENCY: 2,
    });
  });

  it("take an smtp:// or smtps:// URL, nothing else", () => {
    expect(parseEnv({ SMTP_URL: "smtps://user:secret@mail.example.org:465" }).SMTP_URL).toBe(
      "smtps://user:secret@mail.example.org:465",
    );
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }).SMTP_URL).toBe("smtp://127.0.0.1:2525");
    expect(() => parseEnv({ SMTP_URL: "https://mail.example.org" })).toThrow(/SMTP_URL: must be an smtp:\/\//);
    expect(() => parseEnv({ SMTP_URL: "mail.example.org" })).toThrow(/SMTP_URL/);
  });

  it("take a sender as an address, optionally with a name", () => {
    expect(parseEnv({ MAIL_FROM: "noreply@example.org" }).MAIL_FROM).toBe("noreply@example.org");
    expect(parseEnv({ MAIL_FROM: "Frontier 2026 <noreply@example.org>" }).MAIL_FROM).toBe(
      "Frontier 2026 <noreply@example.org>",
    );
    for (const bad of ["Frontier", "Frontier <noreply>", "a@b", "x <a@b.c"])
      expect(() => parseEnv({ MAIL_FROM: bad }), bad).toThrow(/MAIL_FROM/);
  });

  it("let tests shorten the retry wait, within bounds", () => {
    expect(parseEnv({ MAIL_RETRY_BASE_MS: "200" }).MAIL_RETRY_BASE_MS).toBe(200);
    expect(() => parseEnv({ MAIL_RETRY_BASE_MS: "0" })).toThrow(/MAIL_RETRY_BASE_MS/);
    expect(() => parseEnv({ MAIL_MAX_ATTEMPTS: "0" })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});
