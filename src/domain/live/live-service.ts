import { z } from "zod";
import { type Actor, actorId } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import type { MediaRepository } from "../media/media-repository.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { writesFor } from "../people/people-schema.js";
import type { ServiceId } from "../services/service-registry.js";
import type { StoryBlock } from "../stories/story-body-schema.js";
import { unseenEmbeds } from "../stories/story-embeds.js";
import type { StoryRepository } from "../stories/story-repository.js";
import type { Story } from "../stories/story-schema.js";
import { assertCan } from "../users/access-policy.js";
import { dispatchLiveEvent } from "./live-events.js";
import type { LivePostRevision, LiveRepository, NewsroomLivePost } from "./live-repository.js";
import { applySettings, mayChangePost, mayModerate, mayPost } from "./live-rules.js";
import {
  type LiveEvent,
  type LiveEventListener,
  type LivePage,
  type LivePost,
  type LivePostContent,
  type LiveSettings,
  livePostContentSchema,
  liveSettingsSchema,
} from "./live-schema.js";

/** `PUT /stories/:id/live`: the settings and the version the editor started from. */
export const liveSettingsInputSchema = liveSettingsSchema.extend({
  version: z.number().int().min(1).max(2_147_483_647),
});
export type LiveSettingsInput = z.infer<typeof liveSettingsInputSchema>;

/** `POST /stories/:id/posts`. */
export const newLivePostSchema = livePostContentSchema.extend({
  keyEvent: z.boolean().optional(),
  pinned: z.boolean().optional(),
});
export type NewLivePost = z.infer<typeof newLivePostSchema>;

/** `PATCH /posts/:postId`: only the fields sent change; `revision` is the one edited. */
export const livePostPatchSchema = z.object({
  revision: z.number().int().min(1).max(2_147_483_647),
  title: livePostContentSchema.shape.title.optional(),
  body: livePostContentSchema.shape.body.optional(),
  bylines: livePostContentSchema.shape.bylines.optional(),
  keyEvent: z.boolean().optional(),
  pinned: z.boolean().optional(),
});
export type LivePostPatch = z.infer<typeof livePostPatchSchema>;

/** `DELETE /posts/:postId`. */
export const livePostDeletionSchema = z.object({
  reason: z.string().trim().max(500).optional(),
});

/** A post as the newsroom API returns it (the contract's LivePostJson). */
export interface LivePostJson extends LivePost {
  readonly createdByName: string | null;
  readonly bylineNames: string[];
  /** Offered from another service's page, and that source post was edited since. */
  readonly stale: boolean;
  /** An offered copy still awaiting translation and publication (readers never see it). */
  readonly draft: boolean;
}

/** The live page as the newsroom API returns it, with what the caller may do. */
export interface LivePageView extends LivePage {
  readonly canPost: boolean;
  readonly canModerate: boolean;
}

export interface LiveServiceDeps {
  readonly live: LiveRepository;
  readonly stories: Pick<StoryRepository, "findStory">;
  /** The story service's read check (translators may read their sources, and so on). */
  readonly viewable: (actor: Actor, storyId: string) => Promise<Story>;
  readonly catalog: Pick<CatalogRepository, "findPeople">;
  readonly media: Pick<MediaRepository, "findMany">;
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Told about every committed post or settings change (newsroom stream, readers, webhooks). */
  readonly listeners?: readonly LiveEventListener[];
  readonly onListenerError?: (error: unknown, event: LiveEvent) => void;
}

/** The largest page of posts one request reads. */
const maxPostsPerPage = 100;

/**
 * Live pages (issue 15): the settings editors set and the posts reporters and editors add.
 * Every call checks the actor, as the story service does; the page's own text still goes
 * through the story workflow unchanged. Posts keep immutable revisions; deleting is soft and
 * audited; at most one post of a page is pinned.
 */
export class LiveService {
  readonly #deps: LiveServiceDeps;

  constructor(deps: LiveServiceDeps) {
    this.#deps = deps;
  }

  async page(actor: Actor, storyId: string): Promise<LivePageView> {
    const story = await this.#deps.viewable(actor, storyId);
    const page = await this.#requirePage(story);
    return {
      ...page,
      canPost: livePostingOpen(story) && mayPost(actor, story.serviceId, page),
      canModerate: mayModerate(actor, story.serviceId),
    };
  }

  async updateSettings(
    actor: Actor,
    storyId: string,
    input: LiveSettingsInput,
  ): Promise<LivePageView> {
    const story = await this.#requireStory(storyId);
    assertCan(actor, "live.manage", story.serviceId);
    const page = await this.#requirePage(story);
    const { version, ...settings } = input;
    // Saving what is already there changes nothing: no new version, no audit entry and no
    // event, so no reader page is dropped from caches for it (a PUT is idempotent).
    if (version === page.version && sameSettings(page, settings)) {
      return { ...page, canPost: mayPost(actor, story.serviceId, page), canModerate: true };
    }
    const now = this.#now();
    const next = applySettings(page, settings, now);
    const saved =
      version === page.version &&
      (await this.#deps.live.updateLivePage(next, page.version, { at: now, by: actorId(actor) }));
    if (!saved) {
      throw new NewsdeskError("LIVE_SETTINGS_CONFLICT", {
        details: { current: (await this.#deps.live.findLivePage(storyId)) ?? page },
      });
    }
    await this.#deps.audit.record(
      actor,
      "live.settings-changed",
      { storyId, serviceId: story.serviceId },
      { status: next.status, reportersMayPost: next.reportersMayPost, version: next.version },
    );
    await this.#emit(actor, "settings-changed", story, null, {
      before: page.status,
      after: next.status,
    });
    return { ...next, canPost: mayPost(actor, story.serviceId, next), canModerate: true };
  }

  /** The newsroom's stream, newest first; deleted posts only for editors who ask. */
  async listPosts(
    actor: Actor,
    storyId: string,
    query: { before?: string; limit: number; includeDeleted?: boolean },
  ): Promise<{ items: LivePostJson[]; nextBefore: string | null }> {
    const story = await this.#deps.viewable(actor, storyId);
    await this.#requirePage(story);
    if (query.includeDeleted) assertCan(actor, "live.manage", story.serviceId);
    const limit = Math.min(Math.max(1, query.limit), maxPostsPerPage);
    if (query.before !== undefined) {
      const cursor = await this.#deps.live.findNewsroomPost(query.before);
      if (!cursor || cursor.storyId !== storyId) throw new NewsdeskError("CURSOR_INVALID");
    }
    // One more than asked says whether an older page exists.
    const rows = await this.#deps.live.listNewsroomPosts(storyId, {
      ...(query.before !== undefined ? { before: query.before } : {}),
      limit: limit + 1,
      includeDeleted: query.includeDeleted === true,
    });
    const items = await this.#describe(rows.slice(0, limit));
    return {
      items,
      nextBefore: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null,
    };
  }

  async post(actor: Actor, storyId: string, input: NewLivePost): Promise<LivePostJson> {
    const story = await this.#requireStory(storyId);
    assertCan(actor, "live.post", story.serviceId);
    const page = await this.#requirePage(story);
    requirePostingOpen(story);
    if (!mayPost(actor, story.serviceId, page)) throw new NewsdeskError("LIVE_POSTING_CLOSED");
    if ((input.keyEvent || input.pinned) && !mayModerate(actor, story.serviceId)) {
      throw flagsForbidden(story.serviceId);
    }
    const content = await this.#validateContent(story.serviceId, input, actor, []);
    const now = this.#now();
    const post: LivePost = {
      id: newId(),
      storyId,
      postedAt: now,
      content,
      keyEvent: input.keyEvent ?? false,
      pinned: input.pinned ?? false,
      revision: 1,
      editedAt: null,
      deletedAt: null,
      createdBy: actorId(actor),
      sourcePostId: null,
    };
    await this.#deps.live.insertPost(post);
    await this.#emit(actor, "post-published", story, post.id);
    return this.#requireJson(post.id);
  }

  async editPost(actor: Actor, postId: string, patch: LivePostPatch): Promise<LivePostJson> {
    const { post, story } = await this.#requirePostForChange(actor, postId);
    const flagsChange =
      (patch.keyEvent !== undefined && patch.keyEvent !== post.keyEvent) ||
      (patch.pinned !== undefined && patch.pinned !== post.pinned);
    if (flagsChange && !mayModerate(actor, story.serviceId)) throw flagsForbidden(story.serviceId);
    if (flagsChange && post.draft) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "Publish the offered post before pinning it or marking it as a key event.",
      });
    }
    if (patch.revision !== post.revision) throw this.#postConflict(post);
    const proposed: LivePostContent = {
      title: patch.title !== undefined ? patch.title : post.content.title,
      body: patch.body ?? post.content.body,
      bylines: patch.bylines ?? post.content.bylines,
    };
    const contentChanged = JSON.stringify(proposed) !== JSON.stringify(post.content);
    const content = contentChanged
      ? await this.#validateContent(story.serviceId, proposed, actor, post.content.body)
      : post.content;
    const now = this.#now();
    const next: LivePost = {
      ...post,
      content,
      keyEvent: patch.keyEvent ?? post.keyEvent,
      pinned: patch.pinned ?? post.pinned,
      revision: contentChanged ? post.revision + 1 : post.revision,
      editedAt: contentChanged ? now : post.editedAt,
    };
    if (!contentChanged && !flagsChange) return this.#requireJson(postId);
    const saved = await this.#deps.live.updatePost(next, post.revision, actorId(actor));
    if (!saved) {
      throw this.#postConflict((await this.#deps.live.findNewsroomPost(postId)) ?? post);
    }
    if (contentChanged) {
      await this.#markOffersStale(post.id);
      // An offered copy brought up to date is no longer stale (as a reviewed translation).
      if (post.sourcePostId !== null) await this.#deps.live.setStale([post.id], false);
    }
    // A draft is nobody's business outside the newsroom until it is published.
    if (!post.draft) await this.#emit(actor, "post-edited", story, post.id);
    return this.#requireJson(postId);
  }

  async deletePost(actor: Actor, postId: string, reason: string | undefined): Promise<void> {
    const { post, story } = await this.#requirePostForChange(actor, postId);
    const deleted = await this.#deps.live.deletePost(postId, {
      deletedAt: this.#now(),
      deletedBy: actorId(actor),
      reason: reason && reason.length > 0 ? reason : null,
    });
    if (!deleted) throw new NewsdeskError("LIVE_POST_DELETED");
    await this.#deps.audit.record(
      actor,
      "live.post-deleted",
      { storyId: story.id, serviceId: story.serviceId },
      {
        postId,
        revision: post.revision,
        title: post.content.title,
        ...(reason ? { reason } : {}),
      },
    );
    if (!post.draft) await this.#emit(actor, "post-deleted", story, postId);
  }

  /**
   * Offers a post to the live page of the same story family in another service (issue 15,
   * "across services"): a draft copy there, linked by `sourcePostId`, for that service's
   * translators and editors to translate and publish. Editing the source later flags the
   * copy stale, as a source update flags a story translation.
   */
  async offer(actor: Actor, postId: string, targetStoryId: string): Promise<LivePostJson> {
    const source = await this.#requirePost(postId);
    if (source.deletedAt !== null) throw new NewsdeskError("LIVE_POST_DELETED");
    if (source.draft) {
      throw new NewsdeskError("LIVE_POST_NOT_DRAFT", {
        detail: "Publish this post before offering it to another service.",
      });
    }
    const sourceStory = await this.#deps.viewable(actor, source.storyId);
    const target = await this.#requireStory(targetStoryId);
    assertCan(actor, "translation.create", target.serviceId);
    if (
      target.kind !== "live" ||
      target.familyId !== sourceStory.familyId ||
      target.serviceId === sourceStory.serviceId
    ) {
      throw new NewsdeskError("LIVE_OFFER_TARGET_INVALID");
    }
    await this.#requirePage(target);
    requirePostingOpen(target);
    const existing = (await this.#deps.live.listOffered(source.id)).find(
      (p) => p.storyId === target.id && p.deletedAt === null,
    );
    if (existing) {
      throw new NewsdeskError("LIVE_POST_ALREADY_OFFERED", { details: { postId: existing.id } });
    }
    const post: LivePost = {
      id: newId(),
      storyId: target.id,
      // Replaced by the time of publication; until then, when it was offered.
      postedAt: this.#now(),
      // The source's words, to translate; bylines name people of the source's service.
      content: { ...source.content, bylines: [] },
      keyEvent: false,
      pinned: false,
      revision: 1,
      editedAt: null,
      deletedAt: null,
      createdBy: actorId(actor),
      sourcePostId: source.id,
      draft: true,
    };
    await this.#deps.live.insertPost(post);
    return this.#requireJson(post.id);
  }

  /** Publishes an offered draft: readers see it from now on, at this time. */
  async publishDraft(actor: Actor, postId: string): Promise<LivePostJson> {
    const post = await this.#requirePost(postId);
    const story = await this.#requireStory(post.storyId);
    assertCan(actor, "live.post", story.serviceId);
    const page = await this.#requirePage(story);
    requirePostingOpen(story);
    if (!mayPost(actor, story.serviceId, page)) throw new NewsdeskError("LIVE_POSTING_CLOSED");
    if (post.deletedAt !== null) throw new NewsdeskError("LIVE_POST_DELETED");
    if (!post.draft || !(await this.#deps.live.publishDraft(postId, this.#now()))) {
      throw new NewsdeskError("LIVE_POST_NOT_DRAFT");
    }
    await this.#emit(actor, "post-published", story, postId);
    return this.#requireJson(postId);
  }

  async revisions(actor: Actor, postId: string): Promise<LivePostRevision[]> {
    const post = await this.#requirePost(postId);
    await this.#deps.viewable(actor, post.storyId);
    return this.#deps.live.listRevisions(postId);
  }

  /** One post for the newsroom, after the read check. */
  async findPost(actor: Actor, postId: string): Promise<LivePostJson> {
    const post = await this.#requirePost(postId);
    await this.#deps.viewable(actor, post.storyId);
    return this.#requireJson(postId);
  }

  /** A post with the names the newsroom shows, read back after a write. */
  async #requireJson(postId: string): Promise<LivePostJson> {
    const row = await this.#deps.live.findNewsroomPost(postId);
    if (!row) throw new NewsdeskError("LIVE_POST_NOT_FOUND");
    const [json] = await this.#describe([row]);
    if (!json) throw new NewsdeskError("LIVE_POST_NOT_FOUND");
    return json;
  }

  async #describe(rows: readonly NewsroomLivePost[]): Promise<LivePostJson[]> {
    const personIds = [
      ...new Set(rows.flatMap((row) => row.content.bylines.map((b) => b.personId))),
    ];
    const people = new Map(
      (personIds.length > 0 ? await this.#deps.catalog.findPeople(personIds) : []).map((p) => [
        p.id,
        p.name,
      ]),
    );
    return rows.map((row) => ({
      ...row,
      draft: row.draft === true,
      bylineNames: row.content.bylines.flatMap((b) => {
        const name = people.get(b.personId);
        return name === undefined ? [] : [name];
      }),
    }));
  }

  /** Copies offered from this post no longer match it: their translators must look again. */
  async #markOffersStale(postId: string): Promise<void> {
    const offered = await this.#deps.live.listOffered(postId);
    if (offered.length > 0) {
      await this.#deps.live.setStale(
        offered.map((p) => p.id),
        true,
      );
    }
  }

  async #requirePostForChange(
    actor: Actor,
    postId: string,
  ): Promise<{ post: LivePost; story: Story }> {
    const post = await this.#requirePost(postId);
    const story = await this.#requireStory(post.storyId);
    await this.#requirePage(story);
    if (!mayChangePost(actor, story.serviceId, post)) {
      throw new NewsdeskError("FORBIDDEN", {
        detail: "Reporters can change only their own posts; editors can change any post.",
        details: { action: "live.manage", serviceId: story.serviceId },
      });
    }
    if (post.deletedAt !== null) throw new NewsdeskError("LIVE_POST_DELETED");
    requirePostingOpen(story);
    return { post, story };
  }

  #postConflict(current: LivePost): NewsdeskError {
    return new NewsdeskError("LIVE_POST_CONFLICT", {
      details: { currentRevision: current.revision, current },
    });
  }

  /**
   * Bylines name catalogue people writing for the service; figures name existing media;
   * stories newly embedded (not in `before`) are ones the actor may view.
   */
  async #validateContent(
    serviceId: ServiceId,
    input: LivePostContent,
    actor: Actor,
    before: readonly StoryBlock[],
  ): Promise<LivePostContent> {
    const content: LivePostContent = {
      title: input.title === null || input.title === "" ? null : input.title.normalize("NFC"),
      body: input.body,
      bylines: input.bylines,
    };
    const personIds = content.bylines.map((b) => b.personId);
    const mediaIds = content.body.flatMap((b) => (b.type === "figure" ? [b.mediaId] : []));
    const [people, media, unseen] = await Promise.all([
      personIds.length > 0 ? this.#deps.catalog.findPeople(personIds) : [],
      mediaIds.length > 0 ? this.#deps.media.findMany(mediaIds) : [],
      unseenEmbeds(content.body, before, (id) => this.#deps.viewable(actor, id)),
    ]);
    const missing = [
      ...personIds
        .filter((id) => !people.some((p) => p.id === id && writesFor(p, serviceId)))
        .map((id) => `person ${id}`),
      ...mediaIds.filter((id) => !media.some((m) => m.id === id)).map((id) => `image ${id}`),
      ...unseen,
    ];
    if (missing.length > 0) {
      throw new NewsdeskError("UNKNOWN_REFERENCE", {
        detail: `Unknown references: ${missing.join(", ")}.`,
        details: { missing },
      });
    }
    return content;
  }

  async #requireStory(storyId: string): Promise<Story> {
    const story = await this.#deps.stories.findStory(storyId);
    if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
    return story;
  }

  async #requirePage(story: Story): Promise<LivePage> {
    const page = story.kind === "live" ? await this.#deps.live.findLivePage(story.id) : undefined;
    if (!page) throw new NewsdeskError("LIVE_PAGE_NOT_FOUND");
    return page;
  }

  async #requirePost(postId: string): Promise<LivePost> {
    const post = await this.#deps.live.findNewsroomPost(postId);
    if (!post) throw new NewsdeskError("LIVE_POST_NOT_FOUND");
    return post;
  }

  async #emit(
    actor: Actor,
    type: LiveEvent["type"],
    story: Story,
    postId: string | null,
    status?: LiveEvent["status"],
  ): Promise<void> {
    const event: LiveEvent = {
      type,
      storyId: story.id,
      serviceId: story.serviceId,
      postId,
      at: this.#now(),
      actorId: actorId(actor),
      ...(status ? { status } : {}),
    };
    await dispatchLiveEvent(
      this.#deps.listeners ?? [],
      event,
      this.#deps.onListenerError ?? (() => undefined),
    );
  }

  #now(): string {
    return this.#deps.clock.now().toISOString();
  }
}

/** Posts go on a page that is neither killed nor in the trash. */
function livePostingOpen(story: Story): boolean {
  return story.status !== "killed" && !story.trashedAt;
}

function requirePostingOpen(story: Story): void {
  if (story.trashedAt) throw new NewsdeskError("STORY_IN_TRASH");
  if (story.status === "killed") {
    throw new NewsdeskError("INVALID_TRANSITION", {
      detail: "The live page was killed; its posts cannot change.",
    });
  }
}

function flagsForbidden(serviceId: ServiceId): NewsdeskError {
  return new NewsdeskError("FORBIDDEN", {
    detail: "Only editors can pin posts or mark them as key events.",
    details: { action: "live.manage", serviceId },
  });
}

function sameSettings(page: LiveSettings, settings: LiveSettings): boolean {
  return (
    page.status === settings.status &&
    page.reportersMayPost === settings.reportersMayPost &&
    JSON.stringify(page.keyPoints) === JSON.stringify(settings.keyPoints)
  );
}
