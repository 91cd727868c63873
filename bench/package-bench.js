#!/usr/bin/env node
// `node bench/package-bench.js` (after `npm run build`; run through npm/npx so it is Node 24):
// issue 16's offline package targets on SQLite. `newsdesk seed-bench` adds BENCH_STORIES (50)
// published stories (a lead picture on every third) to English and Persian; then
// `buildPackage` (the code behind `newsdesk package`) builds the top 50 of each edition as
// EPUB 3 and ZIM. Targets: ≤ 5 MB and ≤ 60 s per package. The seeded stories share the demo's
// few small pictures, which a package stores once; the "worst case" rows give each of the 50
// stories one more picture of its own, a 1600×1067 photo of noise (much harder to compress
// than a real photo), so the size is an upper bound for one picture per story.
// Prints a Markdown table and writes bench/results/package.json.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const stories = Number(process.env.BENCH_STORIES ?? 50);
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;

const { loadConfig } = await import(dist("config/config.js"));
const { createNewsdesk } = await import(dist("main.js"));
const { buildPackage } = await import(dist("export/offline-package.js"));
const { services } = await import(dist("domain/services/service-registry.js"));

const dir = await mkdtemp(join(tmpdir(), "newsdesk-package-bench-"));
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
  for (const service of ["en", "fa"]) {
    cli("seed-bench", "--stories", String(stories), "--service", service);
  }
  cli("keys", "generate");
  const newsdesk = await createNewsdesk(loadConfig(env), { seed: false });
  const rows = [];
  try {
    const key = newsdesk.reach.keyRing.current;
    let page = 0;
    // Noise drawn at the packaged size and scaled up, so that resizing does not average it away.
    const grain = await sharp({
      create: {
        width: 480,
        height: 320,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 40 },
      },
    })
      .png()
      .toBuffer();
    const noise = await sharp(grain)
      .resize({ width: 1600, height: 1067, kernel: "nearest" })
      .jpeg({ quality: 85 })
      .toBuffer();
    const distinctImages = async (path) => {
      if (path.startsWith("/media/bench-")) {
        return new Response(noise, { headers: { "Content-Type": "image/jpeg" } });
      }
      const response = await newsdesk.app.request(path);
      if (!(response.headers.get("Content-Type") ?? "").startsWith("text/html")) return response;
      page += 1;
      const html = (await response.text()).replace(
        /<\/h1>/,
        `</h1><figure><img src="/media/bench-${page}.jpg" alt=""/></figure>`,
      );
      return new Response(html, { status: response.status, headers: response.headers });
    };
    for (const [service, format, worst] of [
      ["en", "epub", false],
      ["en", "zim", false],
      ["fa", "epub", false],
      ["fa", "zim", false],
      ["fa", "epub", true],
      ["fa", "zim", true],
    ]) {
      {
        const started = performance.now();
        const report = await buildPackage({
          fetchPage: worst ? distinctImages : async (path) => newsdesk.app.request(path),
          edition: services[service],
          publicUrl: env.PUBLIC_URL,
          format,
          outFile: join(dir, `${service}.${format}`),
          key,
          now: new Date(),
          top: 50,
        });
        rows.push({
          service: worst ? `${service} (worst case)` : service,
          format,
          ...report,
          seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
        });
      }
    }
  } finally {
    await newsdesk.close();
  }
  const results = { stories, loadAverage1m: Number(loadavg()[0].toFixed(1)), packages: rows };
  console.log(`Load average (1 min) at the end: ${results.loadAverage1m} on 2 cores.`);
  console.log("| package | stories | images | size | time | target |\n|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.service} ${r.format} | ${r.stories} | ${r.images} | ${(r.bytes / 1_000_000).toFixed(2)} MB | ${r.seconds.toFixed(1)} s | ≤ 5 MB, ≤ 60 s |`,
    );
  }
  await mkdir(join(repoRoot, "bench", "results"), { recursive: true });
  await writeFile(
    join(repoRoot, "bench", "results", "package.json"),
    `${JSON.stringify(results, null, 2)}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
