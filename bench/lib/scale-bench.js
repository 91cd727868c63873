import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { onCleanup } from "./cleanup.js";
import { browserAcceptEncoding, getRaw, keepAliveAgent } from "./http-raw.js";
import { rssKiB } from "./proc.js";
import { jobsIdle, startServerChild } from "./server.js";
import { summarize } from "./stats.js";
import { epochMs } from "./timing.js";

/**
 * Benchmark 5: scale. `newsdesk seed-bench --stories N` fills a SQLite database, then:
 * cold start (spawn of `newsdesk start` → first 200 from /healthz, and → first story
 * page), the server's RSS, and story-page latency on a cache miss: `samples` different
 * random stories requested one after another over keep-alive HTTP, each exactly once, as a
 * browser asks (brotli accepted: the miss includes compressing the page).
 *
 * The misses are timed with node:http, not fetch: undici's decoding and allocation in this
 * process put its own GC pauses into the figures (same server, same 1M-story database,
 * sequential runs: fetch p50 4.31 / p99 21.1 ms, node:http p50 2.88 / p99 5.55 ms).
 * @param {{ repoRoot: string, dir: string, stories: number, samples: number, warmup: number,
 *   coldStarts: number, maxMs: number, log: (line: string) => void,
 *   existingDatabase?: string }} options `existingDatabase`: measure a database seeded
 *   earlier instead of seeding one in `dir`: a SQLite file's path, or a PostgreSQL URL
 */
export async function runScaleBench(options) {
  const { repoRoot, dir, stories, samples, warmup, coldStarts, maxMs, log } = options;
  const existing = options.existingDatabase;
  const postgres = existing !== undefined && /^postgres(ql)?:/.test(existing);
  const dbPath = existing ?? join(dir, "scale.db");
  const databaseUrl = postgres ? dbPath : `sqlite:${dbPath}`;
  const seedStarted = epochMs();
  if (!options.existingDatabase) {
    log(`bench: newsdesk seed-bench --stories ${stories} (SQLite) …`);
    await runSeedBench(repoRoot, databaseUrl, stories);
  }
  const seedSeconds = (epochMs() - seedStarted) / 1000;

  const dist = (/** @type {string} */ file) => pathToFileURL(join(repoRoot, "dist", file)).href;
  const { openDatabase } = await import(dist("storage/database.js"));
  const dbBytes = postgres ? await postgresBytes(openDatabase, databaseUrl) : statSync(dbPath).size;
  const { sampleStories } = await import(dist("storage/bulk-seed.js"));
  const { storyUrl } = await import(dist("render/reader-urls.js"));
  const { services } = await import(dist("domain/services/service-registry.js"));
  const database = await openDatabase(databaseUrl);
  /** @type {{ id: string, section: string, slug: string }[]} */
  const picked = await sampleStories(database, "en", samples + warmup + coldStarts);
  await database.close();
  const paths = picked.map((s) => storyUrl(services.en, s));
  if (paths.length < samples + warmup + coldStarts) {
    throw new Error(`scale bench: only ${paths.length} distinct stories sampled`);
  }

  /** @type {{ healthzMs: number, firstStoryMs: number }[]} */
  const starts = [];
  /** @type {Awaited<ReturnType<typeof startServerChild>> | undefined} */
  let server;
  for (let k = 0; k < coldStarts; k++) {
    await server?.stop();
    // Start-up is timed here, so the server is not waited on past its first answer.
    server = await startServerChild({
      repoRoot,
      databaseUrl,
      timeoutMs: 60_000,
      waitForJobs: false,
    });
    const res = await fetch(`${server.baseUrl}${paths.pop()}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`scale bench: first story page answered ${res.status}`);
    starts.push({
      healthzMs: server.healthyAt - server.spawnedAt,
      firstStoryMs: epochMs() - server.spawnedAt,
    });
  }
  if (!server) throw new Error("scale bench: no server");
  const rssStartedKiB = rssKiB(server.pid);
  // The cold starts were timed from spawn; the misses are timed once the demo's start-up jobs
  // (its clips' transcodes, which spawn ffmpeg) are done, as every other benchmark is.
  await jobsIdle(server.baseUrl, 300_000);
  const stopAt = performance.now() + maxMs;
  log(`bench: story pages on a cache miss, up to ${samples} random stories or ${maxMs / 1000} s …`);
  const agent = keepAliveAgent();
  const headers = { "Accept-Encoding": browserAcceptEncoding };
  for (let i = 0; i < warmup && performance.now() < stopAt - maxMs / 2; i++) {
    await getRaw(`${server.baseUrl}${paths.pop()}`, headers, agent);
  }
  /** @type {number[]} */
  const latencies = [];
  let non200 = 0;
  for (let i = 0; i < samples && performance.now() < stopAt; i++) {
    const path = paths.pop();
    const t0 = performance.now();
    const res = await getRaw(`${server.baseUrl}${path}`, headers, agent);
    latencies.push(performance.now() - t0);
    if (res.status !== 200) non200++;
  }
  agent.destroy();
  const rssAfterKiB = rssKiB(server.pid);
  await server.stop();
  const startSummary = (/** @type {"healthzMs" | "firstStoryMs"} */ key) =>
    summarize(starts.map((s) => s[key]));
  return {
    stories,
    seedSeconds,
    storiesPerSecond: stories / seedSeconds,
    databaseBytes: dbBytes,
    coldStart: {
      runs: starts,
      healthz: startSummary("healthzMs"),
      firstStory: startSummary("firstStoryMs"),
    },
    rssStartedKiB,
    rssAfterKiB,
    storyPageMiss: { ...summarize(latencies), non200 },
  };
}

/**
 * The PostgreSQL database's size on disk (tables, indexes, TOAST).
 * @param {(url: string) => Promise<{ db: import("kysely").Kysely<any>, close(): Promise<void> }>} openDatabase
 * @param {string} databaseUrl
 */
async function postgresBytes(openDatabase, databaseUrl) {
  const { sql } = await import("kysely");
  const database = await openDatabase(databaseUrl);
  try {
    const result = await sql`select pg_database_size(current_database()) as n`.execute(database.db);
    return Number(/** @type {{ n: string }} */ (result.rows[0])?.n ?? 0);
  } finally {
    await database.close();
  }
}

/**
 * Runs the CLI as an operator would, its progress bar passed through to our stderr.
 * @param {string} repoRoot
 * @param {string} databaseUrl
 * @param {number} stories
 */
function runSeedBench(repoRoot, databaseUrl, stories) {
  const child = spawn(
    process.execPath,
    ["bin/newsdesk.js", "seed-bench", "--stories", String(stories)],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const stop = onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      void stop();
      if (code === 0) resolve(undefined);
      else reject(new Error(`newsdesk seed-bench exited with code ${code}`));
    });
  });
}

// `node bench/lib/scale-bench.js <seeded.db | postgres://…> <stories>` measures a database
// seeded earlier (after `npm run build`), e.g. to repeat the 1M figures without seeding
// again, or the archive on PostgreSQL (`newsdesk seed-bench` with that DATABASE_URL).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { dirname } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const { cleanupAll } = await import("./cleanup.js");
  const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  try {
    const result = await runScaleBench({
      repoRoot,
      dir: /^postgres(ql)?:/.test(process.argv[2] ?? "") ? "." : dirname(process.argv[2] ?? "."),
      existingDatabase: process.argv[2] ?? "",
      stories: Number(process.argv[3] ?? 0),
      samples: 2000,
      warmup: 200,
      coldStarts: 3,
      maxMs: 45_000,
      log: console.log,
    });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await cleanupAll();
  }
}
