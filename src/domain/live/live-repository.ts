import type { LivePage, LivePost, LivePostContent, LiveReadRepository } from "./live-schema.js";

/** One immutable revision of a post, with the name of who wrote it. */
export interface LivePostRevision {
  readonly postId: string;
  readonly revision: number;
  readonly content: LivePostContent;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
}

/** A post as the newsroom lists it: who wrote it, and whether its offered source changed. */
export interface NewsroomLivePost extends LivePost {
  readonly createdByName: string | null;
  /** True when this post was offered from another page and its source was edited since. */
  readonly stale: boolean;
}

/**
 * The newsroom's writes (and its own reads) of live pages. Every change is conditional on
 * what the service read (the settings' version, the post's revision), so two editors never
 * overwrite each other silently; a change that finds something else returns false.
 */
export interface LiveRepository extends LiveReadRepository {
  /**
   * Inserts the post and its revision 1; if it is pinned, the page's previous pin is
   * cleared in the same transaction.
   */
  insertPost(post: LivePost): Promise<void>;
  /**
   * Replaces the post's head if its revision is still `expectedRevision`; when `next.revision`
   * is higher, `next.content` is also written as that new revision, by `editedBy` (the post's
   * `createdBy` stays its author). Pinning clears the page's previous pin in the same
   * transaction.
   */
  updatePost(next: LivePost, expectedRevision: number, editedBy: string | null): Promise<boolean>;
  /** Marks the post deleted (never removes it: the audit needs it), if not deleted yet. */
  deletePost(
    postId: string,
    change: { deletedAt: string; deletedBy: string | null; reason: string | null },
  ): Promise<boolean>;
  /** Writes the settings if their version is still `expectedVersion`. */
  updateLivePage(
    next: LivePage,
    expectedVersion: number,
    change: { at: string; by: string | null },
  ): Promise<boolean>;
  /** The newsroom's stream: newest first, deleted posts too when asked. */
  listNewsroomPosts(
    storyId: string,
    page: { before?: string; limit: number; includeDeleted: boolean },
  ): Promise<NewsroomLivePost[]>;
  /** One post as the newsroom shows it, deleted or a draft or not. */
  findNewsroomPost(postId: string): Promise<NewsroomLivePost | undefined>;
  /** Oldest first, at most 1,000. */
  listRevisions(postId: string): Promise<LivePostRevision[]>;
  /** Makes an offered draft a post readers see, at `postedAt`, if it is still a draft. */
  publishDraft(postId: string, postedAt: string): Promise<boolean>;
  /** Posts offered from `sourcePostId` (the cross-service copies), drafts included. */
  listOffered(sourcePostId: string): Promise<LivePost[]>;
  /** Flags posts stale (their source changed) or current again. */
  setStale(postIds: readonly string[], stale: boolean): Promise<void>;
}
