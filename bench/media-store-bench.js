#!/usr/bin/env node
// Media stores (ADR 0014), on loopback and bounded:
//  1. upload → serve of a ~5 MB photo through the directory store and through an S3-compatible
//     store (s3rver on 127.0.0.1): the upload (decode, renditions, writes to the store) and
//     then GETs of the original-aspect 1600 px rendition and a 1 MB range of the 5 MB
//     original, read straight from each store;
//  2. `newsdesk media migrate` throughput on N generated images whose bytes an older
//     install kept in the database (one ~200 KB file each): db → dir, dir → s3, s3 → dir,
//     each through the real CLI, which prints objects/s and MB/s.
// Run after a build: `npm run build && node bench/media-store-bench.js [N]` (default 500).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import S3rver from "s3rver";
import sharp from "sharp";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, "dist");
const { loadConfig } = await import(join(dist, "config/config.js"));
const { createNewsdesk } = await import(join(dist, "main.js"));
const { systemActor } = await import(join(dist, "domain/actor.js"));
const { newId } = await import(join(dist, "domain/ids.js"));

const images = Number(process.argv[2] ?? 500);
const dir = mkdtempSync(join(tmpdir(), "newsdesk-media-bench-"));
const s3rver = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory: join(dir, "s3"),
  configureBuckets: [{ name: "bench" }],
});
const { port } = await s3rver.run();
const s3Env = {
  MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
  MEDIA_S3_FORCE_PATH_STYLE: "1",
  AWS_ACCESS_KEY_ID: "S3RVER",
  AWS_SECRET_ACCESS_KEY: "S3RVER",
};
Object.assign(process.env, s3Env);

/** A photo-like JPEG of about 5 MB: noise does not compress. */
async function fiveMegabytePhoto() {
  const width = 3000;
  const height = 2000;
  const noise = randomBytes(width * height * 3);
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

const ms = (t) => `${(performance.now() - t).toFixed(0)} ms`;

try {
  const photo = await fiveMegabytePhoto();
  console.log(`photo: ${(photo.byteLength / 1048576).toFixed(2)} MB JPEG, 3000×2000`);
  for (const store of process.env.MEDIA_BENCH_SKIP_UPLOAD ? [] : ["dir", "s3"]) {
    const env = {
      DATABASE_URL: `sqlite:${join(dir, `${store}.db`)}`,
      LOG_LEVEL: "silent",
      SEED_DEMO: "never",
      MEDIA_STORE: store === "dir" ? `dir:${join(dir, "media-upload")}` : "s3://bench/upload",
      ...s3Env,
    };
    const newsdesk = await createNewsdesk(loadConfig(env), { seed: false });
    try {
      const t = performance.now();
      const { asset } = await newsdesk.services.media.upload(systemActor("bench"), photo, {
        caption: "",
        credit: "",
        alt: "",
        focalX: 0.5,
        focalY: 0.5,
        rightsSource: "",
        rightsUsage: "",
      });
      const uploaded = ms(t);
      const t2 = performance.now();
      const served = await newsdesk.app.request(`/media/${asset.id}/original-1600.jpg`);
      const body = await served.arrayBuffer();
      const serve = ms(t2);
      const objects = await import(join(dist, "media/media-stores.js"));
      const opened = objects.openMediaObjects(newsdesk.config.media, newsdesk.repositories.media);
      const t3 = performance.now();
      const source = await opened.objects.readAll(asset.id, "source");
      const whole = ms(t3);
      opened.close();
      const t4 = performance.now();
      const part = await newsdesk.app.request(`/media/${asset.id}/original-1600.jpg`, {
        headers: { Range: "bytes=0-1023" },
      });
      await part.arrayBuffer();
      console.log(
        `${store}: upload ${uploaded}; GET original-1600.jpg (${(body.byteLength / 1024).toFixed(0)} KB) ${serve}; 1 KB range ${ms(t4)} (${part.status}); read back the ${(source.byteLength / 1048576).toFixed(1)} MB original ${whole}`,
      );
    } finally {
      await newsdesk.close();
    }
  }

  // Migration: N images with their bytes in the database, as before media stores.
  const url = `sqlite:${join(dir, "migrate.db")}`;
  const seedEnv = { DATABASE_URL: url, LOG_LEVEL: "silent", SEED_DEMO: "never" };
  const newsdesk = await createNewsdesk(loadConfig(seedEnv), { seed: false });
  try {
    const db = newsdesk.database.db;
    const file = await sharp(randomBytes(300 * 220 * 3), {
      raw: { width: 300, height: 220, channels: 3 },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    for (let i = 0; i < images; i += 100) {
      const batch = Array.from({ length: Math.min(100, images - i) }, () => newId());
      await db
        .insertInto("media")
        .values(
          batch.map((id, k) => ({
            id,
            mime: "image/jpeg",
            width: 300,
            height: 220,
            bytes: file.byteLength,
            sha256: `${id}${String(i + k).padStart(8, "0")}`.padEnd(64, "0"),
            caption: "",
            credit: "",
            alt: "",
            focal_x: 0.5,
            focal_y: 0.5,
            rights_source: "",
            rights_usage: "",
            created_at: new Date().toISOString(),
          })),
        )
        .execute();
      await db
        .insertInto("media_renditions")
        .values(
          batch.map((id) => ({
            media_id: id,
            name: "original-320.jpg",
            shape: "original",
            format: "jpeg",
            width: 300,
            height: 220,
            // Each file differs (its id at the start), as real photos do.
            data: Buffer.concat([Buffer.from(id), file]),
          })),
        )
        .execute();
    }
  } finally {
    await newsdesk.close();
  }
  const steps = [
    ["dir", { MEDIA_STORE: `dir:${join(dir, "media-a")}` }],
    [
      "s3",
      { MEDIA_STORE: "s3://bench/migrate", MEDIA_PREVIOUS_STORE: `dir:${join(dir, "media-a")}` },
    ],
    [
      "dir",
      { MEDIA_STORE: `dir:${join(dir, "media-b")}`, MEDIA_PREVIOUS_STORE: "s3://bench/migrate" },
    ],
  ];
  for (const [to, env] of steps) {
    const from = env.MEDIA_PREVIOUS_STORE ? env.MEDIA_PREVIOUS_STORE.split(":")[0] : "db";
    // Asynchronously: s3rver answers from this process's event loop.
    const { stdout: out } = await promisify(execFile)(
      process.execPath,
      [join(root, "bin/newsdesk.js"), "media", "migrate", "--to", to],
      {
        env: { ...process.env, ...seedEnv, ...s3Env, ...env },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    console.log(`migrate ${from} → ${to}, ${images} images: ${out.trim()}`);
  }
} finally {
  await s3rver.close();
  rmSync(dir, { recursive: true, force: true });
}
