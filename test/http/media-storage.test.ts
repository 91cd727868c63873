import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { drawDemoImage } from "../../src/demo/demo-images.js";
import { systemActor } from "../../src/domain/actor.js";
import type { Newsdesk } from "../../src/main.js";
import { startLocalS3 } from "../support/local-s3.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * Media bytes outside the database (ADR 0014), through the real upload → serve path: the
 * upload writes to MEDIA_STORE, the database keeps only metadata and keys, and
 * `GET /media/:id/:name` streams from the store with immutable caching, ETags, conditional
 * GETs and byte ranges.
 */

const actor = systemActor("media storage test");
const metadata = {
  caption: "Harbour at dawn",
  credit: "Staff",
  alt: "Boats in a harbour",
  focalX: 0.5,
  focalY: 0.5,
  rightsSource: "Staff",
  rightsUsage: "Any",
};

async function upload(newsdesk: Newsdesk, seed: number, width = 1600) {
  const bytes = await drawDemoImage(
    {
      sky: ["#246", "#9bd"],
      ground: "#553",
      accent: `#${(seed * 97).toString(16).padStart(3, "0").slice(0, 3)}`,
      shapes: seed % 2 ? "city" : "convoy",
    },
    width,
    Math.round((width * 9) / 16),
  );
  return (await newsdesk.services.media.upload(actor, bytes, metadata)).asset;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function get(newsdesk: Newsdesk, path: string, headers: Record<string, string> = {}) {
  const response = await newsdesk.app.request(path, { headers });
  return { response, body: new Uint8Array(await response.arrayBuffer()) };
}

describe.each(dialects)("media in a directory store on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  const mediaDir = mkdtempSync(join(tmpdir(), "newsdesk-media-http-"));
  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, {
      seed: false,
      env: { MEDIA_STORE: `dir:${mediaDir}` },
    });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it("writes an upload to the store, keeps only keys in the database and serves the bytes", async () => {
    const asset = await upload(newsdesk, 1);
    const rows = await newsdesk.database.db
      .selectFrom("media_renditions")
      .select(["name", "store", "object_key", "byte_length", "sha256", "data"])
      .where("media_id", "=", asset.id)
      .execute();
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.store).toBe("dir");
      expect(row.data.byteLength).toBe(0);
      const file = join(mediaDir, ...(row.object_key ?? "").split("/"));
      const stored = readFileSync(file);
      expect(stored.byteLength).toBe(Number(row.byte_length));
      expect(sha256(stored)).toBe(row.sha256);
    }
    const source = rows.find((row) => row.name === "source");
    expect(source?.object_key).toBe(
      `media/${asset.id}/source.${asset.mime === "image/png" ? "png" : "jpg"}`,
    );
    expect(existsSync(join(mediaDir, ...(source?.object_key ?? "-").split("/")))).toBe(true);

    const { response, body } = await get(newsdesk, `/media/${asset.id}/16x9-640.webp`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("etag")).toBe(`"${sha256(body)}"`);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(body)).toEqual(
      readFileSync(join(mediaDir, "media", asset.id, "16x9-640.webp")),
    );
    // The original is stored but never served.
    expect((await get(newsdesk, `/media/${asset.id}/source.png`)).response.status).toBe(404);
    expect((await get(newsdesk, `/media/${asset.id}/16x9-642.webp`)).response.status).toBe(404);
  });

  it("answers conditional GETs and byte ranges from the store", async () => {
    const asset = await upload(newsdesk, 2);
    const path = `/media/${asset.id}/original-1280.jpg`;
    const whole = await get(newsdesk, path);
    const etag = whole.response.headers.get("etag") ?? "";
    const size = whole.body.byteLength;
    expect(size).toBeGreaterThan(1000);

    const notModified = await get(newsdesk, path, { "If-None-Match": `"other", W/${etag}` });
    expect(notModified.response.status).toBe(304);
    expect(notModified.body.byteLength).toBe(0);
    expect(notModified.response.headers.get("etag")).toBe(etag);
    expect((await get(newsdesk, path, { "If-None-Match": '"other"' })).response.status).toBe(200);

    const first = await get(newsdesk, path, { Range: "bytes=0-99" });
    expect(first.response.status).toBe(206);
    expect(first.response.headers.get("content-range")).toBe(`bytes 0-99/${size}`);
    expect(first.response.headers.get("content-length")).toBe("100");
    expect([...first.body]).toEqual([...whole.body.subarray(0, 100)]);

    const suffix = await get(newsdesk, path, { Range: "bytes=-10" });
    expect(suffix.response.status).toBe(206);
    expect([...suffix.body]).toEqual([...whole.body.subarray(size - 10)]);

    const open = await get(newsdesk, path, { Range: `bytes=${size - 5}-` });
    expect(open.response.headers.get("content-range")).toBe(
      `bytes ${size - 5}-${size - 1}/${size}`,
    );
    expect([...open.body]).toEqual([...whole.body.subarray(size - 5)]);

    const beyond = await get(newsdesk, path, { Range: `bytes=${size}-` });
    expect(beyond.response.status).toBe(416);
    expect(beyond.response.headers.get("content-range")).toBe(`bytes */${size}`);

    // If-Range with another tag: the representation changed, so the whole of it (§13.1.5).
    const changed = await get(newsdesk, path, { Range: "bytes=0-9", "If-Range": '"old"' });
    expect(changed.response.status).toBe(200);
    expect(changed.body.byteLength).toBe(size);
    const same = await get(newsdesk, path, { Range: "bytes=0-9", "If-Range": etag });
    expect(same.response.status).toBe(206);

    const head = await newsdesk.app.request(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(size));
  });

  it("keeps serving images whose bytes an older install kept in the database", async () => {
    const asset = await upload(newsdesk, 3);
    const bytes = new Uint8Array(5000).map((_, i) => (i * 13) % 256);
    // As rows looked before migration 0023: the bytes in `data`, no key.
    await newsdesk.database.db
      .insertInto("media_renditions")
      .values({
        media_id: asset.id,
        name: "4x3-320.webp",
        shape: "4x3",
        format: "webp",
        width: 320,
        height: 240,
        data: bytes,
      })
      .execute();
    const whole = await get(newsdesk, `/media/${asset.id}/4x3-320.webp`);
    expect(whole.response.status).toBe(200);
    expect(whole.response.headers.get("etag")).toBe(`"${sha256(bytes)}"`);
    expect(Buffer.from(whole.body)).toEqual(Buffer.from(bytes));
    const part = await get(newsdesk, `/media/${asset.id}/4x3-320.webp`, { Range: "bytes=10-19" });
    expect(part.response.status).toBe(206);
    expect([...part.body]).toEqual([...bytes.subarray(10, 20)]);
  });

  it("runs the background AVIF job from the original in the store", async () => {
    // A small original keeps the AVIF encoding (≈1 s per rendition) short.
    const asset = await upload(newsdesk, 4, 480);
    expect(await newsdesk.services.media.makeAvifRenditions(asset.id)).toBeGreaterThan(0);
    const avif = await get(newsdesk, `/media/${asset.id}/16x9-320.avif`);
    expect(avif.response.status).toBe(200);
    expect(avif.response.headers.get("content-type")).toBe("image/avif");
    expect(existsSync(join(mediaDir, "media", asset.id, "16x9-320.avif"))).toBe(true);
  }, 60_000);
});

describe("media in an S3-compatible store (s3rver)", () => {
  let s3: Awaited<ReturnType<typeof startLocalS3>>;
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  beforeAll(async () => {
    s3 = await startLocalS3();
    // The AWS SDK reads credentials from the process environment, as in production.
    for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
    newsdesk = await startTestNewsdesk("sqlite", {
      seed: false,
      env: { ...s3.env, MEDIA_STORE: `s3://${s3.bucket}/newsroom` },
    });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
    await s3?.close();
    vi.unstubAllEnvs();
  });

  it("uploads to the bucket and serves from it, ranges included", async () => {
    const asset = await upload(newsdesk, 5);
    const direct = await fetch(
      `${s3.endpoint}/${s3.bucket}/newsroom/media/${asset.id}/16x9-960.webp`,
    );
    expect(direct.status).toBe(200);
    const stored = new Uint8Array(await direct.arrayBuffer());
    const served = await get(newsdesk, `/media/${asset.id}/16x9-960.webp`);
    expect(served.response.status).toBe(200);
    expect(Buffer.from(served.body)).toEqual(Buffer.from(stored));
    expect(served.response.headers.get("etag")).toBe(`"${sha256(stored)}"`);
    const part = await get(newsdesk, `/media/${asset.id}/16x9-960.webp`, {
      Range: "bytes=100-199",
    });
    expect(part.response.status).toBe(206);
    expect([...part.body]).toEqual([...stored.subarray(100, 200)]);
    const row = await newsdesk.database.db
      .selectFrom("media_renditions")
      .select(["store", "data"])
      .where("media_id", "=", asset.id)
      .where("name", "=", "16x9-960.webp")
      .executeTakeFirstOrThrow();
    expect(row.store).toBe("s3");
    expect(row.data.byteLength).toBe(0);
  });
});

describe("media behind a public base URL", () => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite", {
      seed: false,
      env: { MEDIA_PUBLIC_BASE_URL: "https://img.example.org/newsdesk/" },
    });
  });
  afterAll(async () => newsdesk?.dispose());

  it("redirects readers to the store's public URL instead of streaming", async () => {
    const asset = await upload(newsdesk, 6);
    const response = await newsdesk.app.request(`/media/${asset.id}/16x9-320.webp`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `https://img.example.org/newsdesk/media/${asset.id}/16x9-320.webp`,
    );
  });
});
