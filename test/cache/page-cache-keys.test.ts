import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeyFor } from "../../src/cache/page-cache.js";
import { securityHeaderOptions } from "../../src/http/security-headers.js";
import { createHttpServer, createRequestHandler } from "../../src/http/server.js";
import type { Newsdesk } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/** Every header a browser reads as a security policy; absent ones compare as null. */
const securityHeaderNames = [
  "content-security-policy",
  "content-security-policy-report-only",
  "cross-origin-opener-policy",
  "cross-origin-resource-policy",
  "permissions-policy",
  "referrer-policy",
  "strict-transport-security",
  "x-content-type-options",
  "x-frame-options",
] as const;

function securityHeaders(headers: Headers): Record<string, string | null> {
  return Object.fromEntries(securityHeaderNames.map((name) => [name, headers.get(name)]));
}

const randomToken = () => Math.random().toString(36).slice(2);

/**
 * The page cache above the storage layer (the same on both dialects, so SQLite only, as in
 * invalidation.test.ts): what a request's query string may do to the cache.
 */
describe("page cache keys and headers", () => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let origin: string;
  let close: () => Promise<void>;
  let storyPath: string;

  beforeAll(async () => {
    // The smallest budget (1 MB): a few dozen pages, so growth would evict quickly.
    newsdesk = await startTestNewsdesk("sqlite", { env: { PAGE_CACHE_MB: "1" } });
    const server = createHttpServer(
      createRequestHandler({
        app: newsdesk.app,
        cache: newsdesk.pageCache,
        live: newsdesk.live,
        security: securityHeaderOptions(newsdesk.config.publicUrl),
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const home = await (await newsdesk.app.request("/english/")).text();
    storyPath = /href="(\/english\/[a-z-]+\/[^"]+-[0-9a-z]{12})"/.exec(home)?.[1] ?? "";
    expect(storyPath).not.toBe("");
  });
  afterAll(async () => {
    await close?.();
    await newsdesk?.dispose();
  });

  it("10k requests with random query parameters neither grow the cache nor evict a hot page", async () => {
    const cache = newsdesk.pageCache;
    cache.clear();
    const hot = ["/english/", "/english/world", storyPath, "/english/feeds/rss.xml"];
    for (const path of hot) expect((await newsdesk.app.request(path)).status).toBe(200);
    const size = cache.size;
    const hits = cache.hits;
    expect(size).toBe(hot.length);
    for (let i = 0; i < 10_000; i++) {
      const path = hot[i % hot.length] ?? "/";
      const separator = path.includes("?") ? "&" : "?";
      const response = await newsdesk.app.request(
        `${path}${separator}x=${randomToken()}&utm_${randomToken()}=1`,
      );
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    expect(cache.size).toBe(size);
    for (const path of hot) expect(cache.has(cacheKeyFor(path, undefined)), path).toBe(true);
    // Every one of them was answered from the cache.
    expect(cache.hits - hits).toBe(10_000);
  });

  it("random addresses that answer 404 neither grow the cache nor evict a hot page", async () => {
    const cache = newsdesk.pageCache;
    cache.clear();
    const hot = ["/english/", storyPath];
    for (const path of hot) expect((await newsdesk.app.request(path)).status).toBe(200);
    const size = cache.size;
    for (let i = 0; i < 2_000; i++) {
      const path = [
        `/english/topics/${randomToken()}`,
        `/english/people/${randomToken()}`,
        `/english/world/${randomToken()}-${randomToken().slice(0, 12).padEnd(12, "0")}`,
        `/english/${randomToken()}`,
      ][i % 4] as string;
      const response = await newsdesk.app.request(path);
      expect(response.status, path).toBe(404);
      // Not stored, and still with every security header a cached page carries.
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).not.toBeNull();
      await response.arrayBuffer();
    }
    expect(cache.size).toBe(size);
    for (const path of hot) expect(cache.has(cacheKeyFor(path, undefined)), path).toBe(true);
  });

  it("a declared parameter with a non-canonical value is not stored", async () => {
    const cache = newsdesk.pageCache;
    cache.clear();
    for (let i = 0; i < 200; i++) {
      const zeros = "0".repeat(i + 1);
      expect((await newsdesk.app.request(`/english/world?page=${zeros}1`)).status).toBe(200);
      expect((await newsdesk.app.request(`/english/world?page=1&page=${i + 2}`)).status).toBe(200);
      // A story page reads no parameter at all.
      expect((await newsdesk.app.request(`${storyPath}?page=${i + 1}`)).status).toBe(200);
    }
    expect(cache.size).toBe(0);
    // The canonical forms are cached, each once.
    await newsdesk.app.request("/english/world?page=1");
    // (A second page would be past the end of the demo's lists: a 404, never stored.)
    await newsdesk.app.request("/english/topics/climate?page=1");
    await newsdesk.app.request("/english/feeds/rss.xml?content=full");
    await newsdesk.app.request("/english/feeds/rss.xml?utm_source=x&content=full");
    expect(cache.size).toBe(3);
  });

  it("pages differ by the parameters they declare", async () => {
    const cache = newsdesk.pageCache;
    cache.clear();
    const summary = await (await newsdesk.app.request("/english/feeds/rss.xml")).text();
    const full = await (await newsdesk.app.request("/english/feeds/rss.xml?content=full")).text();
    expect(full).not.toBe(summary);
    const fullAgain = await (
      await newsdesk.app.request("/english/feeds/rss.xml?x=1&content=full")
    ).text();
    expect(fullAgain).toBe(full);
    expect(await (await newsdesk.app.request("/english/feeds/rss.xml?y=2")).text()).toBe(summary);
  });

  it("never stores a page rendered for a request with parameters the page does not read", async () => {
    const cache = newsdesk.pageCache;
    cache.clear();
    // The text-size form reflects the address it was rendered for: it must not be shared.
    const response = await newsdesk.app.request("/english/world?x=poisoned");
    // The middleware's own headers never leave the server, stored or not.
    expect([...response.headers.keys()].filter((name) => name.startsWith("x-newsdesk"))).toEqual(
      [],
    );
    expect(await response.text()).toContain("x=poisoned");
    expect(cache.size).toBe(0);
    for (const response of [
      await newsdesk.app.request("/english/world"),
      await fetch(`${origin}/english/world?y=1`),
      await fetch(`${origin}/english/world`),
    ]) {
      expect(await response.text()).not.toContain("poisoned");
    }
  });

  it("a cache hit carries exactly the security headers of the miss before it", async () => {
    const cache = newsdesk.pageCache;
    for (const path of [
      "/english/",
      "/english/world",
      storyPath,
      "/english/feeds/rss.xml",
      "/english/feeds/atom.xml",
      "/english/feeds/feed.json",
      "/english/sitemap.xml",
    ]) {
      for (const via of ["app", "socket"] as const) {
        cache.clear();
        const get = (p: string) =>
          via === "app" ? newsdesk.app.request(p) : fetch(`${origin}${p}`);
        const miss = await get(path);
        await miss.arrayBuffer();
        expect(cache.has(cacheKeyFor(path, undefined)), `${path} cached`).toBe(true);
        const hit = await get(path);
        await hit.arrayBuffer();
        const label = `${via} ${path}`;
        expect(securityHeaders(hit.headers), label).toEqual(securityHeaders(miss.headers));
        expect(hit.headers.get("x-content-type-options"), label).toBe("nosniff");
        expect(hit.headers.get("referrer-policy"), label).toBe("strict-origin-when-cross-origin");
        // The test newsroom's public URL is https: HSTS on misses and hits alike (RFC 6797).
        expect(hit.headers.get("strict-transport-security"), label).toBe(
          "max-age=31536000; includeSubDomains",
        );
        // A conditional hit (304) carries them too. A 404 stays a 404: preconditions count
        // only where the answer would be 2xx (RFC 9110 §13.2.1).
        const etag = hit.headers.get("etag") ?? "";
        const revalidated =
          via === "app"
            ? await newsdesk.app.request(path, { headers: { "If-None-Match": etag } })
            : await fetch(`${origin}${path}`, { headers: { "If-None-Match": etag } });
        expect(revalidated.status, label).toBe(miss.status === 200 ? 304 : miss.status);
        expect(securityHeaders(revalidated.headers), label).toEqual(securityHeaders(miss.headers));
      }
    }
  });
});
