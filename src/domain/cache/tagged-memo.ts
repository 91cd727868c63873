/**
 * Values that reader pages are built from, kept like the pages themselves: under dependency
 * tags (cache-tags.ts), dropped by the invalidations that drop pages carrying those tags, and
 * past an expiry. The page cache implements it (src/cache/page-cache.ts), so one invalidation,
 * on every instance through the change bus, keeps a value and the pages built from it in step.
 */
export interface TaggedMemo {
  remember<T>(
    key: string,
    options: {
      readonly tags: readonly string[];
      /** Epoch ms on the caller's clock: a value whose expiry is not after it is read again. */
      readonly now: number;
    },
    load: () => Promise<{ readonly value: T; readonly expiresAt: number }>,
  ): Promise<T>;
}

/** No memo: every call reads (one-shot commands, which serve no pages). */
export const readEveryTime: TaggedMemo = {
  async remember(_key, _options, load) {
    return (await load()).value;
  },
};
