#!/usr/bin/env node
// `node bench/mirror-export-bench.js` (after `npm run build`; run through npm/npx so it is
// Node 24): issue 16's export targets on SQLite.
//   1. `newsdesk seed-bench` puts BENCH_STORIES (10,000) published stories in English;
//   2. a full static export of the English edition (`exportEdition`, the code behind
//      `newsdesk mirror export`): seconds and pages/s (target ≤ 60 s);
//   3. one story published, then an incremental export (target ≤ 2 s).
// Prints a Markdown table and writes bench/results/mirror-export.json.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const stories = Number(process.env.BENCH_STORIES ?? 10_000);
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;

const { loadConfig } = await import(dist("config/config.js"));
const { createNewsdesk } = await import(dist("main.js"));
const { exportEdition } = await import(dist("export/static-export.js"));
const { services } = await import(dist("domain/services/service-registry.js"));
const { systemActor } = await import(dist("domain/actor.js"));

const dir = await mkdtemp(join(tmpdir(), "newsdesk-export-bench-"));
try {
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, "bench.db")}`,
    SIGNING_KEY_FILE: join(dir, "signing-key.json"),
    LOG_LEVEL: "silent",
    SEED_DEMO: "never",
    PUBLIC_URL: "https://news.example.org",
  };
  const cli = (...args) =>
    execFileSync(process.execPath, [join(repoRoot, "bin", "newsdesk.js"), ...args], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
    });
  let t = performance.now();
  cli("seed-bench", "--stories", String(stories), "--service", "en");
  const seedS = (performance.now() - t) / 1000;
  cli("keys", "generate");
  const newsdesk = await createNewsdesk(loadConfig(env), { seed: false });
  try {
    const key = newsdesk.reach.keyRing.current;
    const outDir = join(dir, "mirror-en");
    await mkdir(outDir, { recursive: true });
    const run = (since) =>
      exportEdition({
        fetchPage: async (path) => newsdesk.app.request(path),
        edition: services.en,
        publicUrl: env.PUBLIC_URL,
        outDir,
        key,
        now: new Date(),
        ...(since ? { since } : {}),
      });
    t = performance.now();
    const full = await run();
    const fullS = (performance.now() - t) / 1000;
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const actor = systemActor("bench");
    const { story } = await newsdesk.services.stories.create(actor, {
      serviceId: "en",
      content: {
        headline: "Benchmark: one more story",
        standfirst: "Published between two exports.",
        dateline: "",
        slug: "benchmark-one-more-story",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Text." }] }],
        bylines: [],
        agencies: [],
      },
    });
    await newsdesk.services.stories.publish(actor, story.id, { mode: "first" });
    t = performance.now();
    const incremental = await run(before);
    const incrementalS = (performance.now() - t) / 1000;
    const results = {
      stories,
      // A shared 2-core machine: the load during the run says how much of it we had.
      loadAverage1m: Number(loadavg()[0].toFixed(1)),
      seedSeconds: Number(seedS.toFixed(1)),
      full: {
        ...full,
        seconds: Number(fullS.toFixed(2)),
        pagesPerSecond: Math.round(full.pages / fullS),
      },
      incremental: { ...incremental, seconds: Number(incrementalS.toFixed(2)) },
    };
    console.log(`Load average (1 min) at the end: ${results.loadAverage1m} on 2 cores.`);
    console.log(`| measure | value | target |\n|---|---|---|`);
    console.log(
      `| full export, ${stories} stories | ${fullS.toFixed(1)} s, ${full.pages} pages, ${results.full.pagesPerSecond} pages/s, ${full.files} files | ≤ 60 s |`,
    );
    console.log(
      `| incremental after one publish | ${incrementalS.toFixed(2)} s, ${incremental.pages} pages | ≤ 2 s |`,
    );
    await mkdir(join(repoRoot, "bench", "results"), { recursive: true });
    await writeFile(
      join(repoRoot, "bench", "results", "mirror-export.json"),
      `${JSON.stringify(results, null, 2)}\n`,
    );
  } finally {
    await newsdesk.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
