import type { ApiClient } from "./api-client.js";

/**
 * Headlines of embedded stories, for the newsroom's cards (the body stores only the id).
 * One lookup per story and client, through the story API, so the card shows only what the
 * signed-in user may see; null when the story is gone or not theirs to read.
 */
const known = new WeakMap<ApiClient, Map<string, Promise<string | null>>>();

function cacheOf(api: ApiClient): Map<string, Promise<string | null>> {
  let cache = known.get(api);
  if (!cache) {
    cache = new Map();
    known.set(api, cache);
  }
  return cache;
}

export function embeddedHeadline(api: ApiClient, storyId: string): Promise<string | null> {
  const cache = cacheOf(api);
  let found = cache.get(storyId);
  if (!found) {
    found = api.getStory(storyId).then(
      (detail) => detail.revision.content.headline,
      () => null,
    );
    cache.set(storyId, found);
  }
  return found;
}

/** A story just picked from the search: its headline is known without asking again. */
export function rememberHeadline(api: ApiClient, storyId: string, headline: string): void {
  cacheOf(api).set(storyId, Promise.resolve(headline));
}
