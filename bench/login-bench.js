#!/usr/bin/env node
// Log-in throughput on its own, after `npm run build`:
//   node bench/login-bench.js                       this checkout's dist/
//   node bench/login-bench.js --compare ../other    also ../other's dist/, batches interleaved
// BENCH_QUICK=1 runs fewer log-ins; LOGIN_BENCH_PROD, LOGIN_BENCH_CHEAP and LOGIN_BENCH_ROUNDS
// set the counts.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cleanupAll } from "./lib/cleanup.js";
import { runLoginBench } from "./lib/login-bench.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({ options: { compare: { type: "string" } } });
const quick = process.env.BENCH_QUICK === "1";
const count = (/** @type {string} */ name, /** @type {number} */ fallback) =>
  Number(process.env[name] ?? fallback);
try {
  const results = await runLoginBench({
    checkouts: {
      ...(values.compare ? { other: resolve(values.compare) } : {}),
      this: repoRoot,
    },
    rounds: count("LOGIN_BENCH_ROUNDS", quick ? 1 : 3),
    runs: [
      { hasher: "production", logins: count("LOGIN_BENCH_PROD", quick ? 40 : 100) },
      { hasher: "cheap", logins: count("LOGIN_BENCH_CHEAP", quick ? 400 : 1000) },
    ],
    log: (line) => console.log(line),
  });
  console.log(JSON.stringify(results, null, 2));
} finally {
  await cleanupAll();
}
