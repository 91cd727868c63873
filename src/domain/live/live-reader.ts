import type { Person } from "../people/people-schema.js";
import type { ResolvedMedia, StoryEmbeds } from "../published/published-stories.js";
import type { ServiceId } from "../services/service-registry.js";
import { embeddedStoryIds } from "../stories/story-body-schema.js";
import type { LivePage, LivePost, LiveReadRepository, LiveStatus } from "./live-schema.js";

/** Posts per page of a live page's stream (the first page, and each `?before=` page). */
const livePageSize = 20;
/** Key events listed at the top of the first page. */
const liveKeyEventLimit = 20;

/** Which part of the stream a reader asked for. */
export type LiveStreamRequest =
  | { readonly kind: "latest" }
  /** `?before=<postId>`: the posts older than that one. */
  | { readonly kind: "before"; readonly postId: string }
  /** `?post=<postId>`: the share URL, that post first and the ones before it. */
  | { readonly kind: "around"; readonly postId: string };

export interface LiveStreamModel {
  readonly page: LivePage;
  readonly request: LiveStreamRequest;
  /**
   * The latest change this page shows (a post's time or edit): open pages get the events
   * after it (live-hub.ts). From the content, not the clock, so equal pages are equal bytes.
   */
  readonly latestChange: string | null;
  /** The posts shown in the stream, newest first. */
  readonly posts: readonly LivePost[];
  /** The cursor of the next older page, or null when these are the oldest posts. */
  readonly nextBefore: string | null;
  /** Shown on the first page only (every other page links back to it). */
  readonly pinned: LivePost | undefined;
  readonly keyEvents: readonly LivePost[];
  /** A share URL whose post was deleted: the reader is told, and sees the latest posts. */
  readonly removedPostId: string | null;
  /** Every post whose content or place this page depends on (see liveCacheTags). */
  readonly dependsOn: readonly string[];
  readonly people: ReadonlyMap<string, Person>;
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  /** The stories the shown posts embed; the page depends on their headlines too. */
  readonly embeds: StoryEmbeds;
}

export interface LiveReaderDeps {
  readonly live: LiveReadRepository;
  findPeople(ids: readonly string[]): Promise<readonly Person[]>;
  resolveMedia(ids: readonly string[]): Promise<ReadonlyMap<string, ResolvedMedia>>;
  /** What embedded stories show to readers of the live page's service. */
  resolveEmbeds(serviceId: ServiceId, ids: readonly string[]): Promise<StoryEmbeds>;
}

/**
 * What readers' live pages show: one page of posts by a stable cursor (a post id, never an
 * offset, so a new post at the top does not shift the older pages), with the pinned post and
 * the key events on the first page.
 */
export class LiveReader {
  readonly #deps: LiveReaderDeps;

  constructor(deps: LiveReaderDeps) {
    this.#deps = deps;
  }

  /** The live settings of a story, or undefined when it is no live page. */
  livePage(storyId: string): Promise<LivePage | undefined> {
    return this.#deps.live.findLivePage(storyId);
  }

  /**
   * The live pages among these stories, with their status (a teaser's LIVE badge shows
   * while it is "live"). Only stories of kind "live" are looked up.
   */
  async statuses(
    stories: readonly { id: string; kind?: string }[],
  ): Promise<Map<string, LiveStatus>> {
    const pages = await Promise.all(
      stories
        .filter((s) => s.kind === undefined || s.kind === "live")
        .map((s) => this.#deps.live.findLivePage(s.id)),
    );
    return new Map(pages.flatMap((p) => (p ? [[p.storyId, p.status] as const] : [])));
  }

  /**
   * One post readers of `serviceId` (its live page's service) can see (not deleted), with
   * its bylines' people, its pictures and the stories it embeds.
   */
  async post(postId: string, serviceId: ServiceId): Promise<LivePostView | undefined> {
    const post = await this.#deps.live.findPost(postId);
    if (!post || post.deletedAt) return undefined;
    const [people, media, embeds] = await Promise.all([
      this.#deps.findPeople(post.content.bylines.map((b) => b.personId)),
      this.#deps.resolveMedia(
        post.content.body.flatMap((b) => (b.type === "figure" ? [b.mediaId] : [])),
      ),
      this.#deps.resolveEmbeds(serviceId, embeddedStoryIds(post.content.body)),
    ]);
    return { post, people: new Map(people.map((p) => [p.id, p])), media, embeds };
  }

  /**
   * One page of the stream, or undefined when the cursor or shared post is not a post of
   * this page (a made-up or foreign id: the address does not exist).
   */
  async stream(
    page: LivePage,
    request: LiveStreamRequest,
    /** The live page's service: embedded stories show as its readers see them. */
    serviceId: ServiceId,
  ): Promise<LiveStreamModel | undefined> {
    const { live } = this.#deps;
    const storyId = page.storyId;
    let focus: LivePost | undefined;
    let removedPostId: string | null = null;
    let effective: LiveStreamRequest = request;
    if (request.kind !== "latest") {
      const post = await live.findPost(request.postId);
      if (!post || post.storyId !== storyId) return undefined;
      if (request.kind === "around") {
        if (post.deletedAt) {
          removedPostId = post.id;
          effective = { kind: "latest" };
        } else focus = post;
      }
    }
    const first = effective.kind === "latest";
    // Posts past the page tell whether an older page exists, and whether that depends on a
    // single post (then deleting it changes this page's "Older posts" link).
    const extra = 2;
    const [rows, pinned, keyEvents] = await Promise.all([
      effective.kind === "latest"
        ? live.listPosts(storyId, { limit: livePageSize + extra })
        : effective.kind === "before"
          ? live.listPosts(storyId, { before: effective.postId, limit: livePageSize + extra })
          : live.listPosts(storyId, { before: effective.postId, limit: livePageSize + extra - 1 }),
      first ? live.findPinned(storyId) : Promise.resolve(undefined),
      first ? live.listKeyEvents(storyId, liveKeyEventLimit) : Promise.resolve([]),
    ]);
    const all = focus ? [focus, ...rows] : rows;
    const posts = all.slice(0, livePageSize);
    const nextBefore = all.length > livePageSize ? (posts.at(-1)?.id ?? null) : null;
    const probe = all.length === livePageSize + 1 ? all[livePageSize] : undefined;
    const shown = [...posts, ...(pinned ? [pinned] : []), ...keyEvents];
    const bodies = [...posts, ...(pinned ? [pinned] : [])];
    const [people, media, embeds] = await Promise.all([
      this.#deps.findPeople([
        ...new Set(shown.flatMap((p) => p.content.bylines.map((b) => b.personId))),
      ]),
      this.#deps.resolveMedia([
        ...new Set(
          [...posts, ...(pinned ? [pinned] : [])].flatMap((p) =>
            p.content.body.flatMap((b) => (b.type === "figure" ? [b.mediaId] : [])),
          ),
        ),
      ]),
      this.#deps.resolveEmbeds(
        serviceId,
        bodies.flatMap((p) => embeddedStoryIds(p.content.body)),
      ),
    ]);
    return {
      page,
      request: effective,
      latestChange:
        shown
          .flatMap((p) => (p.editedAt ? [p.postedAt, p.editedAt] : [p.postedAt]))
          .sort()
          .at(-1) ?? null,
      posts,
      nextBefore,
      pinned,
      keyEvents,
      removedPostId,
      dependsOn: [
        ...new Set([
          ...shown.map((p) => p.id),
          ...(probe ? [probe.id] : []),
          ...(removedPostId ? [removedPostId] : []),
        ]),
      ],
      people: new Map(people.map((p) => [p.id, p])),
      media,
      embeds,
    };
  }
}

/** One post with what rendering it needs, for the events sent to open pages. */
export interface LivePostView {
  readonly post: LivePost;
  readonly people: ReadonlyMap<string, Person>;
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  readonly embeds: StoryEmbeds;
}

/** The names credited on a post, in its byline order (people no longer known are left out). */
export function postBylineNames(
  post: LivePost,
  people: ReadonlyMap<string, Pick<Person, "name">>,
): string[] {
  return post.content.bylines.flatMap((b) => {
    const person = people.get(b.personId);
    return person ? [person.name] : [];
  });
}
