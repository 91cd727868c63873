import type {
  MediaAsset,
  MediaMetadata,
  MediaObjectRecord,
  ObjectLocation,
  RenditionInfo,
} from "./media-schema.js";

/** Metadata and object keys; the bytes live in a `MediaObjectStore` (ADR 0014). */
export interface MediaRepository {
  /** Stores the asset and the records of its original and renditions in one transaction. */
  insert(asset: MediaAsset, objects: readonly MediaObjectRecord[]): Promise<void>;
  /** Adds renditions made later (AVIF, in the background); existing names are kept. */
  addRenditions(id: string, objects: readonly MediaObjectRecord[]): Promise<void>;
  list(query: {
    q?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: MediaAsset[]; total: number }>;
  updateMetadata(id: string, metadata: MediaMetadata): Promise<boolean>;
  find(id: string): Promise<MediaAsset | undefined>;
  findMany(ids: readonly string[]): Promise<MediaAsset[]>;
  findBySha256(sha256: string): Promise<MediaAsset | undefined>;
  listRenditions(ids: readonly string[]): Promise<Map<string, RenditionInfo[]>>;
  /** One file of an asset (`source` included), wherever its bytes are. */
  findObject(id: string, name: string): Promise<MediaObjectRecord | undefined>;
  /** Bytes still kept in the database (location `db`); undefined once moved to a store. */
  readDatabaseBytes(id: string, name: string): Promise<Uint8Array | undefined>;
  /**
   * Files whose bytes are not at `location`, in key order after `after` (keyset paging):
   * what `newsdesk media migrate` still has to move.
   */
  listObjectsOutside(
    location: ObjectLocation,
    after: { mediaId: string; name: string } | undefined,
    limit: number,
  ): Promise<MediaObjectRecord[]>;
  /** Files whose bytes are in a store (not the database), in key order: what a backup copies. */
  listStoredObjects(
    after: { mediaId: string; name: string } | undefined,
    limit: number,
  ): Promise<MediaObjectRecord[]>;
  /**
   * Points a file at its copy in another store, clearing any bytes kept in the database,
   * only if it is still where the caller read it (`from`): false when it moved meanwhile.
   */
  relocate(
    object: Pick<MediaObjectRecord, "mediaId" | "name" | "location">,
    to: { location: Exclude<ObjectLocation, "db">; key: string; bytes: number; sha256: string },
  ): Promise<boolean>;
  /** Files and bytes per location, for `newsdesk media migrate`'s report. */
  countByLocation(): Promise<Record<ObjectLocation, { objects: number; bytes: number }>>;
}
