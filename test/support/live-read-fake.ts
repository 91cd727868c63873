import type {
  LivePage,
  LivePost,
  LivePostContent,
  LiveReadRepository,
} from "../../src/domain/live/live-schema.js";

/**
 * An in-memory LiveReadRepository with the contract's ordering rules (newest first by
 * postedAt then id; deleted posts left out of lists, found by id), for reader tests that
 * run before and beside the SQL repository.
 */
export class InMemoryLiveRead implements LiveReadRepository {
  readonly pages = new Map<string, LivePage>();
  readonly posts = new Map<string, LivePost>();
  #clock = Date.parse("2026-11-24T08:00:00.000Z");
  #seq = 0;

  setPage(storyId: string, page: Partial<LivePage> = {}): LivePage {
    const value: LivePage = {
      storyId,
      status: "live",
      keyPoints: [],
      reportersMayPost: true,
      coverageStartTime: "2026-11-24T07:00:00.000Z",
      coverageEndTime: null,
      version: 1,
      ...this.pages.get(storyId),
      ...page,
    };
    this.pages.set(storyId, value);
    return value;
  }

  /** A new post one minute after the previous one (ids are 12 lowercase letters and digits). */
  addPost(
    storyId: string,
    content: Partial<LivePostContent> = {},
    flags: Partial<Pick<LivePost, "keyEvent" | "pinned" | "postedAt" | "id">> = {},
  ): LivePost {
    this.#clock += 60_000;
    this.#seq += 1;
    const post: LivePost = {
      id: flags.id ?? `p${String(this.#seq).padStart(11, "0")}`,
      storyId,
      postedAt: flags.postedAt ?? new Date(this.#clock).toISOString(),
      content: {
        title: null,
        body: [{ type: "paragraph", content: [{ text: `Post number ${this.#seq}.` }] }],
        bylines: [],
        ...content,
      },
      keyEvent: flags.keyEvent ?? false,
      pinned: flags.pinned ?? false,
      revision: 1,
      editedAt: null,
      deletedAt: null,
      createdBy: null,
      sourcePostId: null,
    };
    if (post.pinned)
      for (const p of this.posts.values()) if (p.pinned) this.#put({ ...p, pinned: false });
    this.posts.set(post.id, post);
    return post;
  }

  edit(
    postId: string,
    change: Partial<LivePostContent> & { keyEvent?: boolean; pinned?: boolean },
  ) {
    const post = this.#get(postId);
    const { keyEvent, pinned, ...content } = change;
    const edited: LivePost = {
      ...post,
      content: { ...post.content, ...content },
      keyEvent: keyEvent ?? post.keyEvent,
      pinned: pinned ?? post.pinned,
      revision: post.revision + 1,
      editedAt: new Date(this.#clock + 1000).toISOString(),
    };
    this.#put(edited);
    return edited;
  }

  remove(postId: string): void {
    const post = this.#get(postId);
    this.#put({ ...post, deletedAt: new Date(this.#clock + 1000).toISOString() });
  }

  async findLivePage(storyId: string) {
    return this.pages.get(storyId);
  }

  async listPosts(storyId: string, page: { before?: string; limit: number }) {
    let list = this.#visible(storyId);
    if (page.before) {
      const cursor = this.posts.get(page.before);
      if (!cursor) return [];
      list = list.filter((p) => newerFirst(p, cursor) > 0);
    }
    return list.slice(0, page.limit);
  }

  async listKeyEvents(storyId: string, limit: number) {
    return this.#visible(storyId)
      .filter((p) => p.keyEvent)
      .slice(0, limit);
  }

  async findPinned(storyId: string) {
    return this.#visible(storyId).find((p) => p.pinned);
  }

  async findPost(postId: string) {
    return this.posts.get(postId);
  }

  async countPosts(storyId: string) {
    return this.#visible(storyId).length;
  }

  #visible(storyId: string): LivePost[] {
    return [...this.posts.values()]
      .filter((p) => p.storyId === storyId && !p.deletedAt)
      .sort(newerFirst);
  }

  #get(postId: string): LivePost {
    const post = this.posts.get(postId);
    if (!post) throw new Error(`no post ${postId}`);
    return post;
  }

  #put(post: LivePost): void {
    this.posts.set(post.id, post);
  }
}

/** Negative when a is newer than b (a comes first). */
function newerFirst(a: LivePost, b: LivePost): number {
  if (a.postedAt !== b.postedAt) return a.postedAt < b.postedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
