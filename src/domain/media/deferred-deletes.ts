/**
 * Removals of migrated originals, held back for a grace period. A reader may have looked an
 * object up (size, type) just before `newsdesk media migrate` switched it over, and opens its
 * bytes a moment later: the directory store opens a file only when the body is first read,
 * so that a response nobody reads holds no descriptor. Removing the original at once would
 * fail that reader with ENOENT mid-response; after the grace period every such reader has
 * its file open (an open file outlives its unlinking) or has been sent to the copy.
 */
export class DeferredDeletes {
  readonly #graceMs: number;
  readonly #pending: { readonly due: number; readonly remove: () => Promise<void> }[] = [];

  constructor(graceMs: number) {
    this.#graceMs = Math.max(0, graceMs);
  }

  /** Queues a removal; it runs once the grace period has passed (at a `settle` call). */
  add(remove: () => Promise<void>): void {
    this.#pending.push({ due: performance.now() + this.#graceMs, remove });
  }

  /** Runs the removals that are due; with `all`, waits for the rest to fall due and runs them. */
  async settle(all = false): Promise<void> {
    for (;;) {
      const next = this.#pending[0];
      if (!next) return;
      const wait = next.due - performance.now();
      if (wait > 0) {
        if (!all) return;
        await new Promise((resolve) => setTimeout(resolve, wait));
        continue;
      }
      // Taken off the queue before the await, so concurrent callers never run it twice.
      this.#pending.shift();
      await next.remove();
    }
  }
}

/** How long a migrated original stays readable after the switch-over. */
export const migrationGraceMs = 3000;
