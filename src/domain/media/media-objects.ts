import { createHash } from "node:crypto";
import { NewsdeskError } from "../error-catalogue.js";
import type { ByteRange, MediaObjectStore, StoredObject } from "./media-object-store.js";
import type { MediaRepository } from "./media-repository.js";
import {
  contentTypeOf,
  type MediaObjectRecord,
  type ObjectLocation,
  objectKeyFor,
} from "./media-schema.js";

export type StoreKind = MediaObjectStore["kind"];

/** The stores this process can read, and the one new objects go to (MEDIA_STORE). */
export interface MediaStores {
  readonly primary: MediaObjectStore;
  /** MEDIA_PREVIOUS_STORE: still read while `newsdesk media migrate` empties it. */
  readonly previous?: MediaObjectStore;
}

/** A file of an asset with what a conditional or partial GET needs to know first. */
export interface ResolvedObject {
  readonly record: MediaObjectRecord;
  readonly contentType: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Bytes still in the database, already read to compute their hash. */
  readonly held?: Uint8Array;
}

/**
 * Media bytes by asset and name, wherever they are: the configured store, the previous
 * one during a migration, or the database (installs from before ADR 0014). Keys are the
 * same in every store (`media/<assetId>/<name>`), so a move changes only the location.
 */
export class MediaObjects {
  readonly #repository: MediaRepository;
  readonly #stores: MediaStores;

  constructor(deps: { repository: MediaRepository; stores: MediaStores }) {
    this.#repository = deps.repository;
    this.#stores = deps.stores;
  }

  /** Where new objects go. */
  get primaryKind(): StoreKind {
    return this.#stores.primary.kind;
  }

  /** The store of a kind, when this process is configured with one. */
  store(kind: StoreKind): MediaObjectStore | undefined {
    if (this.#stores.primary.kind === kind) return this.#stores.primary;
    return this.#stores.previous?.kind === kind ? this.#stores.previous : undefined;
  }

  /** Writes an asset's file to the primary store; the caller records the result. */
  async write(
    mediaId: string,
    name: string,
    format: string,
    data: Uint8Array,
  ): Promise<Pick<MediaObjectRecord, "location" | "key" | "bytes" | "sha256">> {
    const key = objectKeyFor(mediaId, name, format);
    await this.#stores.primary.put(key, data, {
      contentType: contentTypeOf(format),
      bytes: data.byteLength,
    });
    return {
      location: this.#stores.primary.kind,
      key,
      bytes: data.byteLength,
      sha256: createHash("sha256").update(data).digest("hex"),
    };
  }

  /** Best-effort removal of objects written for an upload whose database insert failed. */
  async discard(keys: readonly string[]): Promise<void> {
    await Promise.allSettled(keys.map((key) => this.#stores.primary.delete(key)));
  }

  /** The file's size, type and hash, without streaming a stored object's bytes. */
  async resolve(mediaId: string, name: string): Promise<ResolvedObject | undefined> {
    const record = await this.#repository.findObject(mediaId, name);
    if (!record) return undefined;
    const contentType = contentTypeOf(record.format);
    if (record.location === "db") {
      const held = await this.#repository.readDatabaseBytes(mediaId, name);
      // Moved to a store between the two reads: resolve again, once.
      if (!held) return this.#resolveStored(mediaId, name);
      return {
        record,
        contentType,
        bytes: held.byteLength,
        sha256: createHash("sha256").update(held).digest("hex"),
        held,
      };
    }
    return { record, contentType, bytes: record.bytes, sha256: record.sha256 ?? "" };
  }

  async #resolveStored(mediaId: string, name: string): Promise<ResolvedObject | undefined> {
    const record = await this.#repository.findObject(mediaId, name);
    if (!record || record.location === "db") return undefined;
    return {
      record,
      contentType: contentTypeOf(record.format),
      bytes: record.bytes,
      sha256: record.sha256 ?? "",
    };
  }

  /**
   * The bytes (or one range) of a resolved file, streamed from its store. When the object is
   * gone because `newsdesk media migrate` moved it meanwhile, the new location is read.
   */
  async open(resolved: ResolvedObject, range?: ByteRange): Promise<StoredObject | undefined> {
    if (resolved.held) return heldObject(resolved.held, resolved.contentType, range);
    const { record } = resolved;
    if (record.location === "db") return undefined;
    const found = await this.#storeFor(record.location).get(record.key, range);
    if (found) return found;
    const moved = await this.#repository.findObject(record.mediaId, record.name);
    if (!moved || moved.location === "db" || moved.location === record.location) return undefined;
    return this.#storeFor(moved.location).get(moved.key, range);
  }

  /** The store's public URL for a resolved file, when readers may be redirected there. */
  publicUrl(resolved: ResolvedObject): string | undefined {
    const { location, key } = resolved.record;
    if (location === "db") return undefined;
    return this.store(location)?.publicUrl(key);
  }

  /** A whole file in memory (the AVIF job reads the original): bounded by the upload limit. */
  async readAll(mediaId: string, name: string): Promise<Uint8Array | undefined> {
    const resolved = await this.resolve(mediaId, name);
    if (!resolved) return undefined;
    if (resolved.held) return resolved.held;
    const found = await this.open(resolved);
    return found ? collect(found.body, found.bytes) : undefined;
  }

  #storeFor(location: Exclude<ObjectLocation, "db">): MediaObjectStore {
    const store = this.store(location);
    if (!store) {
      throw new NewsdeskError("MEDIA_STORE_UNAVAILABLE", {
        detail: `Some media are in the ${location} store, which this server is not configured for: set MEDIA_STORE or MEDIA_PREVIOUS_STORE to it (docs/ops/README.md, "Media storage").`,
      });
    }
    return store;
  }
}

function heldObject(data: Uint8Array, contentType: string, range?: ByteRange): StoredObject {
  const part = range ? data.subarray(range.first, range.last + 1) : data;
  return {
    contentType,
    bytes: data.byteLength,
    body: (async function* () {
      yield part;
    })(),
    ...(range ? { range } : {}),
  };
}

/** Joins a stream's chunks; `expected` sizes the buffer when known. */
export async function collect(
  body: AsyncIterable<Uint8Array>,
  expected?: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    length += chunk.byteLength;
  }
  const out = new Uint8Array(expected === length ? expected : length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
