import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, trustProxySetting } from "../../app/env.server";

describe("environment at start-up", () => {
  it("uses the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      DATABASE_PATH: "data/frontier.db",
      NODE_ENV: "development",
      demo: false,
    });
  });

  it("names every invalid variable in one line", () => {
    expect(() => parseEnv({ PORT: "eighty", SESSION_SECRET: "short" })).toThrow(EnvError);
    try {
      parseEnv({ PORT: "eighty", SESSION_SECRET: "short" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^invalid environment: /);
      expect(message).toContain("PORT");
      expect(message).toContain("SESSION_SECRET: must be at least 32 characters");
      expect(message).not.toContain("\n");
    }
  });

  it("refuses to run in production without a session secret, unless it is the demo", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET is required in production/);
    expect(parseEnv({ NODE_ENV: "production", FRONTIER_DEMO: "1" }).demo).toBe(true);
    expect(
      parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), PUBLIC_URL: "https://frontier.example.org" })
        .SESSION_SECRET,
    ).toHaveLength(32);
  });

  it("refuses production without the public address every link starts with, and keeps only its origin", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) })).toThrow(
      /PUBLIC_URL is required in production/,
    );
    expect(() => parseEnv({ PUBLIC_URL: "javascript:alert(1)" })).toThrow(/PUBLIC_URL: must be an http\(s\) URL/);
    expect(parseEnv({ PUBLIC_URL: "https://frontier.example.org/some/path?x=1" }).PUBLIC_URL).toBe(
      "https://frontier.example.org",
    );
  });

  it("trusts no proxy unless told which, in the forms Express accepts", () => {
    expect(trustProxySetting(parseEnv({}).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY)).toBe(1);
    expect(trustProxySetting(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8" }).TRUST_PROXY)).toEqual([
      "loopback",
      "10.0.0.0/8",
    ]);
    expect(() => parseEnv({ TRUST_PROXY: "anything goes!" })).toThrow(/TRUST_PROXY/);
  });

  it("refuses a port out of range", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});
