import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { cacheKeyFor, PageCache } from "./page-cache.js";

const failing = vi.hoisted(() => ({ compressNow: false }));
vi.mock("./content-coding.js", async (original) => {
  const real = await original<typeof import("./content-coding.js")>();
  return {
    ...real,
    compressNow: (...args: Parameters<typeof real.compressNow>) => {
      if (failing.compressNow) throw new Error("compression failed");
      return real.compressNow(...args);
    },
  };
});

const page = (body: string, tags: string[]) => ({
  status: 200,
  contentType: "text/html; charset=utf-8",
  cacheControl: "public, max-age=60",
  body: Buffer.from(body),
  tags,
});

describe("the page cache", () => {
  it("remembers a bounded number of invalidated tags, and stores no render older than what it forgot", () => {
    const cache = new PageCache({ maxTrackedTags: 100 });
    const early = cache.beginRender();
    // A long run invalidates many tags (every story ever edited); past the bound the cache
    // forgets them all at once rather than grow without end.
    for (let i = 0; i < 150; i++) cache.invalidate([`story:${i}`]);
    const late = cache.beginRender();
    // The early render may have read what a forgotten invalidation changed: not stored.
    expect(cache.store("a", early, page("a", ["story:unrelated"]))).toBeUndefined();
    expect(cache.store("b", late, page("b", ["story:unrelated"]))).toBeDefined();
    // Invalidations after the forgetting still hold back renders begun before them.
    const before = cache.beginRender();
    cache.invalidate(["story:7"]);
    expect(cache.store("c", before, page("c", ["story:7"]))).toBeUndefined();
    expect(cache.store("d", before, page("d", ["story:8"]))).toBeDefined();
  });

  it("makes each compressed variant once, off the event loop, when a reader first accepts it", async () => {
    const cache = new PageCache();
    const stored = cache.store(
      "k",
      cache.beginRender(),
      page("<p>hello hello hello</p>", ["story:a"]),
    );
    if (!stored) throw new Error("stored");
    expect(stored.etag).toMatch(/^"[\w-]{27}"$/);
    // Nothing is compressed for a reader who takes identity (a CDN asks for gzip alone,
    // most browsers for brotli: making both for every page would waste half the work).
    await cache.compressed(stored, undefined);
    await cache.settle();
    expect(stored.br).toBeNull();
    expect(stored.gzip).toBeNull();
    expect(cache.ready(stored, undefined)).toBe(true);
    expect(cache.ready(stored, "gzip, br")).toBe(false);
    // Brotli for a reader who takes it, in the thread pool: not yet when asked, then made.
    const made = cache.compressed(stored, "gzip, br");
    expect(stored.br).toBeNull();
    await made;
    expect(brotliDecompressSync(stored.br ?? Buffer.alloc(0)).toString()).toBe(
      "<p>hello hello hello</p>",
    );
    expect(stored.gzip).toBeNull();
    expect(cache.ready(stored, "br")).toBe(true);
    expect(cache.ready(stored, "gzip")).toBe(false);
    // Once: a second reader of the same encoding reuses it.
    const br = stored.br;
    await cache.compressed(stored, "br");
    expect(stored.br).toBe(br);
    await cache.compressed(stored, "gzip");
    expect(gunzipSync(stored.gzip ?? Buffer.alloc(0)).toString()).toBe("<p>hello hello hello</p>");
    expect(cache.bytes).toBeGreaterThan(stored.identity.length + (br?.length ?? 0));
    expect(cache.get("k")).toBe(stored);
  });

  // A lone cache miss is compressed on the event loop: handing a page to the thread pool and
  // waking up for it cost a sequential reader more than the compression itself.
  it("compresses inline when asked, the variant made before compressed() returns", () => {
    const cache = new PageCache();
    const stored = cache.store("k", cache.beginRender(), page("<p>now now now</p>", ["story:a"]));
    if (!stored) throw new Error("stored");
    const bytes = cache.bytes;
    void cache.compressed(stored, "br", { inline: true });
    expect(brotliDecompressSync(stored.br ?? Buffer.alloc(0)).toString()).toBe(
      "<p>now now now</p>",
    );
    expect(cache.compressions).toEqual({ inline: 1, pooled: 0 });
    expect(cache.bytes).toBe(bytes + (stored.br?.length ?? 0));
    // A variant already made is not made again, inline or not.
    void cache.compressed(stored, "br", { inline: true });
    void cache.compressed(stored, "gzip");
    expect(cache.compressions).toEqual({ inline: 1, pooled: 1 });
  });

  it("leaves the identity body when an inline compression fails, as the pool does", async () => {
    const cache = new PageCache();
    const stored = cache.store("k", cache.beginRender(), page("<p>plain</p>", ["story:a"]));
    if (!stored) throw new Error("stored");
    failing.compressNow = true;
    try {
      await cache.compressed(stored, "br", { inline: true });
    } finally {
      failing.compressNow = false;
    }
    expect(stored.br).toBeNull();
    expect(cache.ready(stored, undefined)).toBe(true);
    expect(cache.get("k")).toBe(stored);
  });

  it("does not keep a variant made for an entry dropped meanwhile", async () => {
    const cache = new PageCache();
    const stored = cache.store("k", cache.beginRender(), page("<p>gone</p>", ["story:a"]));
    if (!stored) throw new Error("stored");
    const made = cache.compressed(stored, "br");
    cache.invalidate(["story:a"]);
    await made;
    expect(stored.br).toBeNull();
    expect(cache.bytes).toBe(0);
  });

  it("adopts a page another worker rendered only if no invalidation of its tags came after its render began", () => {
    let clock = 1_000;
    const machineNow = () => clock;
    const offered: string[] = [];
    const cache = new PageCache({ machineNow, onStored: (entry) => offered.push(entry.key) });
    const shared = (key: string, startedAt: number, tags: string[]) => ({
      key,
      startedAt,
      ...page(key, tags),
    });
    // No invalidation yet: any page is as fresh as a render begun here.
    expect(cache.adopt(shared("/a", 990, ["story:a"]))?.identity.toString()).toBe("/a");
    clock = 1_010;
    cache.invalidate(["story:b"]);
    clock = 1_020;
    // Begun before this worker heard of story:b's change: refused.
    expect(cache.adopt(shared("/b", 1_005, ["story:b"]))).toBeUndefined();
    // Begun at the same instant: refused too, the safe side.
    expect(cache.adopt(shared("/b", 1_010, ["story:b"]))).toBeUndefined();
    // Begun after it: read the change, adopted.
    expect(cache.adopt(shared("/b", 1_015, ["story:b"]))).toBeDefined();
    // Another tag's invalidation does not hold back a page without it.
    expect(cache.adopt(shared("/c", 1_005, ["story:c"]))).toBeDefined();
    // Adopted pages are dropped by later invalidations, like rendered ones.
    expect(cache.invalidate(["story:c"])).toBe(1);
    expect(cache.get("/c")).toBeUndefined();
    // A key already held is kept; only pages rendered here are offered on.
    expect(cache.adopt(shared("/a", 1_020, ["story:a"]))).toBeUndefined();
    expect(cache.store("/d", cache.beginRender(), page("d", ["story:d"]))).toBeDefined();
    expect(offered).toEqual(["/d"]);
  });

  it("refuses a shared page begun before the invalidations it has forgotten", () => {
    let clock = 0;
    const cache = new PageCache({ machineNow: () => clock });
    for (let i = 0; i < 5_000; i++) {
      clock = i;
      cache.invalidate([`story:${i}`]);
    }
    const shared = (startedAt: number) => ({ key: "/x", startedAt, ...page("x", ["story:y"]) });
    // Time 100's invalidations are forgotten (the log keeps the latest 4,096): unknown.
    expect(cache.adopt(shared(100.5))).toBeUndefined();
    expect(cache.adopt(shared(4_999.5))).toBeDefined();
  });

  it("invalidates exactly the entries carrying a tag", () => {
    const cache = new PageCache();
    cache.store("story-a", cache.beginRender(), page("a", ["story:a", "list:section:en:world"]));
    cache.store("story-b", cache.beginRender(), page("b", ["story:b"]));
    cache.store("world", cache.beginRender(), page("w", ["list:section:en:world", "story:a"]));
    expect(cache.invalidate(["list:section:en:world"])).toBe(2);
    expect(cache.has("story-a")).toBe(false);
    expect(cache.has("world")).toBe(false);
    expect(cache.has("story-b")).toBe(true);
  });

  it("refuses to store a render that an invalidation overtook", () => {
    const cache = new PageCache();
    const ticket = cache.beginRender();
    cache.invalidate(["story:a"]);
    expect(cache.store("k", ticket, page("stale", ["story:a"]))).toBeUndefined();
    expect(cache.store("k", cache.beginRender(), page("fresh", ["story:a"]))).toBeDefined();
  });

  it("evicts least recently used entries beyond its byte budget and honours expiry", () => {
    let now = 1000;
    const cache = new PageCache({ maxBytes: 2500, now: () => now });
    cache.store("a", cache.beginRender(), page("x".repeat(400), ["t"]));
    cache.store("b", cache.beginRender(), page("y".repeat(400), ["t"]));
    cache.get("a");
    cache.store("c", cache.beginRender(), page("z".repeat(400), ["t"]));
    expect(cache.has("a")).toBe(true);
    expect(cache.has("b")).toBe(false);
    expect(cache.evictions).toBe(1);
    cache.store("d", cache.beginRender(), { ...page("d", ["t"]), expiresAt: 2000 });
    now = 2000;
    expect(cache.get("d")).toBeUndefined();
  });

  it("keys on the path and the text-size preference only", () => {
    expect(cacheKeyFor("/english/", undefined)).toBe("md /english/");
    expect(cacheKeyFor("/english/", "a=1; nd_ts=lg; nd_session=secret")).toBe("lg /english/");
    expect(cacheKeyFor("/english/", "nd_ts=huge")).toBe("md /english/");
  });

  it("keeps only the query parameters a page may read, in one order", () => {
    expect(cacheKeyFor("/english/world?page=2", undefined)).toBe("md /english/world?page=2");
    expect(cacheKeyFor("/english/world?x=1&page=2&utm_source=a", undefined)).toBe(
      "md /english/world?page=2",
    );
    expect(cacheKeyFor("/english/feeds/rss.xml?page=2&content=full", undefined)).toBe(
      "md /english/feeds/rss.xml?content=full&page=2",
    );
    expect(cacheKeyFor("/english/?", undefined)).toBe("md /english/");
    expect(cacheKeyFor("/english/?x=1", undefined)).toBe("md /english/");
    expect(cacheKeyFor("/english/?page=a%20b", undefined)).toBe("md /english/?page=a+b");
  });

  it("normalizes the path the way the URL parser does, whatever the caller passed", () => {
    expect(cacheKeyFor("/english/./world", undefined)).toBe("md /english/world");
    expect(cacheKeyFor("/english/x/../world", undefined)).toBe("md /english/world");
    expect(cacheKeyFor("//evil.example/english/", undefined)).toBe("md //evil.example/english/");
    expect(cacheKeyFor("/فارسی", undefined)).toBe("md /%D9%81%D8%A7%D8%B1%D8%B3%DB%8C");
    expect(cacheKeyFor("/english/world.v2/a~b", undefined)).toBe("md /english/world.v2/a~b");
  });

  describe("remembered values", () => {
    const load = (value: string, expiresAt = Number.POSITIVE_INFINITY) => {
      const calls = { count: 0 };
      return {
        calls,
        fn: async () => {
          calls.count++;
          return { value, expiresAt };
        },
      };
    };

    it("are read once, then served until a tag they carry is invalidated", async () => {
      const cache = new PageCache();
      const chrome = load("sections v1");
      const options = { tags: ["chrome:en", "banner:en"], now: 0 };
      expect(await cache.remember("chrome en", options, chrome.fn)).toBe("sections v1");
      expect(await cache.remember("chrome en", options, chrome.fn)).toBe("sections v1");
      expect(chrome.calls.count).toBe(1);
      cache.invalidate(["banner:fa"]);
      await cache.remember("chrome en", options, chrome.fn);
      expect(chrome.calls.count).toBe(1);
      cache.invalidate(["banner:en"]);
      await cache.remember("chrome en", options, chrome.fn);
      expect(chrome.calls.count).toBe(2);
      cache.clear();
      await cache.remember("chrome en", options, chrome.fn);
      expect(chrome.calls.count).toBe(3);
    });

    it("are read again once their expiry is reached on the caller's clock", async () => {
      const cache = new PageCache();
      const banner = load("banner until 1000", 1000);
      await cache.remember("chrome en", { tags: ["banner:en"], now: 0 }, banner.fn);
      await cache.remember("chrome en", { tags: ["banner:en"], now: 999 }, banner.fn);
      expect(banner.calls.count).toBe(1);
      await cache.remember("chrome en", { tags: ["banner:en"], now: 1000 }, banner.fn);
      expect(banner.calls.count).toBe(2);
    });

    it("are not kept when an invalidation overtook the read", async () => {
      const cache = new PageCache();
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const slow = cache.remember("chrome en", { tags: ["chrome:en"], now: 0 }, async () => {
        await gate;
        return { value: "read before the rename", expiresAt: Number.POSITIVE_INFINITY };
      });
      cache.invalidate(["chrome:en"]);
      release();
      expect(await slow).toBe("read before the rename");
      const fresh = load("read after the rename");
      expect(await cache.remember("chrome en", { tags: ["chrome:en"], now: 0 }, fresh.fn)).toBe(
        "read after the rename",
      );
      expect(fresh.calls.count).toBe(1);
    });

    it("are neither pages nor counted as dropped pages", async () => {
      const cache = new PageCache();
      await cache.remember("chrome en", { tags: ["chrome:en"], now: 0 }, load("x").fn);
      expect(cache.size).toBe(0);
      expect(cache.has("chrome en")).toBe(false);
      cache.store("/english", cache.beginRender(), page("home", ["chrome:en"]));
      expect(cache.invalidate(["chrome:en"])).toBe(1);
    });
  });
});
