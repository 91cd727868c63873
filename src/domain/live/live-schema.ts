import { z } from "zod";
import { storyBodySchema } from "../stories/story-body-schema.js";

/**
 * Live pages (issue 15): a story of kind "live" carries live settings and a stream of
 * posts. Posts have their own immutable revisions, like stories, so edits and deletions are
 * audited and readers can be told a post was edited.
 */
export const liveStatuses = ["upcoming", "live", "ended"] as const;
export type LiveStatus = (typeof liveStatuses)[number];

/** What an editor sets on a live page, beside the story's own content. */
export const liveSettingsSchema = z.object({
  status: z.enum(liveStatuses),
  /** Short key points shown at the top of the page (plain text, one line each). */
  keyPoints: z.array(z.string().trim().min(1).max(300)).max(10),
  /** When false, only editors post (reporters of the service may read and draft nothing). */
  reportersMayPost: z.boolean(),
});
export type LiveSettings = z.infer<typeof liveSettingsSchema>;

export interface LivePage extends LiveSettings {
  readonly storyId: string;
  /** When the page first went live / ended (schema.org coverageStartTime/EndTime). */
  readonly coverageStartTime: string | null;
  readonly coverageEndTime: string | null;
  /** Optimistic-locking counter for settings changes. */
  readonly version: number;
}

const postBylineSchema = z.object({ personId: z.string().min(1).max(64) });

/** What a reporter writes in one post: the payload of one post revision. */
export const livePostContentSchema = z.object({
  title: z.string().trim().max(300).nullable(),
  body: storyBodySchema.min(1).max(200),
  bylines: z.array(postBylineSchema).max(10),
});
export type LivePostContent = z.infer<typeof livePostContentSchema>;

export interface LivePost {
  readonly id: string;
  readonly storyId: string;
  /** Reader-visible time of the post (set when first published, never moved by edits). */
  readonly postedAt: string;
  readonly content: LivePostContent;
  readonly keyEvent: boolean;
  readonly pinned: boolean;
  /** 1 for a post never edited; readers see "edited" when > 1. */
  readonly revision: number;
  readonly editedAt: string | null;
  readonly deletedAt: string | null;
  readonly createdBy: string | null;
  /** The source post when this one was offered from another service's live page. */
  readonly sourcePostId: string | null;
  /**
   * True for a post offered from another service's page that awaits translation and
   * publication (absent otherwise). Readers never see drafts: LiveReadRepository leaves
   * them out.
   */
  readonly draft?: boolean;
}

/** Announced after a post or the live settings change has committed (like StoryEvent). */
export interface LiveEvent {
  readonly type: "post-published" | "post-edited" | "post-deleted" | "settings-changed";
  readonly storyId: string;
  readonly serviceId: string;
  /** null for "settings-changed". */
  readonly postId: string | null;
  readonly at: string;
  readonly actorId: string | null;
  /**
   * For "settings-changed": the page's status before and after, so listeners (listing
   * badges in caches) know whether it changed without remembering it themselves.
   */
  readonly status?: { readonly before: LiveStatus; readonly after: LiveStatus };
}

export interface LiveEventListener {
  onLiveEvent(event: LiveEvent): Promise<void> | void;
}

/** What readers' pages, feeds and APIs read (the newsroom's writes live in the service). */
export interface LiveReadRepository {
  findLivePage(storyId: string): Promise<LivePage | undefined>;
  /**
   * Posts not deleted, newest first by (postedAt, id); `before` is a post id cursor (the
   * stable `?before=<postId>` pagination). Pinned posts are included in their place too.
   */
  listPosts(storyId: string, page: { before?: string; limit: number }): Promise<LivePost[]>;
  /** Key-event posts not deleted, newest first, at most `limit`. */
  listKeyEvents(storyId: string, limit: number): Promise<LivePost[]>;
  /** The pinned post not deleted, if any (at most one is pinned at a time). */
  findPinned(storyId: string): Promise<LivePost | undefined>;
  /** One post, deleted or not (a permalink to a deleted post says it was removed). */
  findPost(postId: string): Promise<LivePost | undefined>;
  countPosts(storyId: string): Promise<number>;
}
