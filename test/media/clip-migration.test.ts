import { describe, expect, it } from "vitest";
import { migrateClipObjects } from "../../src/domain/clips/clip-migration.js";
import { DeferredDeletes } from "../../src/domain/media/deferred-deletes.js";
import type { ObjectMeta } from "../../src/domain/media/media-object-store.js";
import { collect } from "../../src/domain/media/media-objects.js";
import { clipObjectStore } from "../../src/domain/media/migrating-object-store.js";
import { MemoryObjectStore } from "../support/memory-object-store.js";

/**
 * Clip objects have no location column, so `newsdesk media migrate` moves them object by
 * object, and servers read them wherever they are meanwhile.
 */

function bytesOf(size: number, seed: number): Uint8Array {
  return new Uint8Array(size).map((_, k) => (k * 31 + seed) % 256);
}

async function filled(keys: readonly string[]): Promise<MemoryObjectStore> {
  const store = new MemoryObjectStore();
  for (const [index, key] of keys.entries()) {
    const data = bytesOf(1000 + index * 17, index);
    await store.put(key, data, { contentType: "video/mp2t", bytes: data.byteLength });
  }
  return store;
}

const keys = [
  "clips/aaaaaaaa/original",
  "clips/aaaaaaaa/hls/master.m3u8",
  "clips/aaaaaaaa/hls/360p/index.m3u8",
  "clips/aaaaaaaa/hls/360p/segment-00000.ts",
  "clips/aaaaaaaa/hls/360p/segment-00001.ts",
  "clips/bbbbbbbb/original",
];

/** A store that keeps a corrupted copy of one key, or fails puts after a number of them. */
class FaultyStore extends MemoryObjectStore {
  constructor(
    readonly corrupt: string | undefined,
    public putsLeft = Number.POSITIVE_INFINITY,
  ) {
    super();
  }
  override async put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, meta: ObjectMeta) {
    if (this.putsLeft-- <= 0) throw new Error("connection reset");
    await super.put(key, body, meta);
    const stored = this.objects.get(key);
    if (key === this.corrupt && stored) stored.bytes[0] = (stored.bytes[0] ?? 0) ^ 0xff;
  }
}

describe("migrateClipObjects", () => {
  it("moves every object under clips/ (segments and orphans included), byte for byte", async () => {
    const from = await filled([...keys, "media/abc/source"]);
    const before = new Map(keys.map((key) => [key, from.objects.get(key)?.bytes]));
    const to = new MemoryObjectStore();
    const result = await migrateClipObjects({ from, to, graceMs: 0, concurrency: 3 });
    expect(result).toMatchObject({ moved: keys.length, skipped: 0, failed: [] });
    expect(result.bytes).toBe([...before.values()].reduce((n, b) => n + (b?.byteLength ?? 0), 0));
    for (const [key, data] of before) expect(to.objects.get(key)?.bytes).toEqual(data);
    // Only clips' objects: images are moved by their own rows.
    expect([...from.objects.keys()]).toEqual(["media/abc/source"]);
  });

  it("keeps the original when the copy does not verify", async () => {
    const from = await filled(keys);
    const to = new FaultyStore("clips/aaaaaaaa/hls/360p/segment-00001.ts");
    const result = await migrateClipObjects({ from, to, graceMs: 0 });
    expect(result.moved).toBe(keys.length - 1);
    expect(result.failed).toEqual([
      {
        key: "clips/aaaaaaaa/hls/360p/segment-00001.ts",
        reason: expect.stringContaining("SHA-256"),
      },
    ]);
    expect([...from.objects.keys()]).toEqual(["clips/aaaaaaaa/hls/360p/segment-00001.ts"]);
  });

  it("resumes after an interrupted run without losing an object", async () => {
    const from = await filled(keys);
    const original = new Map(keys.map((key) => [key, from.objects.get(key)?.bytes]));
    const to = new FaultyStore(undefined, 2);
    const first = await migrateClipObjects({ from, to, graceMs: 0, concurrency: 1 });
    expect(first.moved).toBe(2);
    expect(first.failed).toHaveLength(keys.length - 2);
    // Every object is readable in one store or the other throughout.
    const reader = clipObjectStore({ primary: to, previous: from });
    for (const [key, data] of original) {
      const found = await reader.get(key);
      expect(found && (await collect(found.body)), key).toEqual(data);
    }
    to.putsLeft = Number.POSITIVE_INFINITY;
    const second = await migrateClipObjects({ from, to, graceMs: 0 });
    expect(second).toMatchObject({ moved: keys.length - 2, failed: [] });
    expect(from.objects.size).toBe(0);
    for (const [key, data] of original) expect(to.objects.get(key)?.bytes).toEqual(data);
  });

  it("leaves originals readable for the grace period, then removes them", async () => {
    const from = await filled(keys.slice(0, 2));
    const to = new MemoryObjectStore();
    const deletes = new DeferredDeletes(60_000);
    deletes.add(() => from.delete(keys[0] ?? ""));
    await deletes.settle();
    expect(from.objects.has(keys[0] ?? "")).toBe(true);
    const started = performance.now();
    await migrateClipObjects({ from, to, graceMs: 150 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(from.objects.size).toBe(0);
  });
});

describe("clipObjectStore", () => {
  it("is the primary store itself when no migration is running", async () => {
    const primary = new MemoryObjectStore();
    expect(clipObjectStore({ primary })).toBe(primary);
  });

  it("reads the primary first, then the previous store, and writes to the primary", async () => {
    const primary = await filled(["clips/aaaaaaaa/original"]);
    const previous = await filled(["clips/aaaaaaaa/original", "clips/aaaaaaaa/poster.jpg"]);
    previous.objects.set("clips/aaaaaaaa/original", {
      meta: { contentType: "video/mp2t", bytes: 3 },
      bytes: new Uint8Array([9, 9, 9]),
    });
    const store = clipObjectStore({ primary, previous });
    expect((await store.head("clips/aaaaaaaa/original"))?.bytes).toBe(1000);
    expect((await store.head("clips/aaaaaaaa/poster.jpg"))?.bytes).toBe(1017);
    const range = await store.get("clips/aaaaaaaa/poster.jpg", { first: 10, last: 19 });
    expect(range && (await collect(range.body))).toEqual(bytesOf(1017, 1).subarray(10, 20));
    expect(await store.get("clips/aaaaaaaa/missing")).toBeUndefined();
    const listed: string[] = [];
    for await (const key of store.list("clips/")) listed.push(key);
    expect(listed.sort()).toEqual(["clips/aaaaaaaa/original", "clips/aaaaaaaa/poster.jpg"]);
    await store.put("clips/cccccccc/original", new Uint8Array([1, 2]), {
      contentType: "audio/mpeg",
      bytes: 2,
    });
    expect(primary.objects.has("clips/cccccccc/original")).toBe(true);
    expect(previous.objects.has("clips/cccccccc/original")).toBe(false);
    expect(store.publicUrl("clips/aaaaaaaa/original")).toBeUndefined();
  });
});
