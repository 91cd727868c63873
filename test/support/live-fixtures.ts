import { systemActor } from "../../src/domain/actor.js";
import { newId } from "../../src/domain/ids.js";
import type { LivePage, LivePost, LivePostContent } from "../../src/domain/live/live-schema.js";
import type { Newsdesk } from "../../src/main.js";

const actor = systemActor("live fixtures");

/**
 * A published English live page seeded through the storage layer (the newsroom's posting
 * service is another engineer's), with helpers that write posts as that service would.
 */
export class LiveFixture {
  readonly newsdesk: Newsdesk;
  readonly storyId: string;
  readonly url: string;
  #clock: number;

  private constructor(newsdesk: Newsdesk, storyId: string, url: string, start: number) {
    this.newsdesk = newsdesk;
    this.storyId = storyId;
    this.url = url;
    this.#clock = start;
  }

  static async create(
    newsdesk: Newsdesk,
    options: { headline?: string; serviceId?: "en" | "fa"; section?: string } = {},
  ): Promise<LiveFixture> {
    const serviceId = options.serviceId ?? "en";
    const section = options.section ?? "world";
    const { story } = await newsdesk.services.stories.create(actor, {
      serviceId,
      kind: "live",
      content: {
        headline: options.headline ?? "Siege of Kessara: live",
        standfirst: "Updates as the talks go on.",
        dateline: "",
        slug: "siege-live",
        section,
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "What we know so far." }] }],
        bylines: [],
        agencies: [],
      },
    });
    await newsdesk.services.stories.publish(actor, story.id, { mode: "first" });
    const prefix = serviceId === "en" ? "english" : "persian";
    const fixture = new LiveFixture(
      newsdesk,
      story.id,
      `/${prefix}/${section}/siege-live-${story.id}`,
      Date.parse("2026-11-24T08:00:00.000Z"),
    );
    await fixture.settings({ status: "live" });
    return fixture;
  }

  async settings(change: Partial<Pick<LivePage, "status" | "keyPoints">>): Promise<LivePage> {
    const live = this.newsdesk.repositories.live;
    const page = await live.findLivePage(this.storyId);
    if (!page) throw new Error("no live page");
    const now = new Date(this.#clock).toISOString();
    const next: LivePage = {
      ...page,
      ...change,
      coverageStartTime: page.coverageStartTime ?? now,
      coverageEndTime: change.status === "ended" ? now : null,
      version: page.version + 1,
    };
    if (!(await live.updateLivePage(next, page.version, { at: now, by: null }))) {
      throw new Error("settings conflict");
    }
    return next;
  }

  /** A post one minute after the previous one. */
  async post(
    content: Partial<LivePostContent> = {},
    flags: { keyEvent?: boolean; pinned?: boolean } = {},
  ): Promise<LivePost> {
    this.#clock += 60_000;
    const post: LivePost = {
      id: newId(),
      storyId: this.storyId,
      postedAt: new Date(this.#clock).toISOString(),
      content: {
        title: null,
        body: [{ type: "paragraph", content: [{ text: `Post at ${this.#clock}.` }] }],
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
    await this.newsdesk.repositories.live.insertPost(post);
    return post;
  }

  async edit(
    postId: string,
    change: Partial<LivePostContent> & { keyEvent?: boolean; pinned?: boolean },
  ): Promise<LivePost> {
    const live = this.newsdesk.repositories.live;
    const post = await live.findPost(postId);
    if (!post) throw new Error(`no post ${postId}`);
    const { keyEvent, pinned, ...content } = change;
    const contentChanged = Object.keys(content).length > 0;
    const next: LivePost = {
      ...post,
      content: { ...post.content, ...content },
      keyEvent: keyEvent ?? post.keyEvent,
      pinned: pinned ?? post.pinned,
      revision: contentChanged ? post.revision + 1 : post.revision,
      editedAt: contentChanged ? new Date(this.#clock + 1000).toISOString() : post.editedAt,
    };
    if (!(await live.updatePost(next, post.revision, null))) throw new Error("post conflict");
    return next;
  }

  async remove(postId: string): Promise<void> {
    const deletedAt = new Date(this.#clock + 1000).toISOString();
    await this.newsdesk.repositories.live.deletePost(postId, {
      deletedAt,
      deletedBy: null,
      reason: null,
    });
  }
}
