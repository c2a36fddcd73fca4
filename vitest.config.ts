import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// The Remix Vite plugin is left out on purpose: tests import modules directly.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // The JSON report lets .ci/run print one "N passed, N failed" line that CI can read.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 90_000, hookTimeout: 180_000 },
      },
    ],
  },
});
