import type { ServiceId } from "../services/service-registry.js";
import type { StorySummary } from "../stories/story-repository.js";
import type { IsoDateTime, Story } from "../stories/story-schema.js";

/** Which published stories a reader list, feed, sitemap or API page shows. */
export interface PublishedStoryFilter {
  readonly serviceId: ServiceId;
  readonly section?: string | undefined;
  readonly topic?: string | undefined;
  readonly personId?: string | undefined;
  readonly deskId?: string | undefined;
  /** Only stories whose last reader-visible change is at or after this time. */
  readonly modifiedSince?: IsoDateTime;
  /** Only stories first published at or after this time (Google News: the last 2 days). */
  readonly publishedSince?: IsoDateTime;
  /** Stories to leave out (a front page's pinned stories, shown above the list); ≤ 20. */
  readonly excludeIds?: readonly string[];
}

/** A page of a list ordered newest first by first publication. */
export interface PublishedStoryQuery extends PublishedStoryFilter {
  readonly limit: number;
  readonly offset?: number;
}

/** Keyset position in a list ordered by (lastModifiedAt desc, id desc). */
export interface ModifiedCursor {
  readonly lastModifiedAt: IsoDateTime;
  readonly id: string;
}

/** A published story as lists show it, with its family for language alternates. */
export interface PublishedSummary extends StorySummary {
  readonly familyId: string;
}

/** A published language version of a story family (hreflang alternates). */
export interface FamilyMember {
  readonly familyId: string;
  readonly id: string;
  readonly serviceId: ServiceId;
  readonly slug: string;
  readonly section: string;
}

/**
 * The one set of list and count queries over published stories, for reader pages, feeds,
 * sitemaps and the content API. Every query reads only stories whose status is `published`,
 * so a kill or unpublish disappears from every page, feed, sitemap and API list the moment
 * it commits. Summaries come from the reader projection written at publish time, so no list
 * parses revision JSON.
 */
export interface PublishedStoryRepository {
  /** Newest first by first publication: reader lists, feeds, the news sitemap. */
  listPublished(query: PublishedStoryQuery): Promise<PublishedSummary[]>;
  /** Newest change first, keyset-paginated: the content API, sitemap lastmod. */
  listByModified(
    filter: PublishedStoryFilter,
    limit: number,
    after?: ModifiedCursor,
  ): Promise<PublishedSummary[]>;
  /** Sitemap pages: oldest first so a story keeps its sitemap file as new ones arrive. */
  listForSitemap(serviceId: ServiceId, offset: number, limit: number): Promise<PublishedSummary[]>;
  /** Stories sharing the section or a topic with `story`, newest first, `story` excluded. */
  listRelated(
    story: Story,
    topics: readonly string[],
    section: string,
    limit: number,
  ): Promise<PublishedSummary[]>;
  countPublished(serviceId: ServiceId): Promise<number>;
  /**
   * When a story of the service was last killed or unpublished. A withdrawal removes an
   * item without touching the others, so Last-Modified must account for it (RFC 9110 §8.8.2).
   */
  lastWithdrawnAt(serviceId: ServiceId): Promise<IsoDateTime | null>;
  /** Published members of the given families, in every service. */
  listFamilyMembers(familyIds: readonly string[]): Promise<FamilyMember[]>;
}
