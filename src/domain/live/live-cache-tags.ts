import { cacheTags } from "../cache/cache-tags.js";
import type { LiveEvent, LiveStatus } from "./live-schema.js";

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
  /** The live page's own RSS, Atom and JSON feeds. */
  feeds: (storyId: string) => `live-feeds:${storyId}`,
} as const;

/**
 * Exactly the tags a live event changes:
 * - a new post: the first page and the feeds (not the older pages, not the share pages);
 * - an edit or deletion: also every page showing that post (a share page, an older page);
 * - settings: the first page (key points); when the status changed, every page of the live
 *   page and the lists showing its teaser with the LIVE badge.
 */
export function tagsForLiveEvent(
  event: Pick<LiveEvent, "type" | "storyId" | "postId">,
  status: { readonly before: LiveStatus | undefined; readonly after: LiveStatus | undefined },
): string[] {
  const tags = [liveCacheTags.first(event.storyId)];
  if (event.type === "settings-changed") {
    if (status.before !== status.after) {
      tags.push(liveCacheTags.status(event.storyId), cacheTags.teaser(event.storyId));
    }
    return tags;
  }
  tags.push(liveCacheTags.feeds(event.storyId));
  if (event.type !== "post-published" && event.postId) tags.push(liveCacheTags.post(event.postId));
  return tags;
}
