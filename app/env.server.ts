import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("data/frontier.db"),
  // Long enough to resist guessing; production must bring its own.
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // "1" makes the server seed the demo competition into an empty database and invent a session secret.
  FRONTIER_DEMO: z.enum(["0", "1"]).default("0"),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export type Env = z.infer<typeof envSchema> & { demo: boolean };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses the environment; the error message is one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new EnvError(`invalid environment: ${problems}`);
  }
  const env = parsed.data;
  const demo = env.FRONTIER_DEMO === "1";
  if (env.NODE_ENV === "production" && !demo && !env.SESSION_SECRET) {
    throw new EnvError("invalid environment: SESSION_SECRET is required in production (32+ characters)");
  }
  return { ...env, demo };
}
