import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrateMediaObjects } from "../../src/domain/media/media-migration.js";
import type {
  ByteRange,
  MediaObjectStore,
  ObjectMeta,
  StoredObject,
} from "../../src/domain/media/media-object-store.js";
import { collect, MediaObjects } from "../../src/domain/media/media-objects.js";
import { DirectoryObjectStore } from "../../src/media/directory-object-store.js";
import { MediaSqlRepository } from "../../src/storage/media-sql-repository.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

/**
 * A second store kind kept in memory, so the migration's checks can be tested against a
 * store that loses or damages what it is given (no real store does that on purpose).
 */
class MemoryStore implements MediaObjectStore {
  readonly kind = "s3";
  readonly objects = new Map<string, { meta: ObjectMeta; data: Uint8Array }>();
  constructor(
    private readonly damage: (key: string, data: Uint8Array) => Uint8Array = (_, d) => d,
  ) {}
  async put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, meta: ObjectMeta) {
    const data = body instanceof Uint8Array ? body : await collect(body);
    this.objects.set(key, { meta, data: this.damage(key, data) });
  }
  async head(key: string) {
    return this.objects.get(key)?.meta;
  }
  async get(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    const found = this.objects.get(key);
    if (!found) return undefined;
    const part = range ? found.data.subarray(range.first, range.last + 1) : found.data;
    return {
      ...found.meta,
      bytes: found.data.byteLength,
      body: (async function* () {
        yield part;
      })(),
    };
  }
  async delete(key: string) {
    this.objects.delete(key);
  }
  async *list(prefix: string) {
    for (const key of this.objects.keys()) if (key.startsWith(prefix)) yield key;
  }
  publicUrl() {
    return undefined;
  }
}

describe.each(dialects)("media objects and their migration on %s", (dialect) => {
  let database: TestDatabase;
  let repository: MediaSqlRepository;
  const root = mkdtempSync(join(tmpdir(), "newsdesk-media-objects-"));

  beforeEach(async () => {
    database = await openTestDatabase(dialect);
    repository = new MediaSqlRepository(database.db);
    for (const id of ["m1", "m2", "m3"]) {
      await database.db
        .insertInto("media")
        .values({
          id,
          mime: "image/jpeg",
          width: 10,
          height: 10,
          bytes: 3,
          sha256: `${id}`.padEnd(64, "0"),
          caption: "",
          credit: "",
          alt: "",
          focal_x: 0.5,
          focal_y: 0.5,
          rights_source: "",
          rights_usage: "",
          created_at: "2026-12-01T10:00:00.000Z",
        })
        .execute();
      // Bytes in the database, as an install from before media stores kept them.
      await database.db
        .insertInto("media_renditions")
        .values({
          media_id: id,
          name: "16x9-320.webp",
          shape: "16x9",
          format: "webp",
          width: 320,
          height: 180,
          data: new Uint8Array(2000).fill(id.charCodeAt(1)),
        })
        .execute();
    }
  });
  afterEach(async () => {
    await database.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("leaves an object whose copy does not match where it was, and moves the rest", async () => {
    const target = new MemoryStore((key, data) =>
      key.includes("/m2/") ? data.map((b) => b ^ 1) : data,
    );
    const objects = new MediaObjects({ repository, stores: { primary: target } });
    const result = await migrateMediaObjects({ repository, objects, to: "s3" });
    expect(result.moved).toBe(2);
    expect(result.failed).toEqual([
      {
        key: "media/m2/16x9-320.webp",
        reason: expect.stringMatching(
          /^media\/m2\/16x9-320\.webp: SHA-256 [0-9a-f]{64} stored, [0-9a-f]{64} read\.$/,
        ),
      },
    ]);
    expect((await repository.findObject("m2", "16x9-320.webp"))?.location).toBe("db");
    expect((await repository.readDatabaseBytes("m2", "16x9-320.webp"))?.byteLength).toBe(2000);
    expect(await repository.findObject("m1", "16x9-320.webp")).toMatchObject({
      location: "s3",
      bytes: 2000,
    });
    expect(await repository.readDatabaseBytes("m1", "16x9-320.webp")).toBeUndefined();
    expect(await repository.countByLocation()).toEqual({
      db: { objects: 1, bytes: 2000 },
      dir: { objects: 0, bytes: 0 },
      s3: { objects: 2, bytes: 4000 },
    });
  });

  it("switches a row only if it still points where the copy was read from", async () => {
    const record = await repository.findObject("m1", "16x9-320.webp");
    if (!record) throw new Error("missing row");
    const to = { location: "dir" as const, key: record.key, bytes: 2000, sha256: "a".repeat(64) };
    expect(await repository.relocate(record, to)).toBe(true);
    // A second mover read it while it was still in the database: refused.
    expect(await repository.relocate(record, { ...to, location: "s3" })).toBe(false);
    expect((await repository.findObject("m1", "16x9-320.webp"))?.location).toBe("dir");
  });

  it("reads an object moved under a reader at its new location", async () => {
    const dir = new DirectoryObjectStore({ root });
    const memory = new MemoryStore();
    const objects = new MediaObjects({ repository, stores: { primary: memory, previous: dir } });
    const before = new MediaObjects({ repository, stores: { primary: dir } });
    expect((await migrateMediaObjects({ repository, objects: before, to: "dir" })).moved).toBe(3);
    // A reader resolves the object in the directory…
    const resolved = await objects.resolve("m3", "16x9-320.webp");
    expect(resolved?.record.location).toBe("dir");
    // …the migration moves it to the other store and removes the original…
    expect((await migrateMediaObjects({ repository, objects, to: "s3" })).moved).toBe(3);
    expect(await dir.head("media/m3/16x9-320.webp")).toBeUndefined();
    // …and the reader still gets the bytes.
    const opened = resolved && (await objects.open(resolved, { first: 0, last: 9 }));
    if (!opened) throw new Error("the moved object was not found at its new location");
    expect([...(await collect(opened.body))]).toEqual(new Array(10).fill("3".charCodeAt(0)));
  });
});
