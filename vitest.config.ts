import { defineConfig } from "vitest/config";

// Fast unit/integration tests (no browser) in two projects, then end-to-end tests that drive
// Debian's Chromium against a built server. `npm test` runs them in that order.
const unit = {
  include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
  exclude: ["test/e2e/**", "node_modules/**", "dist/**"],
  // Real ffmpeg encodes (clips, episodes, the demo's recordings) share two cores with the
  // other worker in CI.
  testTimeout: 90_000,
  hookTimeout: 60_000,
  // Every core: most files wait on SQLite, PostgreSQL, ffmpeg or sockets, and Vitest's default
  // (cores − 1) is a single worker on a two-core CI machine.
  maxWorkers: "100%",
};

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { ...unit, name: "unit", exclude: [...unit.exclude, "src/newsroom-ui/**"] },
      },
      {
        extends: true,
        test: {
          ...unit,
          name: "unit-newsroom-ui",
          include: ["src/newsroom-ui/**/*.test.{ts,tsx}"],
          // Every newsroom interface catalogue, which the browser loads on demand. Only these
          // files format messages in other languages; loading them costs about half a second
          // per file, so the other projects go without.
          setupFiles: ["test/support/ui-catalogues.ts"],
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
          // Tests marked concurrent (one edition each, in one browser) run two at a time: on
          // two cores one tab lays out or serves while the other runs axe-core.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
