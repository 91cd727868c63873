import type { MediaRepository } from "../media/media-repository.js";
import type { CatalogRepository, RedirectKind } from "../people/catalog-repository.js";
import { movedKey } from "../people/current-keys.js";
import { type Section, writesFor } from "../people/people-schema.js";
import {
  PublishedStories,
  type PublishedStory,
  type StoryAvailability,
} from "../published/published-stories.js";
import type {
  FamilyMember,
  ModifiedCursor,
  PublishedStoryFilter,
  PublishedStoryRepository,
  PublishedSummary,
} from "../published/published-story-repository.js";
import type { ServiceConfig } from "../services/service-registry.js";
import type { StoryRepository } from "../stories/story-repository.js";
import type { IsoDateTime } from "../stories/story-schema.js";
import type { DistributionRepository } from "./distribution-repository.js";

export type FeedScope =
  | { readonly kind: "service" }
  | { readonly kind: "section"; readonly slug: string }
  | { readonly kind: "topic"; readonly slug: string }
  | { readonly kind: "person"; readonly id: string }
  | { readonly kind: "desk"; readonly id: string };

/** The scope resolved against the catalogue, with its display name. */
export interface ResolvedScope {
  readonly scope: FeedScope;
  /** Section, topic, person or desk name; undefined for the whole service. */
  readonly name: string | undefined;
  readonly description: string | undefined;
}

const feedLength = 50;
const sitemapBatch = 5000;

/**
 * Read models for feeds, sitemaps, the content API and syndication: published stories
 * assembled by PublishedStories and listed by the PublishedStoryRepository, the same ones
 * reader pages use. Only published revisions are ever read; a kill or unpublish is visible
 * on the next request.
 */
export class DistributionService {
  readonly #published: PublishedStoryRepository;
  readonly #distribution: DistributionRepository;
  readonly #catalog: CatalogRepository;
  readonly #assembled: PublishedStories;

  constructor(deps: {
    stories: StoryRepository;
    published: PublishedStoryRepository;
    distribution: DistributionRepository;
    catalog: CatalogRepository;
    media: MediaRepository;
  }) {
    this.#published = deps.published;
    this.#distribution = deps.distribution;
    this.#catalog = deps.catalog;
    this.#assembled = new PublishedStories(deps);
  }

  sections(service: ServiceConfig): Promise<Section[]> {
    return this.#catalog.listSections(service.id);
  }

  get repository(): DistributionRepository {
    return this.#distribution;
  }

  /** Resolves a feed scope; undefined when the section, topic, person or desk is unknown. */
  /** Where a merged or renamed topic's, a renamed section's or a merged person's feeds live. */
  async movedTo(
    service: ServiceConfig,
    kind: RedirectKind | "person",
    key: string,
  ): Promise<string | undefined> {
    return movedKey(this.#catalog, service.id, kind, key);
  }

  async resolveScope(service: ServiceConfig, scope: FeedScope): Promise<ResolvedScope | undefined> {
    switch (scope.kind) {
      case "service":
        return { scope, name: undefined, description: undefined };
      case "section": {
        const section = (await this.#catalog.listSections(service.id)).find(
          (s) => s.slug === scope.slug,
        );
        return section ? { scope, name: section.name, description: undefined } : undefined;
      }
      case "topic": {
        const [topic] = await this.#catalog.findTopics(service.id, [scope.slug]);
        return topic ? { scope, name: topic.name, description: undefined } : undefined;
      }
      case "person": {
        const [person] = await this.#catalog.findPeople([scope.id]);
        return person && writesFor(person, service.id)
          ? { scope, name: person.name, description: person.title || undefined }
          : undefined;
      }
      case "desk": {
        const [desk] = await this.#catalog.findDesks([scope.id]);
        return desk?.serviceId === service.id
          ? { scope, name: desk.name, description: desk.description || undefined }
          : undefined;
      }
    }
  }

  /** The newest published stories in a scope, fully loaded. */
  async feedStories(
    service: ServiceConfig,
    scope: FeedScope,
    limit = feedLength,
  ): Promise<PublishedStory[]> {
    const rows = await this.#published.listPublished({ ...filterFor(service, scope), limit });
    const loaded = await Promise.all(rows.map((row) => this.availability(row.id)));
    return loaded.flatMap((a) => (a.kind === "published" ? [a.story] : []));
  }

  /** The story as distribution sees it: published (with its published revision) or not. */
  availability(storyId: string): Promise<StoryAvailability> {
    return this.#assembled.availability(storyId);
  }

  /** Published stories in a filter, newest change first, keyset-paginated (content API). */
  listByModified(
    filter: PublishedStoryFilter,
    limit: number,
    after?: ModifiedCursor,
  ): Promise<PublishedSummary[]> {
    return this.#published.listByModified(filter, limit, after);
  }

  /** When a story of the service was last withdrawn (feeds' Last-Modified). */
  lastWithdrawnAt(service: ServiceConfig): Promise<IsoDateTime | null> {
    return this.#published.lastWithdrawnAt(service.id);
  }

  /** Every published story of a service (oldest first) with its family's language versions. */
  async sitemapStories(
    service: ServiceConfig,
  ): Promise<{ rows: PublishedSummary[]; families: Map<string, FamilyMember[]> }> {
    const rows: PublishedSummary[] = [];
    for (let offset = 0; ; offset += sitemapBatch) {
      const batch = await this.#published.listForSitemap(service.id, offset, sitemapBatch);
      rows.push(...batch);
      if (batch.length < sitemapBatch) break;
    }
    // Only families with another member can have alternates; ids equal to the story id
    // with no translation are looked up too, which is cheap and keeps this simple.
    const families = await this.families(rows.map((r) => r.familyId));
    return { rows, families };
  }

  /** Google News: stories first published at or after `since`, newest first, at most 1,000. */
  newsStories(service: ServiceConfig, since: string): Promise<PublishedSummary[]> {
    return this.#published.listPublished({
      serviceId: service.id,
      publishedSince: since,
      limit: 1000,
    });
  }

  /** Last modification of the home page and of each section and topic page. */
  async pageModifications(service: ServiceConfig): Promise<{
    home: string | undefined;
    sections: { slug: string; lastmod: string }[];
    topics: { slug: string; lastmod: string }[];
  }> {
    const latest = async (filter: Omit<PublishedStoryFilter, "serviceId">) =>
      (await this.#published.listByModified({ serviceId: service.id, ...filter }, 1))[0]
        ?.lastModifiedAt;
    const [sections, topics] = await Promise.all([
      this.#catalog.listSections(service.id),
      this.#distribution.listTopics(service.id),
    ]);
    const home = await latest({});
    const sectionTimes = await Promise.all(
      sections.map(async (s) => ({ slug: s.slug, lastmod: await latest({ section: s.slug }) })),
    );
    const topicTimes = await Promise.all(
      topics.map(async (t) => ({ slug: t.slug, lastmod: await latest({ topic: t.slug }) })),
    );
    const known = (list: { slug: string; lastmod: string | undefined }[]) =>
      list.flatMap((x) => (x.lastmod ? [{ slug: x.slug, lastmod: x.lastmod }] : []));
    return { home, sections: known(sectionTimes), topics: known(topicTimes) };
  }

  /** Published language versions of each given family, keyed by family id. */
  async families(familyIds: readonly string[]): Promise<Map<string, FamilyMember[]>> {
    const members = await this.#published.listFamilyMembers(familyIds);
    const byFamily = new Map<string, FamilyMember[]>();
    for (const member of members) {
      const list = byFamily.get(member.familyId) ?? [];
      list.push(member);
      byFamily.set(member.familyId, list);
    }
    return byFamily;
  }
}

function filterFor(service: ServiceConfig, scope: FeedScope): PublishedStoryFilter {
  switch (scope.kind) {
    case "service":
      return { serviceId: service.id };
    case "section":
      return { serviceId: service.id, section: scope.slug };
    case "topic":
      return { serviceId: service.id, topic: scope.slug };
    case "person":
      return { serviceId: service.id, personId: scope.id };
    case "desk":
      return { serviceId: service.id, deskId: scope.id };
  }
}
