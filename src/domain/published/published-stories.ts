import type { MediaRepository } from "../media/media-repository.js";
import type { MediaAsset, RenditionInfo } from "../media/media-schema.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { currentKeys } from "../people/current-keys.js";
import type { Agency, Desk, Person, Section, Topic } from "../people/people-schema.js";
import { type ServiceConfig, type ServiceId, services } from "../services/service-registry.js";
import { embeddedStoryIds } from "../stories/story-body-schema.js";
import type { StoryRepository } from "../stories/story-repository.js";
import type { Correction, Story, StoryContent, StoryRevision } from "../stories/story-schema.js";
import { figureMediaIds } from "../stories/story-service.js";

/** An image with the renditions that exist for it, ready for srcset. */
export interface ResolvedMedia {
  readonly asset: MediaAsset;
  readonly renditions: readonly RenditionInfo[];
}

/**
 * A story with everything a reader page, feed, ninjs document or API response shows of it:
 * the revision's content, its corrections, and the catalogue entries and images it names.
 */
export interface PublishedStory {
  readonly service: ServiceConfig;
  readonly story: Story;
  readonly content: StoryContent;
  readonly corrections: readonly Correction[];
  readonly section: Section | undefined;
  /** In the editor's order, each once. */
  readonly topics: readonly Topic[];
  /** Person bylines in the editor's order, each once. */
  readonly people: readonly Person[];
  readonly desks: readonly Desk[];
  readonly agencies: readonly Agency[];
  /** Every figure's image (lead and body), by media id. */
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  /** For a translation whose source is published: the source's authors. */
  readonly source?: SourceCredits | null;
  /** The stories its body embeds, as the story's own edition shows them. */
  readonly embeds: StoryEmbeds;
}

/** An embedded story as a reader of one service sees it: its headline and address. */
interface EmbeddedStory {
  /** The story shown: the embedded one, or its translation in the reader's service. */
  readonly storyId: string;
  readonly headline: string;
  readonly slug: string;
  readonly section: string;
}

/**
 * What a body's story embeds show in one service. An embedded id missing from `shown`
 * renders nothing (unpublished, killed, or not readable in the service): readers never
 * learn its headline. The page depends on the headlines of `headlineIds` and on the
 * language versions of `familyIds` (its cache tags: cacheTags.headline and .family).
 */
export interface StoryEmbeds {
  readonly shown: ReadonlyMap<string, EmbeddedStory>;
  readonly headlineIds: readonly string[];
  readonly familyIds: readonly string[];
}

export const noStoryEmbeds: StoryEmbeds = { shown: new Map(), headlineIds: [], familyIds: [] };

/**
 * A translation credits the writers of its source: the source's published authors and
 * desks (photographers and translators of the source are not carried over), in the source
 * service, whose pages their links go to.
 */
export interface SourceCredits {
  readonly service: ServiceConfig;
  readonly storyId: string;
  /** Where the source is read: its published slug and section. */
  readonly slug: string;
  readonly section: string;
  readonly people: readonly Person[];
  readonly desks: readonly Desk[];
}

/** Where a story stands for readers and partners, with its published revision if any. */
type PublishedRevision =
  | { readonly kind: "published"; readonly story: Story; readonly revision: StoryRevision }
  /** Killed or unpublished: readers get 410 or 404, partners must withdraw it. */
  | { readonly kind: "withdrawn"; readonly story: Story }
  | { readonly kind: "missing" };

/** What a story looks like to distribution right now. */
export type StoryAvailability =
  | { readonly kind: "published"; readonly story: PublishedStory }
  /** Killed or unpublished: partners must withdraw it (ninjs pubStatus canceled/withheld). */
  | { readonly kind: "withdrawn"; readonly story: Story }
  | { readonly kind: "missing" };

/**
 * The one place a story is assembled for the public: reader pages (ReaderService), feeds,
 * sitemaps, the content API and webhooks (DistributionService). Only published revisions are
 * read, except for the newsroom preview, which assembles a draft the same way.
 */
export class PublishedStories {
  readonly #stories: StoryRepository;
  readonly #catalog: CatalogRepository;
  readonly #media: MediaRepository;

  constructor(deps: {
    stories: StoryRepository;
    catalog: CatalogRepository;
    media: MediaRepository;
  }) {
    this.#stories = deps.stories;
    this.#catalog = deps.catalog;
    this.#media = deps.media;
  }

  /** The story and, when it is published, its published revision. */
  async lookup(storyId: string): Promise<PublishedRevision> {
    const story = await this.#stories.findStory(storyId);
    if (!story) return { kind: "missing" };
    if (story.status === "killed" || story.status === "unpublished") {
      return { kind: "withdrawn", story };
    }
    if (story.status !== "published" || !story.publishedRevisionId) return { kind: "missing" };
    const revision = await this.#stories.findRevision(story.publishedRevisionId);
    return revision ? { kind: "published", story, revision } : { kind: "missing" };
  }

  /** The story as distribution sees it: published (fully assembled) or not. */
  async availability(storyId: string): Promise<StoryAvailability> {
    const found = await this.lookup(storyId);
    if (found.kind !== "published") return found;
    return { kind: "published", story: await this.assemble(found.story, found.revision) };
  }

  /**
   * The story with `revision` as its content, and everything that content names. Content
   * names what it named when it was written; a topic or person merged since, or a topic or
   * section renamed, is replaced by where it lives now (the revision itself never changes).
   */
  async assemble(
    story: Story,
    revision: StoryRevision,
    /**
     * What the caller already read for this page (a reader page's chrome lists the
     * service's sections): one round trip fewer on every cache miss.
     */
    known: { readonly sections?: readonly Section[] } = {},
  ): Promise<PublishedStory> {
    const written = revision.content;
    const service = services[story.serviceId];
    const content = await currentKeys(this.#catalog, service.id, written);
    const personIds = content.bylines.flatMap((b) => (b.kind === "person" ? [b.personId] : []));
    const deskIds = content.bylines.flatMap((b) => (b.kind === "desk" ? [b.deskId] : []));
    const [corrections, sections, people, desks, agencies, topics, media, source, embeds] =
      await Promise.all([
        this.#stories.listCorrections(story.id),
        known.sections ?? this.#catalog.listSections(service.id),
        this.#catalog.findPeople(personIds),
        this.#catalog.findDesks(deskIds),
        this.#catalog.findAgencies(content.agencies),
        this.#catalog.findTopics(service.id, content.topics),
        this.resolveMedia(figureMediaIds(content)),
        story.familyId === story.id ? null : this.#sourceCredits(story.familyId),
        this.resolveEmbeds(service.id, embeddedStoryIds(content.body)),
      ]);
    return {
      service,
      story,
      content,
      corrections,
      section: sections.find((s) => s.slug === content.section),
      // The editor's order, whatever order the database returned them in.
      topics: inOrder(content.topics, topics, (t) => t.slug),
      people: inOrder(personIds, people, (p) => p.id),
      desks: inOrder(deskIds, desks, (d) => d.id),
      agencies: inOrder(content.agencies, agencies, (a) => a.code),
      media,
      source,
      embeds,
    };
  }

  /**
   * What embeds of these stories show to readers of `serviceId` (issue 15: "embed of another
   * story"): a story of that service when it is published, or, for a story of another
   * service that is published, its published translation in this service. Anything else
   * (a draft, an embargoed, killed or unpublished story, no translation) shows nothing.
   */
  async resolveEmbeds(serviceId: ServiceId, ids: readonly string[]): Promise<StoryEmbeds> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return noStoryEmbeds;
    const shown = new Map<string, EmbeddedStory>();
    const headlineIds = new Set<string>(unique);
    const familyIds = new Set<string>();
    await Promise.all(
      unique.map(async (id) => {
        const found = await this.lookup(id);
        if (found.kind !== "published") return;
        if (found.story.serviceId === serviceId) {
          shown.set(id, embeddedOf(found.story, found.revision));
          return;
        }
        // Another service's story: readers of this one get its translation, once published
        // (a version appearing or going changes the family tag).
        familyIds.add(found.story.familyId);
        const family = await this.#stories.listFamily(found.story.familyId);
        const version = family.find(
          (row) => row.story.serviceId === serviceId && row.story.status === "published",
        );
        if (!version) return;
        headlineIds.add(version.story.id);
        const translated = await this.lookup(version.story.id);
        if (translated.kind === "published") {
          shown.set(id, embeddedOf(translated.story, translated.revision));
        }
      }),
    );
    return { shown, headlineIds: [...headlineIds], familyIds: [...familyIds] };
  }

  async #sourceCredits(sourceStoryId: string): Promise<SourceCredits | null> {
    const found = await this.lookup(sourceStoryId);
    if (found.kind !== "published") return null;
    const { bylines } = found.revision.content;
    const personIds = bylines.flatMap((b) =>
      b.kind === "person" && (b.role === "author" || b.role === "contributor") ? [b.personId] : [],
    );
    const deskIds = bylines.flatMap((b) => (b.kind === "desk" ? [b.deskId] : []));
    const [people, desks] = await Promise.all([
      this.#catalog.findPeople(personIds),
      this.#catalog.findDesks(deskIds),
    ]);
    return {
      service: services[found.story.serviceId],
      storyId: found.story.id,
      slug: found.revision.content.slug,
      section: found.revision.content.section,
      people: inOrder(personIds, people, (p) => p.id),
      desks: inOrder(deskIds, desks, (d) => d.id),
    };
  }

  /** Images with their renditions, by media id; unknown ids are left out. */
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

function embeddedOf(story: Story, revision: StoryRevision): EmbeddedStory {
  const { headline, slug, section } = revision.content;
  return { storyId: story.id, headline, slug, section };
}

/** `items` in the order of `keys`, each key once. */
function inOrder<T>(keys: readonly string[], items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map(items.map((item) => [key(item), item]));
  const seen = new Set<string>();
  return keys.flatMap((k) => {
    const item = byKey.get(k);
    if (item === undefined || seen.has(k)) return [];
    seen.add(k);
    return [item];
  });
}
