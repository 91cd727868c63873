import { request } from "node:http";
import { pinnedCpus, pinProcess, processTree, rssKiB, treeCpuSeconds } from "./proc.js";
import { startServerChild } from "./server.js";
import { runWrk } from "./wrk.js";

/**
 * Issue 18, item 2: `newsdesk start --workers 2` against a single process, both pinned to
 * the same core (wrk -t1 on the other), on one SQLite database.
 *
 * - Cached story page at `connections`: req/s and CPU per request of the whole process tree
 *   (primary and workers), runs interleaved A, B, A, B. On one core, two workers can only
 *   add overhead; their ratio to one process is what each core of an N-core machine keeps,
 *   so N cores give about N × that ratio × the single process's req/s.
 * - Renders per page: every page linked from the English home page is requested four
 *   times, each on a connection of its own (the primary deals connections round robin), on
 *   a fresh server of each kind; the misses counted from `Cache-Status`. One worker renders
 *   each page once; workers that did not share their cache would render it once each.
 * - Memory: the tree's resident set after those pages.
 * @param {{ repoRoot: string, databaseUrl: string, durationS: number, pairs: number,
 *   connections: number, timeoutMs: number, log: (line: string) => void }} options
 */
export async function runWorkersBench(options) {
  const { repoRoot, databaseUrl, durationS, pairs, connections, timeoutMs, log } = options;
  const cpus = pinnedCpus();
  /** @param {string[]} args */
  const start = (args) =>
    startServerChild({ repoRoot, databaseUrl, timeoutMs, args, waitForJobs: false });
  /** @param {{ pid: number }} server @param {number | null} cpu */
  const pin = (server, cpu) => {
    for (const pid of processTree(server.pid)) pinProcess(pid, cpu);
  };

  const kinds = /** @type {const} */ (["one process", "2 workers"]);
  /** @type {Record<(typeof kinds)[number], string[]>} */
  const argsOf = { "one process": [], "2 workers": ["--workers", "2"] };

  // Renders per page and memory, each on a fresh server.
  /** @type {Record<string, { pages: number, renders: number, rssMiB: number }>} */
  const sharing = {};
  for (const kind of kinds) {
    const server = await start(argsOf[kind]);
    try {
      const home = await getFresh(`${server.baseUrl}/english/`);
      const paths = [
        ...new Set([...home.body.matchAll(/href="(\/english\/[^"?#]*)"/g)].map((m) => m[1] ?? "")),
      ].slice(0, 100);
      let renders = 0;
      for (const path of paths) {
        for (let i = 0; i < 4; i++) {
          const res = await getFresh(`${server.baseUrl}${path}`);
          if (res.cacheStatus.includes("fwd=uri-miss")) renders++;
          // Time for a shared page to reach the other worker, as between two readers.
          if (i === 0) await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      const rss = processTree(server.pid).reduce((sum, pid) => sum + rssKiB(pid), 0) / 1024;
      sharing[kind] = { pages: paths.length, renders, rssMiB: rss };
      log(
        `bench: ${kind}: ${renders} renders for ${paths.length} pages, RSS ${rss.toFixed(0)} MiB`,
      );
    } finally {
      await server.stop();
    }
  }

  // Cached page throughput, both servers up, pinned to one core, interleaved.
  const servers = {
    "one process": await start(argsOf["one process"]),
    "2 workers": await start(argsOf["2 workers"]),
  };
  try {
    const home = await getFresh(`${servers["one process"].baseUrl}/english/`);
    const storyPath = /href="(\/english\/world\/[^"?#]+)"/.exec(home.body)?.[1];
    if (!storyPath) throw new Error("workers bench: no story link on /english/");
    for (const kind of kinds) {
      if (cpus) pin(servers[kind], cpus.server);
      // Warm every worker's cache (each connection may land on another worker).
      for (let i = 0; i < 8; i++) await getFresh(`${servers[kind].baseUrl}${storyPath}`);
    }
    /** @type {Record<string, { requests: number, seconds: number, cpu: number, p99: number[] }>} */
    const totals = {};
    for (const kind of kinds) totals[kind] = { requests: 0, seconds: 0, cpu: 0, p99: [] };
    for (let pair = 0; pair < pairs; pair++) {
      for (const kind of kinds) {
        const server = servers[kind];
        log(
          `bench: wrk -t1 -c${connections} -d${durationS}s → ${kind} (pair ${pair + 1}/${pairs})`,
        );
        const before = treeCpuSeconds(server.pid);
        const result = await runWrk({
          url: `${server.baseUrl}${storyPath}`,
          threads: 1,
          connections,
          durationS,
          headers: ["Accept-Encoding: br"],
          cpu: cpus?.load ?? null,
        });
        const total = totals[kind];
        if (!total) continue;
        total.cpu += treeCpuSeconds(server.pid) - before;
        total.requests += result.requests;
        total.seconds += durationS;
        total.p99.push(result.p99Ms);
      }
    }
    const summary = Object.fromEntries(
      kinds.map((kind) => {
        const t = totals[kind] ?? { requests: 0, seconds: 1, cpu: 0, p99: [] };
        return [
          kind,
          {
            requestsPerSecond: t.requests / t.seconds,
            cpuPerRequestUs: t.requests ? (t.cpu / t.requests) * 1e6 : 0,
            p99Ms: t.p99.reduce((s, v) => s + v, 0) / Math.max(1, t.p99.length),
            ...sharing[kind],
          },
        ];
      }),
    );
    const one = summary["one process"];
    const two = summary["2 workers"];
    return {
      pinned: cpus !== null,
      connections,
      storyPath,
      oneProcess: one,
      twoWorkers: two,
      /** Req/s of two workers on one core over one process on it: what each core keeps. */
      perCoreRatio: one && two ? two.requestsPerSecond / one.requestsPerSecond : 0,
    };
  } finally {
    for (const kind of kinds) {
      pin(servers[kind], null);
      await servers[kind].stop();
    }
  }
}

/**
 * A GET of the identity body on a connection of its own.
 * @param {string} url
 * @returns {Promise<{ status: number, cacheStatus: string, body: string }>}
 */
function getFresh(url) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent: false, headers: { connection: "close", "accept-encoding": "identity" } },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            cacheStatus: String(res.headers["cache-status"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

// `node bench/lib/workers-bench.js <sqlite path>`: this bench on its own (after a build).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { dirname, join } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const path = process.argv[2] ?? "/tmp/newsdesk-workers-bench.db";
  const result = await runWorkersBench({
    repoRoot,
    databaseUrl: `sqlite:${path}`,
    durationS: 10,
    pairs: 3,
    connections: 64,
    timeoutMs: 120_000,
    log: console.log,
  });
  console.log(JSON.stringify(result, null, 2));
}
