import type { MediaAsset, MediaMetadata, Rendition, RenditionInfo } from "./media-schema.js";

export interface MediaRepository {
  /** Stores the asset, its original bytes and its renditions in one transaction. */
  insert(asset: MediaAsset, source: Uint8Array, renditions: readonly Rendition[]): Promise<void>;
  /** Adds renditions made later (AVIF, in the background); existing names are kept. */
  addRenditions(id: string, renditions: readonly Rendition[]): Promise<void>;
  readSource(id: string): Promise<Uint8Array | undefined>;
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
  readRendition(id: string, name: string): Promise<Rendition | undefined>;
}
