import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "../../app/env.server";

describe("environment at start-up", () => {
  it("uses the documented defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", DATABASE_PATH: "data/frontier.db", NODE_ENV: "development", demo: false });
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
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) }).SESSION_SECRET).toHaveLength(32);
  });

  it("refuses a port out of range", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});
