import type { Person } from "../people/people-schema.js";
import type { ResolvedMedia, StoryEmbeds } from "../published/published-stories.js";
import type { ServiceId } from "../services/service-registry.js";
import { embeddedStoryIds } from "../stories/story-body-schema.js";
import type { LivePage, LivePost, LiveReadRepository } from "./live-schema.js";

/** A page of a published live page's posts, with the images and people they name. */
export interface PublishedLivePosts {
  readonly page: LivePage;
  /** Newest first, deleted posts left out. */
  readonly posts: readonly LivePost[];
  /** The cursor of the next older page (the last post's id), or null on the last page. */
  readonly nextBefore: string | null;
  /** Every figure's image in these posts, by media id. */
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  /** Byline people of these posts, by id. */
  readonly people: ReadonlyMap<string, Person>;
  /** The stories these posts embed, as the live page's service shows them. */
  readonly embeds: StoryEmbeds;
}

type ResolveEmbeds = (serviceId: ServiceId, ids: readonly string[]) => Promise<StoryEmbeds>;

/**
 * What distribution (content API, ninjs, webhooks) and readers' formats read of a live
 * page's posts: one page of them with what rendering needs. Whether the story itself is
 * published is the caller's check (`DistributionService.availability`).
 */
export class LivePostsReader {
  readonly #live: LiveReadRepository;
  readonly #resolveMedia: (ids: readonly string[]) => Promise<ReadonlyMap<string, ResolvedMedia>>;
  readonly #findPeople: (ids: readonly string[]) => Promise<Person[]>;
  readonly #resolveEmbeds: ResolveEmbeds;

  constructor(deps: {
    live: LiveReadRepository;
    resolveMedia: (ids: readonly string[]) => Promise<ReadonlyMap<string, ResolvedMedia>>;
    findPeople: (ids: readonly string[]) => Promise<Person[]>;
    resolveEmbeds: ResolveEmbeds;
  }) {
    this.#live = deps.live;
    this.#resolveMedia = deps.resolveMedia;
    this.#findPeople = deps.findPeople;
    this.#resolveEmbeds = deps.resolveEmbeds;
  }

  /** The live page's settings, or undefined when the story is not a live page. */
  settings(storyId: string): Promise<LivePage | undefined> {
    return this.#live.findLivePage(storyId);
  }

  /**
   * Undefined when the story is not a live page; `before` must be a post of this page.
   * `serviceId` is the live page's service, whose readers' view of embedded stories counts.
   */
  async page(
    storyId: string,
    serviceId: ServiceId,
    query: { before?: string; limit: number },
  ): Promise<PublishedLivePosts | undefined> {
    const page = await this.#live.findLivePage(storyId);
    if (!page) return undefined;
    const rows = await this.#live.listPosts(storyId, { ...query, limit: query.limit + 1 });
    const posts = rows.slice(0, query.limit);
    return {
      page,
      ...(await this.#describe(posts, serviceId)),
      posts,
      nextBefore: nextOf(rows, posts),
    };
  }

  /** One post (deleted or not) with its images and people, if it belongs to a live page. */
  async post(
    postId: string,
    serviceId: ServiceId,
  ): Promise<Omit<PublishedLivePosts, "page" | "nextBefore"> | undefined> {
    const post = await this.#live.findPost(postId);
    if (!post) return undefined;
    return { posts: [post], ...(await this.#describe([post], serviceId)) };
  }

  async #describe(posts: readonly LivePost[], serviceId: ServiceId) {
    const mediaIds = posts.flatMap((p) =>
      p.content.body.flatMap((b) => (b.type === "figure" ? [b.mediaId] : [])),
    );
    const personIds = [...new Set(posts.flatMap((p) => p.content.bylines.map((b) => b.personId)))];
    const [media, people, embeds] = await Promise.all([
      mediaIds.length > 0 ? this.#resolveMedia(mediaIds) : new Map<string, ResolvedMedia>(),
      personIds.length > 0 ? this.#findPeople(personIds) : [],
      this.#resolveEmbeds(
        serviceId,
        posts.flatMap((p) => embeddedStoryIds(p.content.body)),
      ),
    ]);
    return { media, people: new Map(people.map((p) => [p.id, p])), embeds };
  }
}

function nextOf(rows: readonly LivePost[], posts: readonly LivePost[]): string | null {
  return rows.length > posts.length ? (posts[posts.length - 1]?.id ?? null) : null;
}
