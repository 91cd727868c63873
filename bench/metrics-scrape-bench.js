#!/usr/bin/env node
// The cost of one Prometheus scrape of /metrics, after `npm run build`:
//   node bench/metrics-scrape-bench.js
// Starts the built server on 127.0.0.1 (SQLite in a temp dir with the demo seed, or the
// database in METRICS_BENCH_DATABASE_URL, e.g. a PostgreSQL schema), warms it with reader
// traffic over every route class so the label sets a real scrape carries exist, scrapes 20
// times to warm up, then times METRICS_BENCH_SCRAPES (200) sequential scrapes on one
// keep-alive connection. Prints the median and p95 in ms, the response size and the number of
// series, as JSON.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanupAll, onCleanup } from "./lib/cleanup.js";
import { startServerChild } from "./lib/server.js";
import { summarize } from "./lib/stats.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const scrapes = Number(process.env.METRICS_BENCH_SCRAPES ?? 200);
const token = "metrics-bench-token-0123456789";

/** @param {string} url @param {RequestInit} [init] */
async function drain(url, init) {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}

try {
  let databaseUrl = process.env.METRICS_BENCH_DATABASE_URL;
  if (!databaseUrl) {
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-metrics-bench-"));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    databaseUrl = `sqlite:${join(dir, "newsdesk.db")}`;
  }
  const server = await startServerChild({
    repoRoot,
    databaseUrl,
    timeoutMs: 120_000,
    env: { METRICS_TOKEN: token, ACCESS_LOG: "off" },
  });
  const base = server.baseUrl;
  // Traffic over the route classes and statuses a live server sees.
  const paths = [
    "/english/",
    "/english/world",
    "/persian/",
    "/english/feeds/rss.xml",
    "/english/sitemap.xml",
    "/robots.txt",
    "/api/v1/stories",
    "/newsroom/",
    "/healthz",
    "/readyz",
    "/english/no-such-page/at-all",
  ];
  for (let round = 0; round < 20; round++) {
    for (const path of paths) await drain(`${base}${path}`);
  }
  await drain(`${base}/newsroom/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ email: "editor@newsdesk.test", password: "wrong password here" }),
  });
  const headers = { Authorization: `Bearer ${token}` };
  for (let i = 0; i < 20; i++) await drain(`${base}/metrics`, { headers });

  /** @type {number[]} */
  const samples = [];
  let bytes = 0;
  let series = 0;
  for (let i = 0; i < scrapes; i++) {
    const started = performance.now();
    const response = await fetch(`${base}/metrics`, { headers });
    const text = await response.text();
    samples.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
    bytes = Buffer.byteLength(text);
    series = text.split("\n").filter((line) => line !== "" && !line.startsWith("#")).length;
  }
  const stats = summarize(samples);
  const p95 = [...samples].sort((a, b) => a - b)[Math.ceil(0.95 * samples.length) - 1] ?? 0;
  console.log(
    JSON.stringify(
      {
        database: databaseUrl.startsWith("postgres") ? "postgres" : "sqlite",
        scrapes: stats.samples,
        medianMs: Number(stats.p50Ms.toFixed(2)),
        p95Ms: Number(p95.toFixed(2)),
        maxMs: Number(stats.maxMs.toFixed(2)),
        responseBytes: bytes,
        series,
      },
      null,
      2,
    ),
  );
  await server.stop();
} finally {
  await cleanupAll();
}
