// Live pages (issue 15), on their own: `npm run build && node bench/live-pages-bench.js`.
// Loopback only, bounded: one server child and the SSE load clients on 127.0.0.1.
// Options: --connections N (default 19000), --clients N (default 2), --skip-sse.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanupAll } from "./lib/cleanup.js";
import { runLivePageBench, runLiveSseBench } from "./lib/live-bench.js";
import { formatMs, formatTable, verdict } from "./lib/report.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const arg = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};

const dir = await mkdtemp(join(tmpdir(), "newsdesk-live-bench-"));
try {
  const page = await runLivePageBench({ repoRoot, dir, iterations: 30 });
  const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KB`;
  /** @type {import("./lib/report.js").Row[]} */
  const rows = [
    {
      benchmark: "Live page: post → visible on the server-rendered page (one instance)",
      requestsPerSecond: null,
      p50Ms: page.postToVisible.p50Ms,
      p99Ms: page.postToVisible.p99Ms,
      target: verdict(
        page.postToVisible.p99Ms <= 50,
        `${(page.postToVisible.p99Ms / 50).toFixed(2)}× (≤ 50 ms)`,
      ),
      notes: `${page.postToVisible.samples} posts, max ${formatMs(page.postToVisible.maxMs)}`,
    },
    {
      benchmark: "Live page, 20 posts: HTML+CSS+JS, raw",
      requestsPerSecond: null,
      p50Ms: null,
      p99Ms: null,
      target: verdict(
        page.rawBytes <= 50 * 1024,
        `${(page.rawBytes / 51200).toFixed(2)}× (≤ 50 KB)`,
      ),
      notes: kb(page.rawBytes),
    },
    {
      benchmark: "Live page, 20 posts: HTML+CSS+JS, brotli 11",
      requestsPerSecond: null,
      p50Ms: null,
      p99Ms: null,
      target: verdict(
        page.brotliBytes <= 12 * 1024,
        `${(page.brotliBytes / 12288).toFixed(2)}× (≤ 12 KB)`,
      ),
      notes: kb(page.brotliBytes),
    },
    {
      benchmark: `Live page cache-miss render, ${page.posts} posts`,
      requestsPerSecond: null,
      p50Ms: page.missRender.p50Ms,
      p99Ms: page.missRender.p99Ms,
      target: verdict(
        page.missRender.p99Ms <= 5,
        `${(page.missRender.p99Ms / 5).toFixed(2)}× (p99 ≤ 5 ms)`,
      ),
      notes: `${page.missRender.samples} renders, page cache cleared before each`,
    },
  ];
  if (!process.argv.includes("--skip-sse")) {
    const sse = await runLiveSseBench({
      repoRoot,
      dir,
      connections: arg("connections", 19_000),
      clients: arg("clients", 2),
      timeoutMs: 30_000,
      log: (line) => console.log(line),
    });
    rows.push({
      benchmark: `Live post to ${sse.connections.toLocaleString("en")} SSE readers, one instance (last socket)`,
      requestsPerSecond: null,
      p50Ms: sse.deliveryMs.p50Ms,
      p99Ms: sse.reachAllMs,
      target: verdict(sse.reachAllMs <= 250, `${(sse.reachAllMs / 250).toFixed(2)}× (≤ 250 ms)`),
      notes: `${sse.received} of ${sse.connections} received; POST answered in ${formatMs(sse.postRequestMs)}`,
    });
  }
  console.log(formatTable(rows));
} finally {
  await cleanupAll();
  await rm(dir, { recursive: true, force: true });
}
