import type { BreakingNewsRepository } from "../breaking/breaking-news-repository.js";
import type { Clock } from "../clock.js";
import type { MediaRepository } from "../media/media-repository.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import type { Desk, Person, Section } from "../people/people-schema.js";
import { type ServiceConfig, services } from "../services/service-registry.js";
import type { StoryListQuery, StoryRepository, StorySummary } from "../stories/story-repository.js";
import type { Story, StoryRevision } from "../stories/story-schema.js";
import { figureMediaIds } from "../stories/story-service.js";
import type {
  PageChrome,
  ResolvedMedia,
  StoryListModel,
  StoryLookup,
  StoryPageModel,
} from "./reader-models.js";

export const pageSize = 20;

/** Read models for reader pages. Only published revisions are ever read here. */
export class ReaderService {
  readonly #stories: StoryRepository;
  readonly #catalog: CatalogRepository;
  readonly #media: MediaRepository;
  readonly #breaking: BreakingNewsRepository;
  readonly #clock: Clock;

  constructor(deps: {
    stories: StoryRepository;
    catalog: CatalogRepository;
    media: MediaRepository;
    breaking: BreakingNewsRepository;
    clock: Clock;
  }) {
    this.#stories = deps.stories;
    this.#catalog = deps.catalog;
    this.#media = deps.media;
    this.#breaking = deps.breaking;
    this.#clock = deps.clock;
  }

  async chrome(service: ServiceConfig): Promise<PageChrome> {
    const [sections, banner] = await Promise.all([
      this.#catalog.listSections(service.id),
      this.#breaking.findActive(service.id, this.#clock.now().toISOString()),
    ]);
    return { service, sections, banner };
  }

  async story(service: ServiceConfig, storyId: string): Promise<StoryLookup> {
    const [chrome, story] = await Promise.all([
      this.chrome(service),
      this.#stories.findStory(storyId),
    ]);
    if (!story || story.serviceId !== service.id) return { kind: "missing", chrome };
    if (story.status === "killed") return { kind: "killed", chrome };
    if (story.status !== "published" || !story.publishedRevisionId)
      return { kind: "missing", chrome };
    const revision = await this.#stories.findRevision(story.publishedRevisionId);
    if (!revision) return { kind: "missing", chrome };
    return { kind: "published", model: await this.#storyModel(chrome, story, revision) };
  }

  /** The draft (or any revision) exactly as readers would see it, for the newsroom preview. */
  async preview(story: Story, revisionId: string): Promise<StoryPageModel | undefined> {
    const service = services[story.serviceId];
    const [chrome, revision] = await Promise.all([
      this.chrome(service),
      this.#stories.findRevision(revisionId),
    ]);
    if (!revision || revision.storyId !== story.id) return undefined;
    return this.#storyModel(chrome, story, revision);
  }

  async #storyModel(
    chrome: PageChrome,
    story: Story,
    revision: StoryRevision,
  ): Promise<StoryPageModel> {
    const service = chrome.service;
    const { content } = revision;
    const personIds = content.bylines.flatMap((b) => (b.kind === "person" ? [b.personId] : []));
    const deskIds = content.bylines.flatMap((b) => (b.kind === "desk" ? [b.deskId] : []));
    const [corrections, people, desks, agencies, topics, media, related] = await Promise.all([
      this.#stories.listCorrections(story.id),
      this.#catalog.findPeople(personIds),
      this.#catalog.findDesks(deskIds),
      this.#catalog.findAgencies(content.agencies),
      this.#catalog.findTopics(service.id, content.topics),
      this.#resolveMedia(figureMediaIds(content)),
      this.#stories.listRelated(story, content.topics, content.section, 4),
    ]);
    const relatedMedia = await this.#resolveMedia(
      related.flatMap((s) => (s.leadMediaId ? [s.leadMediaId] : [])),
    );
    for (const [id, value] of relatedMedia) media.set(id, value);
    // Credits keep the editor's order, whatever order the database returned them in.
    const agencyOrder = new Map(content.agencies.map((code, index) => [code, index]));
    return {
      ...chrome,
      story,
      content,
      corrections,
      people: new Map<string, Person>(people.map((p) => [p.id, p])),
      desks: new Map<string, Desk>(desks.map((d) => [d.id, d])),
      agencies: [...agencies].sort(
        (a, b) => (agencyOrder.get(a.code) ?? 0) - (agencyOrder.get(b.code) ?? 0),
      ),
      topics: content.topics.flatMap((slug) => topics.filter((t) => t.slug === slug)),
      media,
      related,
    };
  }

  async list(
    service: ServiceConfig,
    filter: Omit<StoryListQuery, "serviceId" | "limit" | "offset">,
    page: number,
  ): Promise<StoryListModel> {
    const [chrome, rows] = await Promise.all([
      this.chrome(service),
      this.#stories.listPublished({
        serviceId: service.id,
        ...filter,
        limit: pageSize + 1,
        offset: (page - 1) * pageSize,
      }),
    ]);
    return this.#listModel(chrome, rows, page);
  }

  section(chrome: PageChrome, slug: string): Section | undefined {
    return chrome.sections.find((s) => s.slug === slug);
  }

  async topic(service: ServiceConfig, slug: string) {
    const [topic] = await this.#catalog.findTopics(service.id, [slug]);
    return topic;
  }

  async person(service: ServiceConfig, id: string): Promise<Person | undefined> {
    const [person] = await this.#catalog.findPeople([id]);
    return person?.serviceId === service.id ? person : undefined;
  }

  async desk(service: ServiceConfig, id: string): Promise<Desk | undefined> {
    const [desk] = await this.#catalog.findDesks([id]);
    return desk?.serviceId === service.id ? desk : undefined;
  }

  async #listModel(
    chrome: PageChrome,
    rows: readonly StorySummary[],
    page: number,
  ): Promise<StoryListModel> {
    const stories = rows.slice(0, pageSize);
    const media = await this.#resolveMedia(
      stories.flatMap((s) => (s.leadMediaId ? [s.leadMediaId] : [])),
    );
    return { ...chrome, stories, media, page, hasMore: rows.length > pageSize };
  }

  async #resolveMedia(ids: readonly string[]): Promise<Map<string, ResolvedMedia>> {
    const unique = [...new Set(ids)];
    const [assets, renditions] = await Promise.all([
      this.#media.findMany(unique),
      this.#media.listRenditions(unique),
    ]);
    return new Map(
      assets.map((asset) => [asset.id, { asset, renditions: renditions.get(asset.id) ?? [] }]),
    );
  }
}

export function allServices(): ServiceConfig[] {
  return Object.values(services);
}
