import { defineConfig } from "vitest/config";

// Two projects: fast unit/integration tests (no browser), then end-to-end tests that
// drive Debian's Chromium against a built server. `npm test` runs them in that order.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
          exclude: ["test/e2e/**", "node_modules/**", "dist/**"],
          // Every newsroom interface catalogue, which the browser loads on demand.
          setupFiles: ["test/support/ui-catalogues.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
