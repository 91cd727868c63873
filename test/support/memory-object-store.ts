import type {
  ByteRange,
  MediaObjectStore,
  ObjectMeta,
  StoredObject,
} from "../../src/domain/media/media-object-store.js";

/**
 * A MediaObjectStore in memory, for tests until the directory and S3 adapters land
 * (branch ops-media-store). It counts puts so tests can see retried writes.
 */
export class MemoryObjectStore implements MediaObjectStore {
  readonly kind = "dir" as const;
  readonly objects = new Map<string, { meta: ObjectMeta; bytes: Uint8Array }>();
  puts = 0;

  async put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, meta: ObjectMeta) {
    const chunks: Uint8Array[] = [];
    if (body instanceof Uint8Array) chunks.push(body);
    else for await (const chunk of body) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    if (bytes.byteLength !== meta.bytes)
      throw new Error(`put ${key}: ${bytes.byteLength} bytes, meta says ${meta.bytes}`);
    this.objects.set(key, { meta, bytes: new Uint8Array(bytes) });
    this.puts++;
  }

  async head(key: string): Promise<ObjectMeta | undefined> {
    return this.objects.get(key)?.meta;
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    const object = this.objects.get(key);
    if (!object) return undefined;
    const bytes = range ? object.bytes.subarray(range.first, range.last + 1) : object.bytes;
    return {
      ...object.meta,
      body: (async function* () {
        yield bytes;
      })(),
      ...(range ? { range } : {}),
    };
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async *list(prefix: string): AsyncIterable<string> {
    for (const key of [...this.objects.keys()].sort()) if (key.startsWith(prefix)) yield key;
  }

  publicUrl(): string | undefined {
    return undefined;
  }
}
