// Drift under a long run (issue 18, item 7): `npm run build && node bench/soak-bench.js
// [--minutes 10]`. Loopback only, bounded by --minutes plus about a minute.
//
// One instance (SQLite, the demo newsroom) is measured on the cached story page at 64
// connections, then soaked for --minutes with mixed load: wrk rotating over every reader
// page the demo links (hits, and the misses that publishes cause), an editor publishing an
// update every second, 1,000 SSE readers, and a breaking-news banner raised and cleared
// every 15 s. Then the same page is measured on the soaked instance and on a fresh one,
// interleaved (soaked, fresh, soaked, fresh), so the drift is a ratio measured in one run:
// CPU per request and req/s, soaked against fresh, and the soaked server's RSS growth.
// Server pinned to one core, wrk and the readers to the other, as in `npm run bench`.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanupAll } from "./lib/cleanup.js";
import { loginNewsroom } from "./lib/newsroom-client.js";
import { cpuSeconds, pinnedCpus, pinProcess, rssKiB } from "./lib/proc.js";
import { formatTable, verdict } from "./lib/report.js";
import {
  findFlagshipStoryPath,
  metricValue,
  scrapeMetrics,
  startServerChild,
} from "./lib/server.js";
import { startClient } from "./lib/sse-bench.js";
import { sleep } from "./lib/timing.js";
import { ensureWrk, runWrk } from "./lib/wrk.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const at = process.argv.indexOf("--minutes");
const minutes = at >= 0 ? Number(process.argv[at + 1]) : 10;
if (!(minutes > 0 && minutes <= 120)) throw new Error("--minutes must be between 0 and 120");
if (!ensureWrk()) throw new Error("soak bench: wrk is not installed");

const dir = await mkdtemp(join(tmpdir(), "newsdesk-soak-"));
const cpus = pinnedCpus();
const log = (/** @type {string} */ line) => console.log(line);

/** @param {string} name */
const start = async (name) => {
  const server = await startServerChild({
    repoRoot,
    databaseUrl: `sqlite:${join(dir, `${name}.db`)}`,
    timeoutMs: 120_000,
  });
  if (cpus) pinProcess(server.pid, cpus.server);
  const home = await (await fetch(`${server.baseUrl}/english/`)).text();
  const storyPath = findFlagshipStoryPath(home);
  if (!storyPath) throw new Error("soak bench: no /english/world/… story on /english/");
  return { server, storyUrl: `${server.baseUrl}${storyPath}`, storyPath };
};

/**
 * The 64-connection figure on one server: wrk -t1 -c64 on the cached story page (brotli),
 * and the server's CPU per request over the run.
 * @param {{ server: { pid: number }, storyUrl: string }} target @param {number} seconds
 */
const measure = async (target, seconds) => {
  const before = cpuSeconds(target.server.pid);
  const result = await runWrk({
    url: target.storyUrl,
    threads: 1,
    connections: 64,
    durationS: seconds,
    headers: ["Accept-Encoding: br"],
    cpu: cpus?.load ?? null,
  });
  const cpu = cpuSeconds(target.server.pid) - before;
  return {
    requestsPerSecond: result.requestsPerSecond,
    cpuPerRequestUs: result.requests ? (cpu / result.requests) * 1e6 : 0,
    p99Ms: result.p99Ms,
  };
};

/** Every reader page the demo links from its home pages, for wrk to rotate over. */
const readerPaths = async (/** @type {string} */ baseUrl) => {
  const paths = new Set();
  for (const home of ["/english/", "/persian/", "/russian/", "/chinese/"]) {
    const html = await (await fetch(`${baseUrl}${home}`)).text();
    paths.add(home);
    // As a browser sends them: percent-encoded (a raw UTF-8 path is answered with a 301).
    for (const m of html.matchAll(/href="(\/[a-z-]+\/[^"#?]*)"/g))
      if (m[1]) paths.add(encodeURI(decodeURI(m[1])));
  }
  return [...paths].filter((p) => !p.includes("/newsroom") && !p.startsWith("/_/"));
};

try {
  log("soak: starting the instance to soak…");
  const soaked = await start("soaked");
  await measure(soaked, 5); // warm-up
  const baseline = await measure(soaked, 10);
  const rssBefore = rssKiB(soaked.server.pid);
  /** What the server says of its memory: V8 heap in use, and the page cache's entries and bytes. */
  const memory = async () => {
    const text = await scrapeMetrics(soaked.server.baseUrl);
    const mib = (/** @type {string} */ name) => metricValue(text, name) / 1024 / 1024;
    return {
      heapMiB: mib("nodejs_heap_size_used_bytes"),
      externalMiB: mib("nodejs_external_memory_bytes"),
      cacheMiB: mib("newsdesk_page_cache_bytes"),
      cacheEntries: metricValue(text, "newsdesk_page_cache_entries"),
    };
  };
  const memoryBefore = await memory();
  log(
    `soak: before, ${baseline.requestsPerSecond.toFixed(0)} req/s at ${baseline.cpuPerRequestUs.toFixed(1)} µs CPU per request, RSS ${(rssBefore / 1024).toFixed(0)} MiB`,
  );

  const paths = await readerPaths(soaked.server.baseUrl);
  const script = join(dir, "rotate.lua");
  await writeFile(
    script,
    `local paths = {${paths.map((p) => JSON.stringify(p)).join(",")}}\n` +
      "local i = 0\n" +
      'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n',
  );
  const readers = startClient(soaked.server.port, 1000, "en", cpus?.load ?? null);
  const editor = await loginNewsroom(soaked.server.baseUrl);
  const storyId = soaked.storyPath.slice(-12);
  const soakEnds = Date.now() + minutes * 60_000;
  let publishes = 0;
  let banners = 0;
  const publisher = (async () => {
    let revision = (await editor.call("GET", `/stories/${storyId}`)).revision;
    while (Date.now() < soakEnds) {
      const headline = `Soak update ${publishes} ${Math.random().toString(36).slice(2, 8)}`;
      revision = (
        await editor.call("PUT", `/stories/${storyId}/draft`, {
          baseRevisionId: revision.id,
          content: { ...revision.content, headline },
        })
      ).revision;
      await editor.call("POST", `/stories/${storyId}/publish`, { mode: "update", note: "Soak" });
      publishes++;
      if (publishes % 15 === 0) {
        if (banners % 2 === 0) {
          await editor.call("PUT", "/banners/en", {
            text: `Soak banner ${banners}`,
            url: null,
            expiresAt: new Date(Date.now() + 600_000).toISOString(),
          });
        } else await editor.call("DELETE", "/banners/en");
        banners++;
      }
      await sleep(1000);
    }
  })();
  log(`soak: ${minutes} min of mixed load over ${paths.length} reader pages…`);
  const traffic = [];
  while (Date.now() < soakEnds) {
    const seconds = Math.max(1, Math.min(60, Math.round((soakEnds - Date.now()) / 1000)));
    traffic.push(
      await runWrk({
        url: soaked.server.baseUrl,
        threads: 1,
        connections: 64,
        durationS: seconds,
        script,
        cpu: cpus?.load ?? null,
      }),
    );
  }
  await publisher;
  await readers.stop();
  await sleep(3000);
  const rssAfter = rssKiB(soaked.server.pid);
  const memoryAfter = await memory();

  log("soak: a fresh instance, then soaked and fresh interleaved…");
  const fresh = await start("fresh");
  await measure(fresh, 5); // warm-up, as the soaked one had
  /** @type {Record<"soaked" | "fresh", Awaited<ReturnType<typeof measure>>[]>} */
  const after = { soaked: [], fresh: [] };
  for (let pair = 0; pair < 2; pair++) {
    after.soaked.push(await measure(soaked, 10));
    after.fresh.push(await measure(fresh, 10));
  }
  const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const soakedCpu = mean(after.soaked.map((r) => r.cpuPerRequestUs));
  const freshCpu = mean(after.fresh.map((r) => r.cpuPerRequestUs));
  const soakedRps = mean(after.soaked.map((r) => r.requestsPerSecond));
  const freshRps = mean(after.fresh.map((r) => r.requestsPerSecond));
  const served = traffic.reduce((sum, r) => sum + r.requests, 0);
  const errors = traffic.reduce((sum, r) => sum + r.socketErrors + r.non2xx, 0);
  const drift = soakedCpu / freshCpu;
  console.log(
    formatTable([
      {
        benchmark: `Soak: ${minutes} min mixed load (${served} requests, ${publishes} publishes, ${banners} banner changes, 1,000 SSE readers)`,
        requestsPerSecond: null,
        p50Ms: null,
        p99Ms: null,
        target: verdict(errors === 0, `${errors} errors or non-2xx`),
        notes: `cached page at 64 conns after the soak: ${soakedRps.toFixed(0)} req/s soaked vs ${freshRps.toFixed(0)} fresh (${(soakedRps / freshRps).toFixed(2)}×)`,
      },
      {
        benchmark: "Soak: CPU per request, soaked ÷ fresh (interleaved, 2 pairs)",
        requestsPerSecond: soakedRps,
        p50Ms: null,
        p99Ms: Math.max(...after.soaked.map((r) => r.p99Ms)),
        target: verdict(drift <= 1.1, `${drift.toFixed(2)}× (≤ 1.10×)`),
        notes: `${soakedCpu.toFixed(1)} µs soaked, ${freshCpu.toFixed(1)} µs fresh; before the soak ${baseline.cpuPerRequestUs.toFixed(1)} µs`,
      },
      {
        benchmark: "Soak: RSS growth of the soaked server",
        requestsPerSecond: null,
        p50Ms: null,
        p99Ms: null,
        target: "–",
        notes:
          `${(rssBefore / 1024).toFixed(0)} MiB → ${(rssAfter / 1024).toFixed(0)} MiB (+${((rssAfter - rssBefore) / 1024).toFixed(0)} MiB); ` +
          `V8 heap used ${memoryBefore.heapMiB.toFixed(0)} → ${memoryAfter.heapMiB.toFixed(0)} MiB, external ${memoryBefore.externalMiB.toFixed(0)} → ${memoryAfter.externalMiB.toFixed(0)} MiB, ` +
          `page cache ${memoryBefore.cacheEntries} → ${memoryAfter.cacheEntries} entries, ${memoryBefore.cacheMiB.toFixed(1)} → ${memoryAfter.cacheMiB.toFixed(1)} MiB`,
      },
    ]),
  );
  await fresh.server.stop();
  await soaked.server.stop();
} finally {
  await cleanupAll();
  await rm(dir, { recursive: true, force: true });
}
