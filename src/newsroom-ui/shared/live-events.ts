import { useEffect, useRef } from "preact/hooks";
import { z } from "zod";
import { apiBasePath } from "./api-client.js";

/**
 * Live newsroom events (`GET /newsroom/api/events`, Server-Sent Events): `wire` when an
 * agency item arrives or changes, `flag` when a story is built on killed copy,
 * `notification` when the signed-in person has a new notification, `live-post` and
 * `live-settings` when a live page's posts or settings change, and `ready`
 * when the stream (re)opens, after which screens refresh in case they missed something.
 * Where EventSource is unavailable, the screen polls every 30 seconds instead.
 */

const wireEventSchema = z.looseObject({
  itemId: z.string(),
  headline: z.string().nullable(),
  agency: z.string(),
  urgency: z.number().nullable(),
  pubStatus: z.string(),
});
type WireEventData = z.infer<typeof wireEventSchema>;

const flagEventSchema = z.looseObject({
  storyId: z.string(),
  itemId: z.string(),
  reason: z.string().nullable(),
});
type FlagEventData = z.infer<typeof flagEventSchema>;

// Live pages (issue 15): a post published, edited or deleted, or a page's settings changed.
const livePostEventSchema = z.looseObject({
  storyId: z.string(),
  postId: z.string(),
  action: z.enum(["published", "edited", "deleted"]),
});
type LivePostEventData = z.infer<typeof livePostEventSchema>;
const liveSettingsEventSchema = z.looseObject({ storyId: z.string() });

export type NewsroomEvent =
  | { readonly type: "wire"; readonly data: WireEventData }
  | { readonly type: "flag"; readonly data: FlagEventData }
  | { readonly type: "notification" }
  | { readonly type: "live-post"; readonly data: LivePostEventData }
  | { readonly type: "live-settings"; readonly data: { readonly storyId: string } }
  | { readonly type: "ready" }
  | { readonly type: "poll" };

export const pollIntervalMs = 30_000;

/** The parts of EventSource used here, so tests can pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}
type EventSourceFactory = (url: string) => EventSourceLike;

function parse<T>(schema: z.ZodType<T>, raw: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(raw));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * Subscribes to the newsroom's events; returns the function that stops. With no
 * EventSource, `onEvent({ type: "poll" })` runs every `pollIntervalMs` so the screen reloads.
 */
export function subscribeNewsroomEvents(options: {
  readonly onEvent: (event: NewsroomEvent) => void;
  readonly eventSource: EventSourceFactory | null;
  readonly timers?: {
    setInterval: (fn: () => void, ms: number) => number;
    clearInterval: (id: number) => void;
  };
  readonly url?: string;
}): () => void {
  const { onEvent } = options;
  if (options.eventSource === null) {
    const timers = options.timers ?? {
      setInterval: (fn: () => void, ms: number) => window.setInterval(fn, ms),
      clearInterval: (id: number) => window.clearInterval(id),
    };
    const id = timers.setInterval(() => onEvent({ type: "poll" }), pollIntervalMs);
    return () => timers.clearInterval(id);
  }
  const source = options.eventSource(options.url ?? `${apiBasePath}/events`);
  source.addEventListener("wire", (event) => {
    const data = parse(wireEventSchema, event.data);
    if (data) onEvent({ type: "wire", data });
  });
  source.addEventListener("flag", (event) => {
    const data = parse(flagEventSchema, event.data);
    if (data) onEvent({ type: "flag", data });
  });
  source.addEventListener("notification", () => onEvent({ type: "notification" }));
  source.addEventListener("live-post", (event) => {
    const data = parse(livePostEventSchema, event.data);
    if (data) onEvent({ type: "live-post", data });
  });
  source.addEventListener("live-settings", (event) => {
    const data = parse(liveSettingsEventSchema, event.data);
    if (data) onEvent({ type: "live-settings", data });
  });
  source.addEventListener("ready", () => onEvent({ type: "ready" }));
  return () => source.close();
}

/** The browser's EventSource, or null where there is none (then the screens poll). */
function browserEventSource(): EventSourceFactory | null {
  if (typeof EventSource === "undefined") return null;
  return (url) => new EventSource(url, { withCredentials: true });
}

/** Subscribes while the component is mounted; the latest `onEvent` is always called. */
export function useNewsroomEvents(onEvent: (event: NewsroomEvent) => void): void {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  useEffect(
    () =>
      subscribeNewsroomEvents({
        eventSource: browserEventSource(),
        onEvent: (event) => latest.current(event),
      }),
    [],
  );
}
