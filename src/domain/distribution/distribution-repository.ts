import type { Desk, Person, Topic } from "../people/people-schema.js";
import type { ServiceId } from "../services/service-registry.js";
import type { StorySummary } from "../stories/story-repository.js";
import type { IsoDateTime } from "../stories/story-schema.js";

/** Which published stories a feed, sitemap or API list covers. */
export interface PublishedStoryFilter {
  readonly serviceId: ServiceId;
  readonly section?: string;
  readonly topic?: string;
  readonly personId?: string;
  readonly deskId?: string;
  /** Only stories whose last reader-visible change is at or after this time. */
  readonly modifiedSince?: IsoDateTime;
  /** Only stories first published at or after this time (Google News: the last 2 days). */
  readonly publishedSince?: IsoDateTime;
}

/** Keyset position in a list ordered by (lastModifiedAt desc, id desc). */
export interface ModifiedCursor {
  readonly lastModifiedAt: IsoDateTime;
  readonly id: string;
}

export interface DistributedSummary extends StorySummary {
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
 * Read-only queries for distribution. Every query reads only stories whose status is
 * `published`, so a kill or unpublish disappears from every feed, sitemap and API list the
 * moment it commits.
 */
export interface DistributionRepository {
  /** Newest first by first publication (feeds, news sitemap). */
  listByPublished(filter: PublishedStoryFilter, limit: number): Promise<DistributedSummary[]>;
  /** Newest change first, keyset-paginated (content API, sitemaps). */
  listByModified(
    filter: PublishedStoryFilter,
    limit: number,
    after?: ModifiedCursor,
  ): Promise<DistributedSummary[]>;
  /** Sitemap pages: oldest first so a story keeps its sitemap file as new ones arrive. */
  listForSitemap(
    serviceId: ServiceId,
    offset: number,
    limit: number,
  ): Promise<DistributedSummary[]>;
  countPublished(serviceId: ServiceId): Promise<number>;
  /**
   * When a story of the service was last killed or unpublished. A withdrawal removes an
   * item without touching the others, so Last-Modified must account for it (RFC 9110 §8.8.2).
   */
  lastWithdrawnAt(serviceId: ServiceId): Promise<IsoDateTime | null>;
  /** Published members of the given families, in every service. */
  listFamilyMembers(familyIds: readonly string[]): Promise<FamilyMember[]>;
  /** Services with at least one published story (their homes are hreflang alternates). */
  servicesWithPublished(): Promise<ServiceId[]>;
  listTopics(serviceId: ServiceId): Promise<Topic[]>;
  listPeople(serviceId: ServiceId): Promise<Person[]>;
  listDesks(serviceId: ServiceId): Promise<Desk[]>;
}
