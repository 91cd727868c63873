import type { Mirror, MirrorReadRepository } from "./mirror-schema.js";

/** How long a snapshot serves before the next request starts a refresh in the background. */
const defaultMaxAgeMs = 30_000;

/** One consistent view of every mirror, indexed for the request path. */
export interface MirrorSnapshot {
  /** The mirror a request's `Host` (lower case, with any port) names, if any. */
  byHost(host: string): Mirror | undefined;
  /** A service's mirrors, oldest first. */
  forService(serviceId: string): readonly Mirror[];
}

function snapshotOf(mirrors: readonly Mirror[]): MirrorSnapshot {
  const hosts = new Map<string, Mirror>();
  const services = new Map<string, Mirror[]>();
  for (const mirror of mirrors) {
    hosts.set(new URL(mirror.url).host, mirror);
    const list = services.get(mirror.serviceId) ?? [];
    list.push(mirror);
    services.set(mirror.serviceId, list);
  }
  return {
    byHost: (host) => hosts.get(host.toLowerCase()),
    forService: (serviceId) => services.get(serviceId) ?? [],
  };
}

/**
 * Every mirror, held in memory so that a reader request (the page cache's socket fast path
 * included) finds the mirror it arrived through without a query. Changes made on this
 * instance refresh it at once (`changed`); another instance's changes arrive with the next
 * refresh, at most `maxAgeMs` later.
 */
export class MirrorDirectory {
  readonly #repository: MirrorReadRepository;
  readonly #now: () => number;
  readonly #maxAgeMs: number;
  readonly #onError: (error: unknown) => void;
  #snapshot: MirrorSnapshot = snapshotOf([]);
  #loadedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | undefined;

  constructor(deps: {
    repository: MirrorReadRepository;
    now?: () => number;
    maxAgeMs?: number;
    onError?: (error: unknown) => void;
  }) {
    this.#repository = deps.repository;
    this.#now = deps.now ?? Date.now;
    this.#maxAgeMs = deps.maxAgeMs ?? defaultMaxAgeMs;
    this.#onError = deps.onError ?? (() => {});
  }

  /** The current snapshot; starts a background refresh when it is older than allowed. */
  current(): MirrorSnapshot {
    if (this.#now() - this.#loadedAt > this.#maxAgeMs) void this.refresh();
    return this.#snapshot;
  }

  /** Reloads from storage (one load at a time); keeps the old snapshot if storage fails. */
  refresh(): Promise<void> {
    this.#loading ??= (async () => {
      const startedAt = this.#now();
      try {
        this.#snapshot = snapshotOf(await this.#repository.listAll());
        this.#loadedAt = startedAt;
      } catch (error) {
        // Serve the last good list; try again after another interval, not on every request.
        this.#loadedAt = startedAt;
        this.#onError(error);
      } finally {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }

  /** This instance changed the list: reload now, so its own next page shows the change. */
  changed(): Promise<void> {
    // A load already running may have read the list before the change: queue another.
    return (this.#loading ?? Promise.resolve()).then(() => this.refresh());
  }
}
