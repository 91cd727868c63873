import type {
  PublishedStoryRepository,
  PublishedSummary,
} from "../published/published-story-repository.js";
import type { ServiceId } from "../services/service-registry.js";
import type { Story } from "../stories/story-schema.js";
import type { CurationRepository } from "./curation-repository.js";
import { type CuratedListKey, listKeyText } from "./curation-schema.js";

/** Automatic related stories when the editors picked none. */
const automaticRelatedCount = 4;

/** Stories a reader page shows, and every story id its editors put there (live or not). */
export interface CuratedSelection {
  readonly stories: readonly PublishedSummary[];
  /**
   * Every id in the curated list, including pins that are not live now: the page must be
   * rebuilt when one of them comes back (republished), so it carries their teaser tags too.
   */
  readonly curatedIds: readonly string[];
}

/**
 * The reader side of curation: the pinned stories first, in the editors' order, then the
 * newest stories of the list with the pinned ones left out (no story twice). Only published
 * stories are read, so a killed or unpublished pin drops off by itself.
 */
export class CuratedStories {
  readonly #curation: CurationRepository;
  readonly #published: PublishedStoryRepository;

  constructor(deps: { curation: CurationRepository; published: PublishedStoryRepository }) {
    this.#curation = deps.curation;
    this.#published = deps.published;
  }

  /**
   * Positions `offset`…`offset + limit` of a home page (no section) or a section page: the
   * pinned stories come first, so later pages continue the automatic list where page 1 left it.
   */
  async front(
    serviceId: ServiceId,
    section: string | undefined,
    offset: number,
    limit: number,
  ): Promise<CuratedSelection> {
    const key: CuratedListKey = section ? { kind: "section", slug: section } : { kind: "home" };
    const listKey = listKeyText(key);
    const [saved, pinned] = await Promise.all([
      this.#curation.find(serviceId, listKey),
      this.#curation.livePinned(serviceId, listKey),
    ]);
    const shownPins = pinned.slice(offset, offset + limit);
    const rest = limit - shownPins.length;
    const automatic =
      rest > 0
        ? await this.#published.listPublished({
            serviceId,
            section,
            excludeIds: pinned.map((s) => s.id),
            offset: Math.max(0, offset - pinned.length),
            limit: rest,
          })
        : [];
    return { stories: [...shownPins, ...automatic], curatedIds: saved?.storyIds ?? [] };
  }

  /** The story's related block: the editors' live picks, else the automatic list. */
  async related(
    story: Story,
    content: { readonly topics: readonly string[]; readonly section: string },
  ): Promise<CuratedSelection> {
    const listKey = listKeyText({ kind: "related", storyId: story.id });
    const [saved, picked] = await Promise.all([
      this.#curation.find(story.serviceId, listKey),
      this.#curation.livePinned(story.serviceId, listKey),
    ]);
    const stories =
      picked.length > 0
        ? picked
        : await this.#published.listRelated(
            story,
            content.topics,
            content.section,
            automaticRelatedCount,
          );
    return { stories, curatedIds: saved?.storyIds ?? [] };
  }
}
