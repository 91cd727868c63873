import type { PublishedSummary } from "../published/published-story-repository.js";
import type { ServiceId } from "../services/service-registry.js";
import type { CuratedItem, CuratedList } from "./curation-schema.js";

/** A list to store, replacing the one at `expectedVersion`. */
export interface CuratedListWrite {
  readonly serviceId: ServiceId;
  readonly listKey: string;
  readonly storyIds: readonly string[];
  readonly expectedVersion: number;
  readonly at: string;
  readonly by: string | null;
}

/** Storage of curated lists (migration 0017). */
export interface CurationRepository {
  find(serviceId: ServiceId, listKey: string): Promise<CuratedList | undefined>;
  /**
   * Replaces the list's items and bumps its version, only if it is still at
   * `expectedVersion` (0: never saved). False when someone else saved first.
   */
  save(write: CuratedListWrite): Promise<boolean>;
  /** The list's stories that readers can see now, in the list's order, as lists show them. */
  livePinned(serviceId: ServiceId, listKey: string): Promise<PublishedSummary[]>;
  /** The given stories as the newsroom lists them, any status, in no particular order. */
  items(ids: readonly string[]): Promise<CuratedItem[]>;
  /** Published stories of these services whose headline contains `text`, newest first. */
  searchPublished(
    serviceIds: readonly ServiceId[],
    text: string,
    limit: number,
  ): Promise<CuratedItem[]>;
}
