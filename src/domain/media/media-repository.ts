import type { MediaAsset, MediaMetadata, Rendition, RenditionInfo } from "./media-schema.js";

export interface MediaRepository {
  /** Stores the asset with all its renditions in one transaction. */
  insert(asset: MediaAsset, renditions: readonly Rendition[]): Promise<void>;
  updateMetadata(id: string, metadata: MediaMetadata): Promise<boolean>;
  find(id: string): Promise<MediaAsset | undefined>;
  findMany(ids: readonly string[]): Promise<MediaAsset[]>;
  findBySha256(sha256: string): Promise<MediaAsset | undefined>;
  listRenditions(ids: readonly string[]): Promise<Map<string, RenditionInfo[]>>;
  readRendition(id: string, name: string): Promise<Rendition | undefined>;
}
