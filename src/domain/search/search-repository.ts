import type { ServiceId } from "../services/service-registry.js";
import type { StorySummary } from "../stories/story-repository.js";
import type { IsoDateTime } from "../stories/story-schema.js";

/** A prepared search: folded terms (search-folding.ts), a scope and a page. */
export interface SearchRequest {
  /** Folded terms, all of which must match (AND). */
  readonly terms: readonly string[];
  /** Services to search; `null` searches every service (the newsroom's cross-service search). */
  readonly serviceIds: readonly ServiceId[] | null;
  readonly limit: number;
  readonly offset: number;
  /** Reference time for the recency part of the ranking. */
  readonly now: IsoDateTime;
}

export interface SearchRow {
  readonly summary: StorySummary;
  /** Standfirst and body text as published, then an episode's transcript, for the snippet. */
  readonly body: string;
  /** Relevance × recency: higher is better; comparable within one result list only. */
  readonly score: number;
}

export interface SearchResponse {
  /** Matches counted; exact unless `capped`. */
  readonly total: number;
  /**
   * True when more stories match than were counted: `total` is then a lower bound (shown as
   * "500+"). Counting every match of a common word would cost more than the search.
   */
  readonly capped: boolean;
  readonly rows: SearchRow[];
}

/**
 * Full-text search over published stories. Implementations keep the index in the same
 * transaction as publish, update and kill (storage/search-index.ts).
 */
export interface SearchRepository {
  search(request: SearchRequest): Promise<SearchResponse>;
}
