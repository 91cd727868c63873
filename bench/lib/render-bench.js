import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { onCleanup } from "./cleanup.js";
import { findFlagshipStoryPath } from "./server.js";
import { summarize } from "./stats.js";

/**
 * Cache-miss render: the built app in-process (no HTTP socket) against its own seeded
 * database (SQLite or PostgreSQL). The story's page is dropped from the page cache before
 * every request, as an edit of the story drops it (its `story:` tag), so each one is the full
 * miss path: DB reads, render, and storing the page (with its brotli and gzip variants,
 * compressed once at store). What no story edit changes (the service's sections and banner,
 * kept under their own tags) stays, as on a running site.
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
  const close = onCleanup(() => newsdesk.close());

  /**
   * One miss. These requests accept no encoding, so the page cache compresses nothing for
   * them (an encoding is made when a reader first accepts it); what a brotli or gzip reader's
   * miss adds is `compressMsP50`. Each miss is still followed by `settle()`, outside the timed
   * window, so nothing the cache does between requests is timed as the render.
   * @param {string} path
   */
  const request = async (path) => {
    const storyId = /-([0-9a-z]{12})$/.exec(path)?.[1];
    if (storyId) newsdesk.pageCache.invalidate([`story:${storyId}`]);
    else newsdesk.pageCache.clear();
    const res = await newsdesk.app.request(path);
    const body = await res.text();
    return { status: res.status, body };
  };

  return {
    close,
    /** Runs the measurement; call it while nothing else loads the CPU. */
    run: async () => {
      const home = await request("/english/");
      const storyPath = findFlagshipStoryPath(home.body);
      if (!storyPath) throw new Error("render bench: no /english/world/… story link on /english/");
      const first = await request(storyPath);
      if (first.status !== 200) {
        throw new Error(`render bench: ${storyPath} answered ${first.status}`);
      }
      const warmupEnd = performance.now() + maxMs / 4;
      for (let i = 0; i < warmup && performance.now() < warmupEnd; i++) {
        await request(storyPath);
        await newsdesk.pageCache.settle();
      }
      /** @type {number[]} */
      const samples = [];
      const started = performance.now();
      for (let i = 0; i < iterations; i++) {
        const t0 = performance.now();
        const { status } = await request(storyPath);
        samples.push(performance.now() - t0);
        await newsdesk.pageCache.settle();
        if (status !== 200) throw new Error(`render bench: ${storyPath} answered ${status}`);
        if (performance.now() - started > maxMs) break;
      }
      const elapsedMs = performance.now() - started;
      return {
        compressMsP50: compressCost(first.body),
        storyPath,
        htmlBytes: Buffer.byteLength(first.body),
        pagesPerSecond: (samples.length / elapsedMs) * 1000,
        ...summarize(samples),
      };
    },
  };
}

/**
 * What compressing the page costs (brotli quality 5 and gzip level 6, as
 * src/cache/page-cache.ts does as it stores the page), p50 of 21.
 * @param {string} html
 */
function compressCost(html) {
  const body = Buffer.from(html);
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < 21; i++) {
    const t0 = performance.now();
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    gzipSync(body, { level: 6 });
    times.push(performance.now() - t0);
  }
  return summarize(times).p50Ms;
}
