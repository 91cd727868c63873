import { getRaw } from "./http-raw.js";
import { startNginx } from "./nginx.js";
import { cpuSeconds, listenOverflows, pinnedCpus, pinProcess, treeCpuSeconds } from "./proc.js";
import { runWrk } from "./wrk.js";

/**
 * Benchmark 1: the cached story page with `Accept-Encoding: br`, Newsdesk (A) against nginx
 * (B) serving the very same compressed bytes as a static file. For each connection count the
 * runs are interleaved A, B, A, B… so drift (thermal, noisy neighbours) hits both alike.
 * CPU per request is the server's utime+stime (/proc/<pid>/stat; nginx: master + workers)
 * over the run, divided by the requests wrk completed.
 * @param {{ server: { pid: number }, storyUrl: string, threads: number,
 *   connections: number[], pairs: number, durationS: number, warmupS: number,
 *   nginxWorkers: number, log: (line: string) => void }} options
 */
export async function runCachedPageBench(options) {
  const { server, storyUrl, threads, pairs, durationS, warmupS, log } = options;
  // Twice: the first request may be the miss that fills the cache; the second is a hit.
  await getRaw(storyUrl, { "Accept-Encoding": "br" });
  const page = await getRaw(storyUrl, { "Accept-Encoding": "br" });
  if (page.status !== 200 || page.headers["content-encoding"] !== "br") {
    throw new Error(
      `cached page: ${storyUrl} answered ${page.status} with Content-Encoding ${page.headers["content-encoding"]}`,
    );
  }
  const contentType = String(page.headers["content-type"] ?? "text/html; charset=utf-8");
  // Pinned: each server on core 0, one wrk thread on core 1, so each side's CPU per request
  // is its own and wrk never competes with the server it loads.
  const cpus = pinnedCpus();
  if (cpus) pinProcess(server.pid, cpus.server);
  const nginx = await startNginx({
    body: page.body,
    contentType,
    workers: options.nginxWorkers,
    // Every header Newsdesk sends (CSP, cache and tag headers, ETag…), so both replies carry
    // the same bytes; nginx writes its own Date, length, type and encoding.
    headers: sameHeaders(page.headers),
    cpu: cpus?.server ?? null,
  });
  const copy = await getRaw(nginx.url, { "Accept-Encoding": "br" });
  if (!copy.body.equals(page.body) || copy.headers["content-encoding"] !== "br") {
    throw new Error("cached page: nginx does not serve the same bytes");
  }
  const targets = {
    newsdesk: { url: storyUrl, cpu: () => cpuSeconds(server.pid) },
    nginx: { url: nginx.url, cpu: () => treeCpuSeconds(nginx.pid) },
  };
  const headers = ["Accept-Encoding: br"];
  /** @param {keyof typeof targets} name @param {number} connections @param {number} seconds */
  const measure = async (name, connections, seconds) => {
    const target = targets[name];
    const before = target.cpu();
    const overflowsBefore = listenOverflows().overflows;
    const result = await runWrk({
      url: target.url,
      threads,
      connections,
      durationS: seconds,
      headers,
      cpu: cpus?.load ?? null,
    });
    const cpu = target.cpu() - before;
    const { raw: _raw, ...rest } = result;
    return {
      ...rest,
      listenOverflows: listenOverflows().overflows - overflowsBefore,
      cpuSeconds: cpu,
      cpuPerRequestUs: result.requests ? (cpu / result.requests) * 1e6 : 0,
    };
  };
  log(`bench: warm-up, wrk ${warmupS}s on each…`);
  await measure("newsdesk", 64, warmupS);
  await measure("nginx", 64, warmupS);

  /** @type {{ connections: number, newsdesk: Summary, nginx: Summary, ratio: number, cpuRatio: number }[]} */
  const levels = [];
  for (const connections of options.connections) {
    /** @type {Record<"newsdesk"|"nginx", Awaited<ReturnType<typeof measure>>[]>} */
    const runs = { newsdesk: [], nginx: [] };
    for (let pair = 0; pair < pairs; pair++) {
      for (const name of /** @type {const} */ (["newsdesk", "nginx"])) {
        log(
          `bench: wrk -t${threads} -c${connections} -d${durationS}s -H "Accept-Encoding: br" → ${name} (pair ${pair + 1}/${pairs})`,
        );
        runs[name].push(await measure(name, connections, durationS));
      }
    }
    const newsdesk = summarizeRuns(runs.newsdesk);
    const nginxSummary = summarizeRuns(runs.nginx);
    levels.push({
      connections,
      newsdesk,
      nginx: nginxSummary,
      ratio: newsdesk.requestsPerSecond / nginxSummary.requestsPerSecond,
      cpuRatio: newsdesk.cpuPerRequestUs / nginxSummary.cpuPerRequestUs,
    });
  }
  await nginx.stop();
  if (cpus) pinProcess(server.pid, null);
  return {
    pinned: cpus !== null,
    brotliBytes: page.body.length,
    contentType,
    responseHeadBytes: { newsdesk: page.headBytes, nginx: copy.headBytes },
    nginxWorkers: options.nginxWorkers,
    levels,
  };
}

/** Headers nginx writes itself, or that describe the connection rather than the page. */
const ownHeaders = new Set([
  "date",
  "content-length",
  "content-type",
  "content-encoding",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "cache-status",
]);

/**
 * Newsdesk's response headers as nginx `add_header`s.
 * @param {Record<string, string | string[] | undefined>} headers
 */
function sameHeaders(headers) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || ownHeaders.has(name.toLowerCase())) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/**
 * @typedef {object} Summary
 * @property {number} requestsPerSecond total requests / total seconds over the runs
 * @property {number} p50Ms mean of the runs' p50
 * @property {number} p99Ms mean of the runs' p99
 * @property {number} cpuPerRequestUs total CPU / total requests
 * @property {number} requests
 * @property {number} errors non-2xx + socket errors + timeouts
 * @property {number} listenOverflows accept-queue overflows during the runs (kernel counter)
 * @property {object[]} runs
 */

/**
 * @param {{ requestsPerSecond: number, p50Ms: number, p99Ms: number, requests: number,
 *   cpuSeconds: number, non2xx: number, socketErrors: number, timeouts: number,
 *   listenOverflows: number }[]} runs
 * @returns {Summary}
 */
function summarizeRuns(runs) {
  const requests = runs.reduce((s, r) => s + r.requests, 0);
  const cpu = runs.reduce((s, r) => s + r.cpuSeconds, 0);
  const mean = (/** @type {(r: (typeof runs)[number]) => number} */ f) =>
    runs.reduce((s, r) => s + f(r), 0) / runs.length;
  return {
    requestsPerSecond: mean((r) => r.requestsPerSecond),
    p50Ms: mean((r) => r.p50Ms),
    p99Ms: mean((r) => r.p99Ms),
    cpuPerRequestUs: requests ? (cpu / requests) * 1e6 : 0,
    requests,
    errors: runs.reduce((s, r) => s + r.non2xx + r.socketErrors + r.timeouts, 0),
    listenOverflows: runs.reduce((s, r) => s + r.listenOverflows, 0),
    runs,
  };
}
