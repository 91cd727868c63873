import type {
  ByteRange,
  MediaObjectStore,
  ObjectMeta,
  StoredObject,
} from "./media-object-store.js";
import type { MediaStores } from "./media-objects.js";

/**
 * The store clips read and write through. Clips' rows hold keys but no location (unlike
 * images' `store` column), so while `newsdesk media migrate` moves `clips/…` objects from
 * MEDIA_PREVIOUS_STORE to MEDIA_STORE, a key is in one store or the other: reads try the
 * primary, then the previous store, then the primary once more (the object may have been
 * copied and its original removed between the first two tries). Writes go to the primary.
 * Without a previous store this is the primary itself (`clipObjectStore`).
 */
class MigratingObjectStore implements MediaObjectStore {
  readonly #primary: MediaObjectStore;
  readonly #previous: MediaObjectStore;

  constructor(primary: MediaObjectStore, previous: MediaObjectStore) {
    this.#primary = primary;
    this.#previous = previous;
  }

  get kind(): MediaObjectStore["kind"] {
    return this.#primary.kind;
  }

  put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, meta: ObjectMeta): Promise<void> {
    return this.#primary.put(key, body, meta);
  }

  async head(key: string): Promise<ObjectMeta | undefined> {
    return (
      (await this.#primary.head(key)) ??
      (await this.#previous.head(key)) ??
      (await this.#primary.head(key))
    );
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    return (
      (await this.#primary.get(key, range)) ??
      (await this.#previous.get(key, range)) ??
      (await this.#primary.get(key, range))
    );
  }

  async delete(key: string): Promise<void> {
    await Promise.all([this.#primary.delete(key), this.#previous.delete(key)]);
  }

  async *list(prefix: string): AsyncIterable<string> {
    const seen = new Set<string>();
    for (const store of [this.#primary, this.#previous]) {
      for await (const key of store.list(prefix)) {
        if (seen.has(key)) continue;
        seen.add(key);
        yield key;
      }
    }
  }

  /**
   * No redirects during a migration: which store holds a key is known only by asking, and
   * a redirect to the primary's public URL would fail for objects not yet moved. Readers
   * are redirected again once MEDIA_PREVIOUS_STORE is unset.
   */
  publicUrl(): string | undefined {
    return undefined;
  }
}

/** The store clips use: the primary, falling back to the previous one during a migration. */
export function clipObjectStore(stores: MediaStores): MediaObjectStore {
  return stores.previous
    ? new MigratingObjectStore(stores.primary, stores.previous)
    : stores.primary;
}
