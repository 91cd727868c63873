import { describe, expect, it } from "vitest";
import {
  type EventSourceLike,
  type NewsroomEvent,
  pollIntervalMs,
  subscribeNewsroomEvents,
} from "./live-events.js";

class FakeEventSource implements EventSourceLike {
  readonly listeners = new Map<string, (event: MessageEvent<string>) => void>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data: string): void {
    this.listeners.get(type)?.({ data } as MessageEvent<string>);
  }
}

describe("newsroom live events", () => {
  it("parses wire and flag events and ignores malformed ones", () => {
    const seen: NewsroomEvent[] = [];
    let fake: FakeEventSource | undefined;
    const stop = subscribeNewsroomEvents({
      eventSource: (url) => {
        fake = new FakeEventSource(url);
        return fake;
      },
      onEvent: (event) => seen.push(event),
    });
    expect(fake?.url).toBe("/newsroom/api/events");
    fake?.emit("ready", "{}");
    fake?.emit(
      "wire",
      JSON.stringify({
        itemId: "w1",
        headline: "Hi",
        agency: "AFP",
        urgency: 2,
        pubStatus: "usable",
      }),
    );
    fake?.emit("wire", "not json");
    fake?.emit("flag", JSON.stringify({ storyId: "s1", itemId: "w1", reason: null }));
    fake?.emit("flag", JSON.stringify({ storyId: 5 }));
    fake?.emit("notification", "{}");
    expect(seen.map((event) => event.type)).toEqual(["ready", "wire", "flag", "notification"]);
    stop();
    expect(fake?.closed).toBe(true);
  });

  it("parses live-page post and settings events and ignores malformed ones", () => {
    const seen: NewsroomEvent[] = [];
    let fake: FakeEventSource | undefined;
    subscribeNewsroomEvents({
      eventSource: (url) => {
        fake = new FakeEventSource(url);
        return fake;
      },
      onEvent: (event) => seen.push(event),
    });
    fake?.emit("live-post", JSON.stringify({ storyId: "s1", postId: "p1", action: "edited" }));
    fake?.emit("live-post", JSON.stringify({ storyId: "s1", postId: "p1", action: "moved" }));
    fake?.emit("live-settings", JSON.stringify({ storyId: "s1" }));
    fake?.emit("live-settings", "[]");
    expect(seen).toEqual([
      { type: "live-post", data: { storyId: "s1", postId: "p1", action: "edited" } },
      { type: "live-settings", data: { storyId: "s1" } },
    ]);
  });

  it("polls every 30 seconds when EventSource is unavailable", () => {
    const seen: NewsroomEvent[] = [];
    let tick: (() => void) | undefined;
    let interval = 0;
    let cleared = false;
    const stop = subscribeNewsroomEvents({
      eventSource: null,
      onEvent: (event) => seen.push(event),
      timers: {
        setInterval: (fn, ms) => {
          tick = fn;
          interval = ms;
          return 7;
        },
        clearInterval: (id) => {
          cleared = id === 7;
        },
      },
    });
    expect(interval).toBe(pollIntervalMs);
    expect(pollIntervalMs).toBe(30_000);
    tick?.();
    tick?.();
    expect(seen).toEqual([{ type: "poll" }, { type: "poll" }]);
    stop();
    expect(cleared).toBe(true);
  });
});
