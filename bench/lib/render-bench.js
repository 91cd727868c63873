import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { findFlagshipStoryPath } from "./server.js";
import { summarize } from "./stats.js";

/**
 * Cache-miss render: the built app in-process (no HTTP socket) against its own seeded SQLite
 * database. There is no page cache yet, so every request is a DB read plus a render.
 * @param {{ repoRoot: string, databaseUrl: string, warmup: number, iterations: number,
 *   maxMs: number }} options
 */
export async function prepareRenderBench({ repoRoot, databaseUrl, warmup, iterations, maxMs }) {
  const dist = (/** @type {string} */ file) => pathToFileURL(join(repoRoot, "dist", file)).href;
  const { createNewsdesk } = await import(dist("main.js"));
  const { loadConfig } = await import(dist("config/config.js"));
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "warn",
    SEED_DEMO: "always",
  });
  const newsdesk = await createNewsdesk(config);

  /** @param {string} path */
  const request = async (path) => {
    const res = await newsdesk.app.request(path);
    const body = await res.text();
    return { status: res.status, body };
  };

  return {
    close: () => newsdesk.close(),
    /** Runs the measurement; call it while nothing else loads the CPU. */
    run: async () => {
      const home = await request("/english/");
      const storyPath = findFlagshipStoryPath(home.body);
      if (!storyPath) throw new Error("render bench: no /english/world/… story link on /english/");
      const first = await request(storyPath);
      if (first.status !== 200) {
        throw new Error(`render bench: ${storyPath} answered ${first.status}`);
      }
      for (let i = 0; i < warmup; i++) await request(storyPath);
      /** @type {number[]} */
      const samples = [];
      const started = performance.now();
      for (let i = 0; i < iterations; i++) {
        const t0 = performance.now();
        const { status } = await request(storyPath);
        samples.push(performance.now() - t0);
        if (status !== 200) throw new Error(`render bench: ${storyPath} answered ${status}`);
        if (performance.now() - started > maxMs) break;
      }
      const elapsedMs = performance.now() - started;
      return {
        storyPath,
        htmlBytes: Buffer.byteLength(first.body),
        pagesPerSecond: (samples.length / elapsedMs) * 1000,
        ...summarize(samples),
      };
    },
  };
}
