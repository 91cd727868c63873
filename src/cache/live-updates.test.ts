import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { StoryRepository } from "../domain/stories/story-repository.js";
import type { ChangeBus, ChangeHandler, ChangeMessage } from "./change-bus.js";
import { LiveUpdates } from "./live-updates.js";
import { PageCache } from "./page-cache.js";

/** A bus whose deliveries from "other instances" the test makes by hand. */
class ScriptedBus implements ChangeBus {
  readonly published: ChangeMessage[] = [];
  #handlers: ChangeHandler[] = [];
  async publish(message: ChangeMessage): Promise<void> {
    this.published.push(message);
  }
  subscribe(handler: ChangeHandler): void {
    this.#handlers.push(handler);
  }
  deliver(message: ChangeMessage): void {
    for (const handler of this.#handlers) handler(message);
  }
  async close(): Promise<void> {}
}

describe("LiveUpdates and the CDN purge", () => {
  it("purges only changes made on this instance, banners included", async () => {
    const bus = new ScriptedBus();
    const purged: string[][] = [];
    const live = new LiveUpdates({
      cache: new PageCache(),
      bus,
      stories: {} as StoryRepository,
      logger: pino({ level: "silent" }),
      purge: { enqueue: (tags) => purged.push([...tags]) },
    });
    await live.invalidate(["chrome:en"]);
    await live.onBannerChange(
      "en",
      {
        id: "b1",
        serviceId: "en",
        text: "Breaking",
        url: null,
        expiresAt: "2099-01-01T00:00:00.000Z",
        createdAt: "2026-01-01T00:00:00.000Z",
        clearedAt: null,
      },
      null,
    );
    // Told by other instances (they purged already), or a reconnection's clean start.
    bus.deliver({ kind: "invalidate", tags: ["story:x"] });
    bus.deliver({ kind: "invalidate", tags: ["*"] });
    expect(purged).toEqual([["chrome:en"], ["banner:en"]]);
    expect(bus.published.map((m) => m.kind)).toEqual(["invalidate", "banner"]);
  });

  it("drops pages and chrome when a re-raise with the same words ends sooner, not later", async () => {
    const bus = new ScriptedBus();
    const cache = new PageCache();
    const live = new LiveUpdates({
      cache,
      bus,
      stories: {} as StoryRepository,
      logger: pino({ level: "silent" }),
    });
    const banner = (id: string, expiresAt: string) => ({
      id,
      serviceId: "en" as const,
      text: "Breaking",
      url: null,
      expiresAt,
      createdAt: "2026-01-01T00:00:00.000Z",
      clearedAt: null,
    });
    const first = banner("b1", "2099-01-01T12:00:00.000Z");
    const store = () => cache.store("/english", cache.beginRender(), page(["banner:en"]));
    store();
    // Later: pages showing the words expire at the old time at the latest, then re-render.
    const later = banner("b2", "2099-01-01T13:00:00.000Z");
    await live.onBannerChange("en", later, first);
    expect(cache.has("/english")).toBe(true);
    // Sooner: a page kept until the old time would show the bar after its new end.
    await live.onBannerChange("en", banner("b3", "2099-01-01T11:00:00.000Z"), later);
    expect(cache.has("/english")).toBe(false);
    expect(bus.published.map((m) => m.kind === "banner" && m.pagesChange)).toEqual([false, true]);
  });
});

function page(tags: string[]) {
  return {
    status: 200,
    contentType: "text/html; charset=utf-8",
    cacheControl: "public, max-age=60",
    body: Buffer.from("<p>page</p>"),
    tags,
  };
}
