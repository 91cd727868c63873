/**
 * Where media bytes live (ADR: media outside the database). The database keeps only an
 * asset's metadata and the keys of its objects; the bytes go to a store: a local directory
 * (the embedded default) or S3-compatible object storage. Keys are opaque, slash-separated,
 * ASCII paths chosen by the caller (e.g. `media/<assetId>/<renditionName>`), never paths a
 * user typed.
 */
export interface MediaObjectStore {
  readonly kind: "dir" | "s3";
  /**
   * Writes an object once. Rendition keys are immutable: writing the same key again with
   * the same bytes is allowed (a retried job), which is why callers may repeat a put.
   */
  put(key: string, body: Uint8Array | AsyncIterable<Uint8Array>, meta: ObjectMeta): Promise<void>;
  /** The object's size and type without its bytes; undefined when there is no such key. */
  head(key: string): Promise<ObjectMeta | undefined>;
  /**
   * The object's bytes, or one byte range of them (RFC 9110 §14.1.2, `first`..`last`
   * inclusive, already checked against the size by the caller); undefined when absent.
   */
  get(key: string, range?: ByteRange): Promise<StoredObject | undefined>;
  delete(key: string): Promise<void>;
  /** Every key under a prefix, for `newsdesk media migrate` and backups. */
  list(prefix: string): AsyncIterable<string>;
  /**
   * The URL readers may be redirected to instead of streaming through Newsdesk, when the
   * store is configured with a public base URL; undefined otherwise.
   */
  publicUrl(key: string): string | undefined;
}

export interface ObjectMeta {
  readonly contentType: string;
  /** The whole object's length in bytes. */
  readonly bytes: number;
}

export interface ByteRange {
  readonly first: number;
  readonly last: number;
}

export interface StoredObject extends ObjectMeta {
  readonly body: AsyncIterable<Uint8Array>;
  /** The range served, when one was asked for. */
  readonly range?: ByteRange;
}
