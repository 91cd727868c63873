import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeyFor } from "../../src/cache/page-cache.js";
import { type RunningServer, startServer } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

// RFC 9211 Cache-Status on reader responses: what the page cache did, for operators and CDNs.
describe("Cache-Status", () => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let server: RunningServer;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite", { env: { PORT: "0", HOST: "127.0.0.1" } });
    server = await startServer(newsdesk);
  });
  afterAll(async () => {
    await server?.stop();
    await newsdesk?.dispose();
  });

  it("says miss and stored on the first request, then hit with the entry's age", async () => {
    newsdesk.pageCache.clear();
    const first = await newsdesk.app.request("/english/");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-status")).toBe("Newsdesk; fwd=uri-miss; stored");
    const second = await newsdesk.app.request("/english/");
    expect(second.headers.get("cache-status")).toMatch(
      /^Newsdesk; hit(; ttl=\d+)?; detail="age=\d+"$/,
    );
    // The socket-level fast path answers hits the same way.
    const overHttp = await fetch(`http://127.0.0.1:${server.port}/english/`);
    expect(overHttp.headers.get("cache-status")).toMatch(
      /^Newsdesk; hit(; ttl=\d+)?; detail="age=\d+"$/,
    );
    // A conditional hit says so too.
    const etag = overHttp.headers.get("etag") ?? "";
    const notModified = await fetch(`http://127.0.0.1:${server.port}/english/`, {
      headers: { "If-None-Match": etag },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("cache-status")).toMatch(/^Newsdesk; hit/);
  });

  // Readers on expensive connections, and the CDN that keeps the first answer for a minute,
  // must get the page compressed from the very first request after an update, not only once
  // the stored variants are ready.
  it("sends the storing miss compressed as the reader asked, with the hits' ETag", async () => {
    for (const [accept, encoding] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
    ] as const) {
      newsdesk.pageCache.clear();
      const miss = await fetch(`http://127.0.0.1:${server.port}/english/`, {
        headers: { "Accept-Encoding": accept },
      });
      expect(miss.headers.get("cache-status")).toBe("Newsdesk; fwd=uri-miss; stored");
      expect(miss.headers.get("content-encoding")).toBe(encoding);
      const page = await miss.text();
      expect(page).toContain('<html lang="en"');
      const hit = await fetch(`http://127.0.0.1:${server.port}/english/`, {
        headers: { "Accept-Encoding": accept },
      });
      expect(hit.headers.get("cache-status")).toMatch(/^Newsdesk; hit/);
      expect(hit.headers.get("content-encoding")).toBe(encoding);
      expect(hit.headers.get("etag")).toBe(miss.headers.get("etag"));
      expect(await hit.text()).toBe(page);
    }
  });

  // Each encoding is made when a reader first asks for it: a page stored for a CDN that takes
  // gzip alone is sent in brotli to the first browser that takes it, and only then made.
  it("makes an encoding nobody asked for yet for the first reader who accepts it", async () => {
    newsdesk.pageCache.clear();
    const url = `http://127.0.0.1:${server.port}/english/`;
    const miss = await fetch(url, { headers: { "Accept-Encoding": "gzip" } });
    expect(miss.headers.get("content-encoding")).toBe("gzip");
    const page = await miss.text();
    await newsdesk.pageCache.settle();
    const stored = newsdesk.pageCache.get(cacheKeyFor("/english/", undefined));
    expect(stored?.gzip).not.toBeNull();
    expect(stored?.br).toBeNull();
    for (const round of ["first brotli reader", "later brotli reader"]) {
      const hit = await fetch(url, { headers: { "Accept-Encoding": "br" } });
      expect(hit.headers.get("cache-status"), round).toMatch(/^Newsdesk; hit/);
      expect(hit.headers.get("content-encoding"), round).toBe("br");
      expect(hit.headers.get("etag"), round).toBe(miss.headers.get("etag"));
      expect(await hit.text(), round).toBe(page);
    }
  });

  // Save-Data readers get their own variant (episode pages put the low bitrates first): the
  // socket fast path must key on it as the app does, or it serves them the other copy.
  // One miss alone compresses on the event loop (cheaper than the thread pool's round trip for
  // a reader who waits); misses rendering side by side keep using the thread pool, so a
  // crowd of them spreads the compression over the cores.
  it("compresses a lone miss inline and concurrent misses in the thread pool", async () => {
    const br = { headers: { "Accept-Encoding": "br" } };
    newsdesk.pageCache.clear();
    const before = { ...newsdesk.pageCache.compressions };
    const lone = await newsdesk.app.request("/english/", br);
    expect(lone.headers.get("content-encoding")).toBe("br");
    expect(newsdesk.pageCache.compressions).toEqual({
      inline: before.inline + 1,
      pooled: before.pooled,
    });
    newsdesk.pageCache.clear();
    const together = await Promise.all(
      ["/english/", "/russian/", "/persian/"].map((path) => newsdesk.app.request(path, br)),
    );
    for (const res of together) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe("br");
    }
    const { inline, pooled } = newsdesk.pageCache.compressions;
    expect(inline + pooled).toBe(before.inline + before.pooled + 4);
    expect(pooled).toBeGreaterThan(before.pooled);
  });

  it("keeps Save-Data pages apart on the socket fast path too", async () => {
    newsdesk.pageCache.clear();
    const plain = await fetch(`http://127.0.0.1:${server.port}/english/`);
    expect(plain.headers.get("cache-status")).toBe("Newsdesk; fwd=uri-miss; stored");
    const saving = await fetch(`http://127.0.0.1:${server.port}/english/`, {
      headers: { "Save-Data": "on" },
    });
    expect(saving.headers.get("cache-status")).toBe("Newsdesk; fwd=uri-miss; stored");
    const again = await fetch(`http://127.0.0.1:${server.port}/english/`, {
      headers: { "Save-Data": "on" },
    });
    expect(again.headers.get("cache-status")).toMatch(/^Newsdesk; hit/);
  });

  it("is absent from newsroom responses, which the page cache never handles", async () => {
    const response = await newsdesk.app.request("/newsroom/api/session");
    expect(response.headers.get("cache-status")).toBeNull();
  });
});
