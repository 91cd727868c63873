import { streamSSE } from "hono/streaming";
import type { LiveEvent, LiveEventListener } from "../../domain/live/live-schema.js";
import type { WireEvent, WireEventListener } from "../../domain/wire/wire-events.js";
import type { WireQueueEntry } from "../../domain/wire/wire-repository.js";
import type { NewsroomRouter } from "./newsroom-router.js";

/**
 * Live events for the newsroom app (docs/newsroom-api.md, "Live newsroom events"):
 * `GET /newsroom/api/events` is a Server-Sent Events stream (HTML Living Standard §9.2)
 * that tells the wire queue about new or updated items (`event: wire`), the dashboard and
 * editor about stories built on copy an agency killed (`event: flag`), and each person,
 * on their own streams only, that they have a new notification (`event: notification`,
 * with an empty payload: the list itself is read through `GET /notifications`).
 *
 * The stream only says *that* something changed, with enough to announce it; screens fetch
 * the details through the ordinary API, which applies every access rule again. Events come
 * from this instance's wire services (`WireEvents`) and, through the change bus, from every other
 * instance's, so a browser hears of copy whichever instance ingested it.
 */

/** `event: wire`: an item arrived or got a new version. */
export interface WireItemEvent {
  readonly itemId: string;
  readonly headline: string | null;
  readonly agency: string;
  readonly urgency: number | null;
  readonly pubStatus: WireQueueEntry["pubStatus"];
}

/** `event: flag`: a story is built on an item the agency withheld or canceled. */
export interface StoryFlagEvent {
  readonly storyId: string;
  readonly itemId: string;
  readonly reason: string | null;
  readonly pubStatus: string;
  readonly agency: string;
}

/**
 * `event: live-post`: a post of a live page was published, edited or deleted (issue 15), so
 * the editor's stream of that page updates live; the post itself is read through the API.
 */
export interface LivePostEvent {
  readonly storyId: string;
  readonly postId: string;
  readonly action: "published" | "edited" | "deleted";
}

/** `event: live-settings`: a live page's status, key points or posting rights changed. */
export interface LiveSettingsEvent {
  readonly storyId: string;
}

/** `notification` relayed between instances: whose streams to tell. */
interface NotificationRelay {
  readonly userIds: readonly string[];
}

type EventName = "wire" | "flag" | "notification" | "live-post" | "live-settings";
type EventData = WireItemEvent | StoryFlagEvent | LivePostEvent | LiveSettingsEvent;
type Send = (event: EventName, data: EventData | Record<string, never>) => void;

/** Items looked up per ingest event, at most; a bulk ingest sends one refresh hint instead. */
const maxItemsPerEvent = 100;

/**
 * The fan-out: a `WireEventListener` the composition root hands to the wire desk, and the
 * set of open newsroom streams it writes to.
 */
export class NewsroomEvents implements WireEventListener, LiveEventListener {
  /** Each open stream, with the person it belongs to (null for none). */
  readonly #clients = new Map<Send, string | null>();
  readonly #findItem: (itemId: string) => Promise<WireQueueEntry | undefined>;
  readonly #relay: ((event: EventName, data: EventData | NotificationRelay) => void) | undefined;

  constructor(deps: {
    findItem: (itemId: string) => Promise<WireQueueEntry | undefined>;
    /** Carries each event to the other instances (the change bus), so every browser hears it. */
    relay?: (event: EventName, data: EventData | NotificationRelay) => void;
  }) {
    this.#findItem = deps.findItem;
    this.#relay = deps.relay;
  }

  readonly #closers = new Set<(retryMs: number) => void>();
  /** Set by close(): the reconnection hint for streams opened after it. */
  #closedRetryMs: number | undefined;

  /** Registers how to end one stream at shutdown; returns the function that removes it. */
  onShutdown(close: (retryMs: number) => void): () => void {
    if (this.#closedRetryMs !== undefined) {
      // A drain is under way (the stream came on a kept-alive connection): end it at once,
      // as the streams open at close() were, rather than hold the drain up.
      close(this.#closedRetryMs);
      return () => undefined;
    }
    this.#closers.add(close);
    return () => this.#closers.delete(close);
  }

  /**
   * Shutdown: every stream gets a short reconnection hint and ends, so the newsroom
   * reconnects through the load balancer to an instance that stays.
   */
  close(retryMs: number): void {
    this.#closedRetryMs = retryMs;
    for (const close of [...this.#closers]) close(retryMs);
  }

  /** An event relayed from another instance: for this instance's streams only. */
  deliver(
    event: EventName,
    data: WireItemEvent | StoryFlagEvent | LivePostEvent | LiveSettingsEvent | NotificationRelay,
  ): void {
    if (event === "notification") {
      // Relayed data is another instance's JSON: only a list of ids is taken from it.
      const listed = "userIds" in data && Array.isArray(data.userIds) ? data.userIds : [];
      const userIds = new Set(listed.filter((id): id is string => typeof id === "string"));
      for (const [send, userId] of this.#clients) {
        if (userId !== null && userIds.has(userId)) send("notification", {});
      }
      return;
    }
    if ("userIds" in data) return;
    for (const send of this.#clients.keys()) send(event, data);
  }

  /** Tells these people's open streams, on every instance, that they have a notification. */
  notify(userIds: readonly string[]): void {
    if (userIds.length === 0) return;
    this.#broadcast("notification", { userIds: [...new Set(userIds)] });
  }

  get connections(): number {
    return this.#clients.size;
  }

  /** Adds a stream (of `userId`, who alone hears their notifications); returns its remover. */
  subscribe(send: Send, userId: string | null = null): () => void {
    this.#clients.set(send, userId);
    return () => this.#clients.delete(send);
  }

  async onWireEvent(event: WireEvent): Promise<void> {
    if (this.#clients.size === 0 && !this.#relay) return;
    if (event.type === "items-ingested") {
      for (const itemId of event.itemIds.slice(0, maxItemsPerEvent)) {
        const item = await this.#findItem(itemId);
        if (item === undefined) continue;
        this.#broadcast("wire", {
          itemId: item.id,
          headline: item.headline,
          agency: item.agencyCode,
          urgency: item.urgency,
          pubStatus: item.pubStatus,
        });
      }
      return;
    }
    if (event.type !== "stories-flagged") return;
    for (const flag of event.flags) {
      this.#broadcast("flag", {
        storyId: flag.storyId,
        itemId: flag.itemId,
        reason: flag.reason,
        pubStatus: flag.pubStatus,
        agency: flag.agencyCode,
      });
    }
  }

  /** Live pages: every open newsroom stream hears of each post and settings change. */
  onLiveEvent(event: LiveEvent): void {
    if (event.type === "settings-changed") {
      this.#broadcast("live-settings", { storyId: event.storyId });
      return;
    }
    if (event.postId === null) return;
    const action =
      event.type === "post-published"
        ? "published"
        : event.type === "post-edited"
          ? "edited"
          : "deleted";
    this.#broadcast("live-post", { storyId: event.storyId, postId: event.postId, action });
  }

  #broadcast(event: EventName, data: EventData | NotificationRelay): void {
    this.deliver(event, data);
    this.#relay?.(event, data);
  }
}

/** Comment lines keep proxies from closing an idle stream (most time out after 30–60 s). */
const heartbeatMs = 25_000;

/**
 * `GET /events`: anyone who may read the wire may listen; API tokens need `stories:read`.
 * A GET needs no CSRF token.
 */
export function eventRoutes(r: NewsroomRouter, deps: { readonly events: NewsroomEvents }): void {
  r.get("/events", { action: "wire.read", scope: "stories:read" }, (c, { actor }) => {
    c.header("Cache-Control", "no-store");
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      // Writes are chained so frames never interleave, and dropped once the client is gone.
      let queue: Promise<void> = Promise.resolve();
      const write = (frame: () => Promise<unknown>) => {
        queue = queue.then(frame).then(
          () => undefined,
          () => undefined,
        );
      };
      const unsubscribe = deps.events.subscribe(
        (event, data) => write(() => stream.writeSSE({ event, data: JSON.stringify(data) })),
        actor.kind === "user" ? actor.userId : null,
      );
      const beat = setInterval(() => write(() => stream.write(": keep-alive\n\n")), heartbeatMs);
      let shutdown: () => void = () => undefined;
      const closed = new Promise<void>((done) => {
        stream.onAbort(done);
        shutdown = done;
      });
      const forget = deps.events.onShutdown((retryMs) => {
        write(() => stream.write(`retry: ${retryMs}\n\n`));
        write(async () => shutdown());
      });
      write(() => stream.write("retry: 5000\n\n"));
      // A first event tells the client the stream is open (and, after a reconnect, to refresh).
      write(() => stream.writeSSE({ event: "ready", data: "{}" }));
      await closed;
      clearInterval(beat);
      unsubscribe();
      forget();
    });
  });
}
