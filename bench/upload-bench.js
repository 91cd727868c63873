#!/usr/bin/env node
// Media upload processing time per image: decode check, 16:9 and original-aspect
// renditions at 320–1600 px in WebP and JPEG (plus the structured-data crops), stored in a
// temporary SQLite database and a media directory beside it; then the background AVIF job
// for a few of them.
// Run after a build: `npm run build && node bench/upload-bench.js` (Node 24 via npm's PATH).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const dist = join(dirname(dirname(fileURLToPath(import.meta.url))), "dist");
const { openDatabase, migrateToLatest } = await import(join(dist, "storage/database.js"));
const { sqlRepositories } = await import(join(dist, "storage/repositories.js"));
const { MediaService } = await import(join(dist, "domain/media/media-service.js"));
const { MediaObjects } = await import(join(dist, "domain/media/media-objects.js"));
const { DirectoryObjectStore } = await import(join(dist, "media/directory-object-store.js"));
const { SharpImageProcessor } = await import(join(dist, "media/sharp-image-processor.js"));
const { drawDemoImage } = await import(join(dist, "demo/demo-images.js"));
const { systemActor } = await import(join(dist, "domain/actor.js"));

const dir = mkdtempSync(join(tmpdir(), "newsdesk-upload-bench-"));
const database = await openDatabase(`sqlite:${join(dir, "bench.db")}`);
try {
  await migrateToLatest(database);
  const repositories = sqlRepositories(database);
  const media = new MediaService({
    repository: repositories.media,
    objects: new MediaObjects({
      repository: repositories.media,
      stores: { primary: new DirectoryObjectStore({ root: join(dir, "media") }) },
    }),
    images: new SharpImageProcessor({ maxPixels: 50_000_000 }),
    clock: { now: () => new Date() },
  });
  const shapes = ["convoy", "river", "city", "hall"];
  const uploads = [];
  const avif = [];
  for (let i = 0; i < 8; i++) {
    const sky = `#${((i + 1) * 1234567) % 0xffffff}`.padEnd(7, "0").slice(0, 7);
    const bytes = await drawDemoImage(
      { sky: [sky, "#cccccc"], ground: "#776655", accent: "#eeeeee", shapes: shapes[i % 4] },
      3000,
      2000,
    );
    const started = performance.now();
    const { asset } = await media.upload(systemActor("bench"), bytes, {
      caption: "Bench",
      credit: "Bench",
      alt: "A generated scene.",
      focalX: 0.5,
      focalY: 0.5,
      rightsSource: "",
      rightsUsage: "",
    });
    uploads.push(performance.now() - started);
    if (i < 3) {
      const t = performance.now();
      await media.makeAvifRenditions(asset.id);
      avif.push(performance.now() - t);
    }
  }
  uploads.sort((a, b) => a - b);
  const p50 = uploads[Math.floor(uploads.length / 2)] ?? 0;
  console.log(
    `upload, 3000×2000 JPEG: n=${uploads.length} p50=${p50.toFixed(0)} ms max=${(uploads.at(-1) ?? 0).toFixed(0)} ms`,
  );
  console.log(`background AVIF per image: ${avif.map((ms) => `${ms.toFixed(0)} ms`).join(", ")}`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
