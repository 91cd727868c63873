import type { Logger } from "pino";
import { postFingerprint, tagsForLiveEvent } from "../domain/live/live-cache-tags.js";
import type {
  LiveEvent,
  LiveEventListener,
  LivePost,
  LiveStatus,
} from "../domain/live/live-schema.js";
import type { LivePostFrame } from "../render/reader/live-post-frames.js";
import type { ChangeBus, ChangeMessage } from "./change-bus.js";
import type { CdnPurge } from "./live-updates.js";
import type { PageCache } from "./page-cache.js";

/** Where post events go on this instance: the reader SSE hub (src/http/live-hub.ts). */
export interface LivePostSink {
  broadcastPost(
    edition: LivePostFrame["edition"],
    storyId: string,
    at: number,
    data: object,
  ): unknown;
}

/** Live pages and posts this instance remembers; past this, the oldest is forgotten. */
const memory = 10_000;

/**
 * Keeps cached pages and open live pages in step with posts, like LiveUpdates does for
 * stories: each change is applied here at once (cache tags dropped, the post sent to this
 * instance's open pages), then told to the other instances over the change bus, which do
 * the same for theirs. Only what the change shows in is dropped (tagsForLiveEvent): a new
 * post leaves the older pages (`?before=`) and other posts' share pages cached.
 */
export class LivePostUpdates implements LiveEventListener {
  readonly #cache: PageCache;
  readonly #bus: ChangeBus;
  readonly #sink: LivePostSink | undefined;
  readonly #logger: Logger;
  readonly #statusOf: (storyId: string) => Promise<LiveStatus | undefined>;
  readonly #findPost: (postId: string) => Promise<LivePost | undefined>;
  readonly #frames: (event: LiveEvent) => Promise<readonly LivePostFrame[]>;
  readonly #purge: CdnPurge | undefined;
  readonly #onVisible: ((event: LiveEvent) => void) | undefined;
  /** The status each live page had at its last change here (LIVE badges in lists). */
  readonly #statuses = new Map<string, LiveStatus | null>();
  /** What each post last showed in the stream, so a pin-only edit leaves its pages be. */
  readonly #fingerprints = new Map<string, { stream: string; flags: string } | null>();

  constructor(deps: {
    cache: PageCache;
    bus: ChangeBus;
    sink?: LivePostSink;
    logger: Logger;
    statusOf(storyId: string): Promise<LiveStatus | undefined>;
    findPost(postId: string): Promise<LivePost | undefined>;
    frames(event: LiveEvent): Promise<readonly LivePostFrame[]>;
    /** The CDN purge queue; only the instance where the change was made purges. */
    purge?: CdnPurge;
    /** Told once the change is visible on this instance (post→visible latency). */
    onVisible?: (event: LiveEvent) => void;
  }) {
    this.#cache = deps.cache;
    this.#bus = deps.bus;
    this.#sink = deps.sink;
    this.#logger = deps.logger;
    this.#statusOf = deps.statusOf;
    this.#findPost = deps.findPost;
    this.#frames = deps.frames;
    this.#purge = deps.purge;
    this.#onVisible = deps.onVisible;
    this.#bus.subscribe((message) => {
      if (message.kind === "live") void this.#apply(message);
    });
  }

  async onLiveEvent(event: LiveEvent): Promise<void> {
    let status: LiveStatus | null = null;
    let before: LiveStatus | undefined | "unknown" = "unknown";
    if (event.type === "settings-changed") {
      status = event.status?.after ?? (await this.#statusOf(event.storyId)) ?? null;
      // The service says what the status was; else what this process saw, and if it saw
      // nothing, count it as changed, so no list keeps a stale badge.
      before =
        event.status?.before ??
        (this.#statuses.has(event.storyId)
          ? (this.#statuses.get(event.storyId) ?? undefined)
          : "unknown");
    }
    let fingerprint: { stream: string; flags: string } | null = null;
    let change: { shown: boolean; flags: boolean } | undefined;
    if (event.type !== "settings-changed" && event.postId) {
      const post = await this.#findPost(event.postId);
      fingerprint = post ? postFingerprint(post) : null;
      // Not seen here yet: count it as changed everywhere, so no page keeps a stale post.
      const known = this.#fingerprints.get(event.postId);
      change =
        known && fingerprint
          ? { shown: known.stream !== fingerprint.stream, flags: known.flags !== fingerprint.flags }
          : undefined;
    }
    const tags = tagsForLiveEvent(event, { before, after: status ?? undefined }, change);
    const message: ChangeMessage = { kind: "live", event, tags, status, fingerprint };
    await this.#apply(message);
    this.#purge?.enqueue(tags);
    this.#onVisible?.(event);
    try {
      await this.#bus.publish(message);
    } catch (error) {
      // Other instances' caches expire by max-age at worst; the write itself has committed.
      this.#logger.error(
        { err: error },
        "could not announce a live-page change to other instances",
      );
    }
  }

  async #apply(message: Extract<ChangeMessage, { kind: "live" }>): Promise<void> {
    const { event } = message;
    if (event.type === "settings-changed") remember(this.#statuses, event.storyId, message.status);
    else if (event.postId) remember(this.#fingerprints, event.postId, message.fingerprint);
    this.#cache.invalidate(message.tags);
    if (!this.#sink) return;
    try {
      for (const frame of await this.#frames(event)) {
        this.#sink.broadcastPost(frame.edition, frame.storyId, frame.at, frame.data);
      }
    } catch (error) {
      // Open pages get the post on their next load; the cached pages are already dropped.
      this.#logger.warn({ err: error }, "could not send a live post to open pages");
    }
  }
}

/** Sets a key as the newest entry of a bounded memory, forgetting the oldest past the bound. */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > memory) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}
