import type { Logger } from "pino";
import type { BreakingBanner } from "../domain/breaking/breaking-news-schema.js";
import { cacheTags, tagsForStoryChange } from "../domain/cache/cache-tags.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { StoryEvent, StoryEventListener } from "../domain/stories/story-events.js";
import type { StoryRepository } from "../domain/stories/story-repository.js";
import type { ChangeBus, ChangeMessage } from "./change-bus.js";
import type { PageCache } from "./page-cache.js";

/** Story changes readers can see; saves, submissions and scheduling change no public page. */
const publicEvents = new Set<StoryEvent["type"]>([
  "published",
  "updated",
  "silently-fixed",
  "corrected",
  "killed",
  "unpublished",
]);

/**
 * The CDN purge queue (cdn-purge-queue.ts). Only the instance where a change was made purges:
 * the CDN is shared, so instances told over the change bus must not purge again, and a bus
 * reconnection's "start clean" is about this instance's own cache, not the CDN's.
 */
export interface CdnPurge {
  enqueue(tags: readonly string[]): void;
}

export interface BannerSink {
  broadcast(serviceId: ServiceId, banner: BreakingBanner | null): unknown;
}

/**
 * Keeps every instance's page cache and open reader pages in step with the newsroom:
 * applies each change here at once, then tells the other instances over the change bus.
 */
export class LiveUpdates implements StoryEventListener {
  readonly #cache: PageCache;
  readonly #bus: ChangeBus;
  readonly #stories: StoryRepository;
  readonly #banners: BannerSink | undefined;
  readonly #logger: Logger;
  readonly #purge: CdnPurge | undefined;
  readonly #onVisible: ((event: StoryEvent) => void) | undefined;

  constructor(deps: {
    cache: PageCache;
    bus: ChangeBus;
    stories: StoryRepository;
    banners?: BannerSink;
    logger: Logger;
    /** Optional CDN purge by tag (Surrogate-Key / Cache-Tag), for changes made here. */
    purge?: CdnPurge;
    /**
     * Told once a public story change is visible on this instance (its pages dropped from
     * the cache, so the next request renders the new version): publish→visible latency.
     */
    onVisible?: (event: StoryEvent) => void;
  }) {
    this.#cache = deps.cache;
    this.#bus = deps.bus;
    this.#stories = deps.stories;
    this.#banners = deps.banners;
    this.#logger = deps.logger;
    this.#purge = deps.purge;
    this.#onVisible = deps.onVisible;
    this.#bus.subscribe((message) => this.#apply(message));
  }

  async onStoryEvent(event: StoryEvent): Promise<void> {
    if (!publicEvents.has(event.type)) return;
    const { story, before } = event;
    const contentOf = async (id: string | null | undefined) =>
      id ? ((await this.#stories.findRevision(id))?.content ?? null) : null;
    const afterContent = await contentOf(story.publishedRevisionId);
    const beforeContent =
      before?.publishedRevisionId === story.publishedRevisionId
        ? afterContent
        : await contentOf(before?.publishedRevisionId);
    const tags = tagsForStoryChange({
      type: event.type,
      before,
      after: story,
      beforeContent,
      afterContent,
    });
    const message: ChangeMessage = { kind: "invalidate", tags };
    this.#apply(message);
    this.#purge?.enqueue(tags);
    this.#onVisible?.(event);
    await this.#publish(message);
  }

  async onBannerChange(
    serviceId: ServiceId,
    banner: BreakingBanner | null,
    previous: BreakingBanner | null = null,
  ): Promise<void> {
    // Pages show text and link only; a re-raise with the same words changes no page, unless
    // it ends sooner: pages (and the chrome they are built from) are kept until the expiry
    // they were rendered with, which would then show the bar after its new end.
    const visible = (b: BreakingBanner | null) => (b ? JSON.stringify([b.text, b.url]) : "");
    const endsSooner =
      banner !== null &&
      previous !== null &&
      Date.parse(banner.expiresAt) < Date.parse(previous.expiresAt);
    const pagesChange = visible(banner) !== visible(previous) || endsSooner;
    await this.#announce({ kind: "banner", serviceId, banner, pagesChange });
  }

  /** Invalidation for changes outside stories (sections, people, settings). */
  async invalidate(tags: readonly string[]): Promise<void> {
    await this.#announce({ kind: "invalidate", tags });
  }

  async #announce(message: ChangeMessage): Promise<void> {
    this.#apply(message);
    if (message.kind === "invalidate") this.#purge?.enqueue(message.tags);
    else if (message.kind === "banner" && message.pagesChange) {
      this.#purge?.enqueue([cacheTags.banner(message.serviceId)]);
    }
    await this.#publish(message);
  }

  async #publish(message: ChangeMessage): Promise<void> {
    try {
      await this.#bus.publish(message);
    } catch (error) {
      // Other instances' caches expire by max-age at worst; the write itself has committed.
      this.#logger.error({ err: error }, "could not announce a change to other instances");
    }
  }

  #apply(message: ChangeMessage): void {
    if (message.kind === "invalidate") {
      if (message.tags.includes("*")) this.#cache.clear();
      else this.#cache.invalidate(message.tags);
      return;
    }
    if (message.kind !== "banner") return;
    if (message.pagesChange) this.#cache.invalidate([cacheTags.banner(message.serviceId)]);
    this.#banners?.broadcast(message.serviceId, message.banner);
  }
}
