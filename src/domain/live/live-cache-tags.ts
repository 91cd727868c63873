import type { LiveEvent, LivePost, LiveStatus } from "./live-schema.js";

/**
 * Cache tags of live pages, beside the story tags (src/domain/cache/cache-tags.ts). A live
 * page's first page, its older pages (`?before=`) and its share pages (`?post=`) carry
 * different tags, so a new post drops the first page and the feeds only: the older pages
 * show the same posts as before (their cursor is a post id, not an offset).
 */
export const liveCacheTags = {
  /** The first page of a live page (the latest posts, the pinned post, the key events). */
  first: (storyId: string) => `live-first:${storyId}`,
  /** Every page that shows one post (or whose "older posts" link depends on it). */
  post: (postId: string) => `live-post:${postId}`,
  /** Every page of a live page: each shows its status (LIVE, Upcoming, Ended). */
  status: (storyId: string) => `live-status:${storyId}`,
  /** Lists showing the live page's teaser, whose LIVE badge follows its status. */
  badge: (storyId: string) => `live-badge:${storyId}`,
  /** The live page's own RSS, Atom and JSON feeds. */
  feeds: (storyId: string) => `live-feeds:${storyId}`,
} as const;

/**
 * Exactly the tags a live event changes:
 * - a new post: the first page and the feeds (not the older pages, not the share pages);
 * - an edit or deletion: every page showing that post (each carries the tag of every post
 *   it shows, the first page its pinned post and key events too) and the feeds; an edit that
 *   changed nothing the stream shows (a pin) leaves those be, and the first page is dropped
 *   when the post's flags moved (it enters or leaves the pinned slot or the key events);
 * - settings: the first page (key points); when the status changed, every page of the live
 *   page, and the lists showing its teaser when it went live or stopped being live.
 */
export function tagsForLiveEvent(
  event: Pick<LiveEvent, "type" | "storyId" | "postId">,
  /** The status before and after; "unknown" (not seen before) counts as changed. */
  status: {
    readonly before: LiveStatus | undefined | "unknown";
    readonly after: LiveStatus | undefined;
  },
  /** For an edit, what moved; unknown (undefined) counts as everything. */
  change: { readonly shown: boolean; readonly flags: boolean } | undefined = undefined,
): string[] {
  if (event.type === "settings-changed") {
    const tags = [liveCacheTags.first(event.storyId)];
    if (status.before !== status.after) tags.push(liveCacheTags.status(event.storyId));
    // Teasers show a badge only while the page is live.
    const wasLive =
      status.before === "unknown" ? status.after !== "live" : status.before === "live";
    if (wasLive !== (status.after === "live")) {
      tags.push(liveCacheTags.badge(event.storyId));
    }
    return tags;
  }
  const tags = [liveCacheTags.feeds(event.storyId)];
  if (event.type === "post-published") return [liveCacheTags.first(event.storyId), ...tags];
  if (!event.postId) return tags;
  if (event.type === "post-deleted" || !change || change.shown) {
    tags.push(liveCacheTags.post(event.postId));
  }
  if (event.type === "post-edited" && (!change || change.flags)) {
    tags.push(liveCacheTags.first(event.storyId));
  }
  return tags;
}

/** What a post shows in the stream, and where the first page lists it (pinned, key event). */
export function postFingerprint(post: LivePost): { stream: string; flags: string } {
  return {
    stream: JSON.stringify([post.content, post.keyEvent, post.revision, post.deletedAt]),
    flags: JSON.stringify([post.keyEvent, post.pinned]),
  };
}
