import { afterEach, beforeEach, vi } from "vitest";

// An error logged is a bug somebody will meet later: make it fail the test that caused it.
let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (logged.length > 0) {
    const first = logged[0]!.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" ");
    throw new Error(`console.error was called ${logged.length} time(s); first: ${first}`);
  }
});
