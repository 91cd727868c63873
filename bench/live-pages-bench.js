// Live pages (issue 15), on their own: `npm run build && node bench/live-pages-bench.js`
// (`npm run bench` runs the same). Loopback only, bounded: server children and the SSE load
// clients on 127.0.0.1; the 3-instance run needs PostgreSQL (skipped when unreachable).
// Options: --connections N (default 19000), --clients N (default 2), --skip-sse.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanupAll } from "./lib/cleanup.js";
import { liveRows, runLivePageBench, runLiveSseBench } from "./lib/live-bench.js";
import { formatTable } from "./lib/report.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const arg = (/** @type {string} */ name, /** @type {number} */ fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};

const dir = await mkdtemp(join(tmpdir(), "newsdesk-live-bench-"));
try {
  const page = await runLivePageBench({ repoRoot, dir, iterations: 30 });
  const fanOuts = [];
  if (!process.argv.includes("--skip-sse")) {
    for (const instances of /** @type {const} */ ([1, 3])) {
      fanOuts.push(
        await runLiveSseBench({
          repoRoot,
          dir,
          connections: arg("connections", 19_000),
          clients: arg("clients", 2),
          timeoutMs: 30_000,
          log: (line) => console.log(line),
          instances,
        }),
      );
    }
  }
  console.log(formatTable(liveRows(page, fanOuts)));
} finally {
  await cleanupAll();
  await rm(dir, { recursive: true, force: true });
}
