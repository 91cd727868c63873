import type { MediaRepository } from "../media/media-repository.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import type { Agency, Desk, Person, Section, Topic } from "../people/people-schema.js";
import type { ResolvedMedia } from "../reader/reader-models.js";
import { type ServiceConfig, type ServiceId, services } from "../services/service-registry.js";
import type { StoryRepository } from "../stories/story-repository.js";
import type { Correction, Story, StoryContent } from "../stories/story-schema.js";
import { figureMediaIds } from "../stories/story-service.js";
import type {
  DistributedSummary,
  DistributionRepository,
  FamilyMember,
  PublishedStoryFilter,
} from "./distribution-repository.js";

/** A published story with everything a feed, ninjs document or API response needs. */
export interface DistributedStory {
  readonly service: ServiceConfig;
  readonly story: Story;
  readonly content: StoryContent;
  readonly corrections: readonly Correction[];
  readonly section: Section | undefined;
  /** In the editor's order. */
  readonly topics: readonly Topic[];
  /** Person bylines in the editor's order. */
  readonly people: readonly Person[];
  readonly desks: readonly Desk[];
  readonly agencies: readonly Agency[];
  readonly media: ReadonlyMap<string, ResolvedMedia>;
}

/** What a story looks like to distribution right now. */
export type StoryAvailability =
  | { readonly kind: "published"; readonly story: DistributedStory }
  /** Killed or unpublished: partners must withdraw it (ninjs pubStatus canceled/withheld). */
  | { readonly kind: "withdrawn"; readonly story: Story }
  | { readonly kind: "missing" };

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

export const feedLength = 50;
const sitemapBatch = 5000;

/**
 * Read models for feeds, sitemaps, the content API and syndication. Only published
 * revisions are ever read; a kill or unpublish is visible on the next request.
 */
export class DistributionService {
  readonly #stories: StoryRepository;
  readonly #distribution: DistributionRepository;
  readonly #catalog: CatalogRepository;
  readonly #media: MediaRepository;

  constructor(deps: {
    stories: StoryRepository;
    distribution: DistributionRepository;
    catalog: CatalogRepository;
    media: MediaRepository;
  }) {
    this.#stories = deps.stories;
    this.#distribution = deps.distribution;
    this.#catalog = deps.catalog;
    this.#media = deps.media;
  }

  sections(service: ServiceConfig): Promise<Section[]> {
    return this.#catalog.listSections(service.id);
  }

  get repository(): DistributionRepository {
    return this.#distribution;
  }

  /** Resolves a feed scope; undefined when the section, topic, person or desk is unknown. */
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
        return person?.serviceId === service.id
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
  ): Promise<DistributedStory[]> {
    const rows = await this.#distribution.listByPublished(filterFor(service, scope), limit);
    return this.loadMany(rows);
  }

  async loadMany(rows: readonly DistributedSummary[]): Promise<DistributedStory[]> {
    const loaded = await Promise.all(rows.map((row) => this.availability(row.id)));
    return loaded.flatMap((a) => (a.kind === "published" ? [a.story] : []));
  }

  /** The story as distribution sees it: published (with its published revision) or not. */
  async availability(storyId: string): Promise<StoryAvailability> {
    const story = await this.#stories.findStory(storyId);
    if (!story) return { kind: "missing" };
    if (story.status === "killed" || story.status === "unpublished") {
      return { kind: "withdrawn", story };
    }
    if (story.status !== "published" || !story.publishedRevisionId) return { kind: "missing" };
    const revision = await this.#stories.findRevision(story.publishedRevisionId);
    if (!revision) return { kind: "missing" };
    const { content } = revision;
    const service = services[story.serviceId];
    const personIds = content.bylines.flatMap((b) => (b.kind === "person" ? [b.personId] : []));
    const deskIds = content.bylines.flatMap((b) => (b.kind === "desk" ? [b.deskId] : []));
    const [corrections, sections, people, desks, agencies, topics, media] = await Promise.all([
      this.#stories.listCorrections(story.id),
      this.#catalog.listSections(service.id),
      this.#catalog.findPeople(personIds),
      this.#catalog.findDesks(deskIds),
      this.#catalog.findAgencies(content.agencies),
      this.#catalog.findTopics(service.id, content.topics),
      this.resolveMedia(figureMediaIds(content)),
    ]);
    return {
      kind: "published",
      story: {
        service,
        story,
        content,
        corrections,
        section: sections.find((s) => s.slug === content.section),
        topics: inOrder(content.topics, topics, (t) => t.slug),
        people: inOrder(personIds, people, (p) => p.id),
        desks: inOrder(deskIds, desks, (d) => d.id),
        agencies: inOrder(content.agencies, agencies, (a) => a.code),
        media,
      },
    };
  }

  /** Every published story of a service (oldest first) with its family's language versions. */
  async sitemapStories(
    service: ServiceConfig,
  ): Promise<{ rows: DistributedSummary[]; families: Map<string, FamilyMember[]> }> {
    const rows: DistributedSummary[] = [];
    for (let offset = 0; ; offset += sitemapBatch) {
      const batch = await this.#distribution.listForSitemap(service.id, offset, sitemapBatch);
      rows.push(...batch);
      if (batch.length < sitemapBatch) break;
    }
    // Only families with another member can have alternates; ids equal to the story id
    // with no translation are looked up too, which is cheap and keeps this simple.
    const families = await this.families(rows.map((r) => r.familyId));
    return { rows, families };
  }

  /** Google News: stories first published at or after `since`, newest first, at most 1,000. */
  newsStories(service: ServiceConfig, since: string): Promise<DistributedSummary[]> {
    return this.#distribution.listByPublished(
      { serviceId: service.id, publishedSince: since },
      1000,
    );
  }

  /** Last modification of the home page and of each section and topic page. */
  async pageModifications(service: ServiceConfig): Promise<{
    home: string | undefined;
    liveServices: ServiceId[];
    sections: { slug: string; lastmod: string }[];
    topics: { slug: string; lastmod: string }[];
  }> {
    const latest = async (filter: Omit<PublishedStoryFilter, "serviceId">) =>
      (await this.#distribution.listByModified({ serviceId: service.id, ...filter }, 1))[0]
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
    const liveServices = await this.#distribution.servicesWithPublished();
    return { home, liveServices, sections: known(sectionTimes), topics: known(topicTimes) };
  }

  /** Published language versions of each given family, keyed by family id. */
  async families(familyIds: readonly string[]): Promise<Map<string, FamilyMember[]>> {
    const members = await this.#distribution.listFamilyMembers(familyIds);
    const byFamily = new Map<string, FamilyMember[]>();
    for (const member of members) {
      const list = byFamily.get(member.familyId) ?? [];
      list.push(member);
      byFamily.set(member.familyId, list);
    }
    return byFamily;
  }

  async resolveMedia(ids: readonly string[]): Promise<Map<string, ResolvedMedia>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const [assets, renditions] = await Promise.all([
      this.#media.findMany(unique),
      this.#media.listRenditions(unique),
    ]);
    return new Map(
      assets.map((asset) => [asset.id, { asset, renditions: renditions.get(asset.id) ?? [] }]),
    );
  }
}

export function filterFor(service: ServiceConfig, scope: FeedScope): PublishedStoryFilter {
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

function inOrder<T>(keys: readonly string[], items: readonly T[], key: (item: T) => string): T[] {
  return keys.flatMap((k) => items.filter((item) => key(item) === k)).filter(uniqueBy(key));
}

function uniqueBy<T>(key: (item: T) => string): (item: T) => boolean {
  const seen = new Set<string>();
  return (item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
}
