import type { LivePost } from "./live-api.js";

/**
 * The editor's stream of posts as a pure value: newest first by (postedAt, id), the same
 * order the server pages in, so pages loaded by cursor and posts arriving over the newsroom
 * events merge without duplicates or jumps in order.
 */
export interface LiveStream {
  readonly posts: readonly LivePost[];
  /** The cursor for "Older posts"; null once the oldest post is loaded. */
  readonly nextBefore: string | null;
}

export const emptyStream: LiveStream = { posts: [], nextBefore: null };

/** Newer first; posts with the same time by id, descending, like the server's cursor. */
function newerFirst(a: LivePost, b: LivePost): number {
  if (a.postedAt !== b.postedAt) return a.postedAt < b.postedAt ? 1 : -1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * Posts added or replaced by id. A copy older than the one held (lower revision) never
 * replaces it: an events refresh can race the answer to the user's own edit.
 */
export function mergePosts(stream: LiveStream, incoming: readonly LivePost[]): LiveStream {
  const byId = new Map(stream.posts.map((post) => [post.id, post]));
  for (const post of incoming) {
    const held = byId.get(post.id);
    if (held && held.revision > post.revision) continue;
    if (held && held.revision === post.revision && held.deletedAt && !post.deletedAt) continue;
    byId.set(post.id, post);
  }
  return { ...stream, posts: [...byId.values()].sort(newerFirst) };
}

/** The first page, loaded again after (re)connecting: merged, keeping the older pages held. */
export function withFirstPage(
  stream: LiveStream,
  page: { readonly items: readonly LivePost[]; readonly nextBefore: string | null },
): LiveStream {
  const merged = mergePosts(stream, page.items);
  // Until an older page has been loaded, the cursor is the first page's own.
  return stream.posts.length === 0 ? { ...merged, nextBefore: page.nextBefore } : merged;
}

/** An "Older posts" page appended; its cursor becomes the stream's. */
export function withOlderPage(
  stream: LiveStream,
  page: { readonly items: readonly LivePost[]; readonly nextBefore: string | null },
): LiveStream {
  return { ...mergePosts(stream, page.items), nextBefore: page.nextBefore };
}

/**
 * A deleted post: editors keep it, marked deleted (the deletion is audited and they may
 * read its history); everyone else no longer sees it.
 */
export function withDeleted(
  stream: LiveStream,
  postId: string,
  deletedAt: string,
  keepDeleted: boolean,
): LiveStream {
  return {
    ...stream,
    posts: keepDeleted
      ? stream.posts.map((post) =>
          post.id === postId && !post.deletedAt ? { ...post, deletedAt } : post,
        )
      : stream.posts.filter((post) => post.id !== postId),
  };
}

/**
 * Pinning one post unpins the previously pinned one on the server; the stream shows the same
 * at once rather than two pins until the next refresh.
 */
export function withPinned(stream: LiveStream, updated: LivePost): LiveStream {
  const merged = mergePosts(stream, [updated]);
  if (!updated.pinned) return merged;
  return {
    ...merged,
    posts: merged.posts.map((post) =>
      post.id !== updated.id && post.pinned ? { ...post, pinned: false } : post,
    ),
  };
}

/**
 * Posts of a loaded page that the stream never held and the user did not write: what the
 * "N new posts from colleagues" announcement counts. `known` holds every id seen so far.
 */
export function newFromOthers(
  known: ReadonlySet<string>,
  loaded: readonly LivePost[],
  userId: string,
): readonly LivePost[] {
  return loaded.filter(
    (post) =>
      !known.has(post.id) && post.createdBy !== userId && post.deletedAt === null && !post.draft,
  );
}

/**
 * The cursor whose page starts at `postId`: no cursor for the newest post (the first page),
 * the next newer post's id otherwise; null when the post is not loaded (nothing to refresh).
 */
export function cursorFor(stream: LiveStream, postId: string): string | undefined | null {
  const index = stream.posts.findIndex((post) => post.id === postId);
  if (index === -1) return null;
  return index === 0 ? undefined : stream.posts[index - 1]?.id;
}
