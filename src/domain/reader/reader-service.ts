import type { BreakingNewsRepository } from "../breaking/breaking-news-repository.js";
import { cacheTags } from "../cache/cache-tags.js";
import { readEveryTime, type TaggedMemo } from "../cache/tagged-memo.js";
import type { Clock } from "../clock.js";
import { CuratedStories } from "../curation/curated-stories.js";
import type { CurationRepository } from "../curation/curation-repository.js";
import type { MediaRepository } from "../media/media-repository.js";
import type { CatalogRepository, RedirectKind } from "../people/catalog-repository.js";
import { movedKey } from "../people/current-keys.js";
import { type Desk, type Person, type Section, writesFor } from "../people/people-schema.js";
import { PublishedStories, type ResolvedMedia } from "../published/published-stories.js";
import type {
  PublishedStoryFilter,
  PublishedStoryRepository,
} from "../published/published-story-repository.js";
import { type ServiceConfig, services } from "../services/service-registry.js";
import type { StoryRepository, StorySummary } from "../stories/story-repository.js";
import type { Story, StoryRevision } from "../stories/story-schema.js";
import {
  type PageChrome,
  readerPageSize,
  type StoryListModel,
  type StoryLookup,
  type StoryPageModel,
} from "./reader-models.js";

const pageSize = readerPageSize;

/** A reader list: the whole service, or one section, topic, person or desk. */
type ReaderListFilter = Pick<PublishedStoryFilter, "section" | "topic" | "personId" | "deskId">;

/**
 * Read models for reader pages: the page chrome, plus published stories assembled by
 * PublishedStories and listed by the PublishedStoryRepository, the same ones feeds, sitemaps
 * and the content API use. Only published revisions are ever read here (and the revision
 * the newsroom previews).
 */
export class ReaderService {
  readonly #stories: StoryRepository;
  readonly #published: PublishedStoryRepository;
  readonly #catalog: CatalogRepository;
  readonly #breaking: BreakingNewsRepository;
  readonly #clock: Clock;
  readonly #memo: TaggedMemo;
  readonly #assembled: PublishedStories;
  readonly #curated: CuratedStories;

  constructor(deps: {
    curation: CurationRepository;
    stories: StoryRepository;
    published: PublishedStoryRepository;
    catalog: CatalogRepository;
    media: MediaRepository;
    breaking: BreakingNewsRepository;
    clock: Clock;
    /**
     * Keeps each service's chrome between pages (the page cache, under the `chrome:` and
     * `banner:` tags its pages carry); without one, every page reads it.
     */
    memo?: TaggedMemo;
  }) {
    this.#stories = deps.stories;
    this.#published = deps.published;
    this.#catalog = deps.catalog;
    this.#breaking = deps.breaking;
    this.#clock = deps.clock;
    this.#memo = deps.memo ?? readEveryTime;
    this.#assembled = new PublishedStories(deps);
    this.#curated = new CuratedStories(deps);
  }

  /**
   * The navigation and breaking-news bar of every page of a service: read once per change,
   * not per page (two queries of every cache miss before), and kept until a section or banner
   * change invalidates its tags or the banner shown expires. Frozen: every page shares it.
   */
  chrome(service: ServiceConfig): Promise<PageChrome> {
    const now = this.#clock.now();
    return this.#memo.remember(
      `chrome ${service.id}`,
      { tags: [cacheTags.chrome(service.id), cacheTags.banner(service.id)], now: now.getTime() },
      async () => {
        const [sections, banner] = await Promise.all([
          this.#catalog.listSections(service.id),
          this.#breaking.findActive(service.id, now.toISOString()),
        ]);
        const chrome: PageChrome = Object.freeze({
          service,
          sections: Object.freeze(sections.map((s) => Object.freeze(s))),
          banner: banner ? Object.freeze(banner) : undefined,
        });
        return {
          value: chrome,
          expiresAt: banner ? Date.parse(banner.expiresAt) : Number.POSITIVE_INFINITY,
        };
      },
    );
  }

  async story(service: ServiceConfig, storyId: string): Promise<StoryLookup> {
    const [chrome, found] = await Promise.all([
      this.chrome(service),
      this.#assembled.lookup(storyId),
    ]);
    if (found.kind === "missing" || found.story.serviceId !== service.id) {
      return { kind: "missing", chrome };
    }
    if (found.story.status === "killed") {
      return { kind: "killed", chrome, reason: found.story.killReason };
    }
    if (found.kind === "withdrawn") return { kind: "missing", chrome };
    return {
      kind: "published",
      model: await this.#storyModel(chrome, found.story, found.revision),
    };
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
    // The content as it reads now (moved topics, sections and people followed), then the
    // related stories the desk picked for it, or the automatic list. A live page lists its
    // posts instead (LivePage), so its first page after every post reads none: five of its
    // twenty-odd reads on each cache miss.
    const assembled = await this.#assembled.assemble(story, revision, {
      sections: chrome.sections,
    });
    const { content } = assembled;
    const { stories: related, curatedIds } =
      story.kind === "live"
        ? { stories: [], curatedIds: [] }
        : await this.#curated.related(story, content);
    const media = new Map(assembled.media);
    const relatedMedia = await this.#assembled.resolveMedia(
      related.flatMap((s) => (s.leadMediaId ? [s.leadMediaId] : [])),
    );
    for (const [id, value] of relatedMedia) media.set(id, value);
    return {
      ...chrome,
      story,
      content,
      corrections: assembled.corrections,
      people: new Map<string, Person>(assembled.people.map((p) => [p.id, p])),
      desks: new Map<string, Desk>(assembled.desks.map((d) => [d.id, d])),
      agencies: assembled.agencies,
      topics: assembled.topics,
      media,
      embeds: assembled.embeds,
      related,
      source: assembled.source ?? null,
      curatedRelatedIds: curatedIds,
    };
  }

  async list(
    service: ServiceConfig,
    filter: ReaderListFilter,
    page: number,
  ): Promise<StoryListModel> {
    const offset = (page - 1) * pageSize;
    // The home page and section pages are curated: pinned stories first.
    const curated = !filter.topic && !filter.personId && !filter.deskId;
    const [chrome, selection] = await Promise.all([
      this.chrome(service),
      curated
        ? this.#curated.front(service.id, filter.section, offset, pageSize + 1)
        : this.#published
            .listPublished({ serviceId: service.id, ...filter, limit: pageSize + 1, offset })
            .then((stories) => ({ stories, curatedIds: [] })),
    ]);
    return this.#listModel(chrome, selection.stories, page, selection.curatedIds);
  }

  section(chrome: PageChrome, slug: string): Section | undefined {
    return chrome.sections.find((s) => s.slug === slug);
  }

  async topic(service: ServiceConfig, slug: string) {
    // A merged-away or renamed slug is no topic: it answers with a redirect (`movedTo`).
    const [topic] = await this.#catalog.findTopics(service.id, [slug]);
    return topic;
  }

  /** Where a merged or renamed topic, a renamed section or a merged person now lives. */
  movedTo(
    service: ServiceConfig,
    kind: RedirectKind | "person",
    key: string,
  ): Promise<string | undefined> {
    return movedKey(this.#catalog, service.id, kind, key);
  }

  async person(service: ServiceConfig, id: string): Promise<Person | undefined> {
    const [person] = await this.#catalog.findPeople([id]);
    return person && writesFor(person, service.id) ? person : undefined;
  }

  /** A person's page: the person and their photo with its renditions, if they have one. */
  async author(
    service: ServiceConfig,
    id: string,
  ): Promise<{ person: Person; photo: ResolvedMedia | undefined } | undefined> {
    const person = await this.person(service, id);
    if (!person) return undefined;
    const photos = person.photoMediaId
      ? await this.#assembled.resolveMedia([person.photoMediaId])
      : new Map<string, ResolvedMedia>();
    return { person, photo: person.photoMediaId ? photos.get(person.photoMediaId) : undefined };
  }

  async desk(service: ServiceConfig, id: string): Promise<Desk | undefined> {
    const [desk] = await this.#catalog.findDesks([id]);
    return desk?.serviceId === service.id ? desk : undefined;
  }

  async #listModel(
    chrome: PageChrome,
    rows: readonly StorySummary[],
    page: number,
    curatedIds: readonly string[],
  ): Promise<StoryListModel> {
    const stories = rows.slice(0, pageSize);
    const media = await this.#assembled.resolveMedia(
      stories.flatMap((s) => (s.leadMediaId ? [s.leadMediaId] : [])),
    );
    return { ...chrome, stories, media, page, hasMore: rows.length > pageSize, curatedIds };
  }
}
