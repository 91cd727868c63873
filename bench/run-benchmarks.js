#!/usr/bin/env node
// `npm run bench`: builds (via npm), then measures the reader story page on 127.0.0.1.
//   1. wrk against the built server (`node bin/newsdesk.js start`): req/s, p50/p99
//   2. cache-miss render in-process (`app.request`): DB read + render, p50/p99 per page
// Prints a Markdown table and writes bench/results/latest.json. Bounded to about 30 s.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runIngestBench } from "./lib/ingest-bench.js";
import { prepareRenderBench } from "./lib/render-bench.js";
import { formatTable } from "./lib/report.js";
import { findFlagshipStoryPath, startServerChild, stopAllChildren } from "./lib/server.js";
import { ensureWrk, killRunningWrk, runWrk } from "./lib/wrk.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const resultsFile = join(repoRoot, "bench", "results", "latest.json");

/** Load parameters: bounded so the whole run stays around 30 s on a 2-core machine. */
const plan = {
  wrk: { threads: 2, connections: 64, durationS: 8 },
  wrkBrotli: { threads: 2, connections: 64, durationS: 3 },
  render: { warmup: 200, iterations: 2000, maxMs: 8000 },
  /** Wire ingest: ≤ 6,000 items or 5 s per format × dialect (target ≥ 2,000 items/s on SQLite). */
  ingest: { itemsPerRun: 6000, itemsPerFile: 200, maxMs: 5000 },
  serverStartTimeoutMs: 20_000,
  hardLimitMs: 90_000,
};

/** @type {string | undefined} */
let tempDir;
/** @type {(() => Promise<void>) | undefined} */
let closeRender;
/** @type {Promise<void> | undefined} */
let cleaning;
let interrupted = false;

/** Stops wrk and the server child, closes the render DB and removes the temp dir (once). */
function cleanup() {
  cleaning ??= (async () => {
    killRunningWrk();
    await stopAllChildren();
    await closeRender?.().catch(() => undefined);
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  })();
  return cleaning;
}

/** @param {number} code */
async function abort(code) {
  await cleanup();
  process.exit(code);
}

process.once("SIGINT", () => {
  interrupted = true;
  console.error("\nbench: interrupted; stopping the server and removing temp files.");
  void abort(130);
});
process.once("SIGTERM", () => {
  interrupted = true;
  void abort(143);
});

async function main() {
  if (!ensureWrk()) {
    console.error(
      "bench: wrk is not installed and `apt-get install -y wrk` failed.\n" +
        "Install Debian's wrk package as root (apt-get update && apt-get install -y wrk) and rerun.",
    );
    return 1;
  }
  if (!existsSync(join(repoRoot, "dist", "main.js"))) {
    console.error("bench: dist/ is missing; run it as `npm run bench` (which builds first).");
    return 1;
  }
  const hardLimit = setTimeout(() => {
    console.error(`bench: still running after ${plan.hardLimitMs / 1000} s; giving up.`);
    void abort(1);
  }, plan.hardLimitMs);
  hardLimit.unref();

  tempDir = await mkdtemp(join(tmpdir(), "newsdesk-bench-"));
  const started = Date.now();
  console.log(`bench: Node ${process.version}, ${cpus().length} CPUs, temp dir ${tempDir}`);

  // Seed both databases at once: the server child's and the in-process render bench's.
  const [server, render] = await Promise.all([
    startServerChild({
      repoRoot,
      databaseUrl: `sqlite:${join(tempDir, "bench.db")}`,
      timeoutMs: plan.serverStartTimeoutMs,
    }),
    prepareRenderBench({
      repoRoot,
      databaseUrl: `sqlite:${join(tempDir, "render.db")}`,
      ...plan.render,
    }),
  ]);
  closeRender = render.close;
  console.log(`bench: server and render database ready in ${Date.now() - started} ms`);

  const home = await fetch(`${server.baseUrl}/english/`);
  const storyPath = findFlagshipStoryPath(await home.text());
  if (!storyPath) throw new Error("no /english/world/… story link on /english/");
  const storyUrl = `${server.baseUrl}${storyPath}`;
  const probe = await fetch(storyUrl, { headers: { "Accept-Encoding": "identity" } });
  const storyBytes = (await probe.arrayBuffer()).byteLength;
  if (probe.status !== 200) throw new Error(`${storyPath} answered ${probe.status}`);
  const brProbe = await fetch(storyUrl, { headers: { "Accept-Encoding": "br" } });
  await brProbe.arrayBuffer();
  const brEncoding = brProbe.headers.get("content-encoding") ?? "none";
  console.log(`bench: story ${storyPath} (${storyBytes} bytes of HTML)`);

  const w = plan.wrk;
  console.log(`bench: wrk -t${w.threads} -c${w.connections} -d${w.durationS}s --latency …`);
  const plain = await runWrk({ url: storyUrl, ...plan.wrk });
  const b = plan.wrkBrotli;
  console.log(
    `bench: wrk -t${b.threads} -c${b.connections} -d${b.durationS}s (Accept-Encoding: br) …`,
  );
  const brotli = await runWrk({
    url: storyUrl,
    ...plan.wrkBrotli,
    headers: ["Accept-Encoding: br"],
  });
  await stopAllChildren();

  console.log(
    `bench: cache-miss render, ${plan.render.warmup} warm-up + ${plan.render.iterations} …`,
  );
  const miss = await render.run();
  await render.close();
  closeRender = undefined;

  console.log("bench: wire ingest (ninjs and NewsML-G2 into SQLite and PostgreSQL) …");
  const ingest = await runIngestBench({ repoRoot, ...plan.ingest });

  /** @param {{ non2xx: number, socketErrors: number, timeouts: number }} r */
  const errorsNote = (r) =>
    [
      r.non2xx ? `; ${r.non2xx} non-2xx` : "",
      r.socketErrors ? `; ${r.socketErrors} socket errors` : "",
      r.timeouts ? `; ${r.timeouts} timeouts >2 s (not in p99)` : "",
    ].join("");
  const rows = [
    {
      benchmark: `story page, HTTP (wrk -t${w.threads} -c${w.connections} -d${w.durationS}s)`,
      requestsPerSecond: plain.requestsPerSecond,
      p50Ms: plain.p50Ms,
      p99Ms: plain.p99Ms,
      notes: `no page cache: every request renders; ${storyBytes} B HTML; ${plain.requests} requests${errorsNote(plain)}`,
    },
    {
      benchmark: `story page, Accept-Encoding: br (-d${b.durationS}s)`,
      requestsPerSecond: brotli.requestsPerSecond,
      p50Ms: brotli.p50Ms,
      p99Ms: brotli.p99Ms,
      notes: `Content-Encoding served: ${brEncoding}${errorsNote(brotli)}`,
    },
    {
      benchmark: "cache-miss render (in-process app.request, SQLite)",
      requestsPerSecond: miss.pagesPerSecond,
      p50Ms: miss.p50Ms,
      p99Ms: miss.p99Ms,
      notes: `pages/s, one at a time; DB read + render; ${miss.samples} samples after ${plan.render.warmup} warm-up`,
    },
    ...ingest.map((r) => ({
      benchmark: `wire ingest, ${r.format} → ${r.dialect === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      requestsPerSecond: r.itemsPerSecond,
      p50Ms: null,
      p99Ms: null,
      notes: `items/s (parse + validate + store); ${r.items} items in ${r.files} files of ${plan.ingest.itemsPerFile}`,
    })),
  ];
  console.log(`\n${formatTable(rows)}\n`);

  const results = {
    date: new Date().toISOString(),
    command: "npm run bench",
    environment: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      wrk: wrkVersion(),
      commit: gitCommit(),
    },
    storyPath,
    storyHtmlBytes: storyBytes,
    storyPageHttp: { ...withoutRaw(plain), ...plan.wrk, url: "127.0.0.1" },
    storyPageHttpBrotli: {
      ...withoutRaw(brotli),
      ...plan.wrkBrotli,
      contentEncoding: brEncoding,
    },
    cacheMissRender: { ...miss, warmup: plan.render.warmup, database: "sqlite" },
    wireIngest: ingest,
    totalSeconds: (Date.now() - started) / 1000,
  };
  await mkdir(dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bench: wrote ${resultsFile} (${results.totalSeconds.toFixed(1)} s)`);
  return 0;
}

/** @param {{ raw: string } & Record<string, unknown>} result */
function withoutRaw({ raw: _raw, ...rest }) {
  return rest;
}

function wrkVersion() {
  try {
    // `wrk -v` prints its version and exits non-zero.
    execFileSync("wrk", ["-v"], { stdio: "pipe" });
    return "unknown";
  } catch (error) {
    const out = String(/** @type {{ stdout?: Buffer }} */ (error).stdout ?? "");
    return /wrk (\S+)/.exec(out)?.[1] ?? "unknown";
  }
}

function gitCommit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, stdio: "pipe" })
      .toString()
      .trim();
  } catch {
    return "unknown";
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!interrupted)
    console.error(`bench: failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
