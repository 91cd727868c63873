import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PageCache } from "../cache/page-cache.js";
import { cachedReply } from "./cached-response.js";

describe("replies from the page cache", () => {
  const html = "<main>" + "<p>Convoys wait at the border.</p>".repeat(50) + "</main>";
  const store = () => {
    const cache = new PageCache();
    const entry = cache.store("k", cache.beginRender(), {
      status: 200,
      contentType: "text/html; charset=utf-8",
      cacheControl: "public, max-age=60",
      body: Buffer.from(html),
      tags: ["story:a", "banner:en"],
      lastModified: "Tue, 24 Nov 2026 10:00:00 GMT",
    });
    if (!entry) throw new Error("not stored");
    return { cache, entry };
  };
  const request = { ifNoneMatch: undefined, acceptEncoding: "gzip, deflate, br", method: "GET" };

  it("serves identity until the compressed variants exist, then brotli", async () => {
    const { cache, entry } = store();
    const first = cachedReply(entry, request);
    expect(first.headers["Content-Encoding"]).toBeUndefined();
    expect(first.body?.toString()).toBe(html);
    await cache.compressed(entry, request.acceptEncoding);
    const later = cachedReply(entry, request);
    expect(later.headers["Content-Encoding"]).toBe("br");
    expect(later.headers["Content-Length"]).toBe(String(later.body?.length));
    expect(brotliDecompressSync(later.body ?? Buffer.alloc(0)).toString()).toBe(html);
    expect(later.headers["Surrogate-Key"]).toBe("story:a banner:en");
    expect(later.headers["Content-Security-Policy"]).toContain("script-src 'sha256-");
  });

  it("answers 304 to a matching ETag or an unchanged date", async () => {
    const { entry } = store();
    expect(cachedReply(entry, { ...request, ifNoneMatch: `W/${entry.etag}` }).status).toBe(304);
    expect(cachedReply(entry, { ...request, ifNoneMatch: '"other"' }).status).toBe(200);
    const since = { ...request, ifModifiedSince: "Tue, 24 Nov 2026 10:00:00 GMT" };
    expect(cachedReply(entry, since).status).toBe(304);
    expect(
      cachedReply(entry, { ...since, ifModifiedSince: "Mon, 23 Nov 2026 10:00:00 GMT" }).status,
    ).toBe(200);
    expect(cachedReply(entry, { ...request, method: "HEAD" }).body).toBeNull();
  });

  it("answers 304 to If-None-Match: * (RFC 9110 §13.1.2: the page exists)", () => {
    const { entry } = store();
    const reply = cachedReply(entry, { ...request, ifNoneMatch: "*" });
    expect(reply.status).toBe(304);
    expect(reply.body).toBeNull();
  });

  it("never answers 304 for a cached 404 or 410 (RFC 9110 §13.2.1)", () => {
    const cache = new PageCache();
    const gone = cache.store("gone", cache.beginRender(), {
      status: 410,
      contentType: "text/html; charset=utf-8",
      cacheControl: "public, max-age=60",
      body: Buffer.from("<p>Withdrawn.</p>"),
      tags: ["story:b"],
      lastModified: "Tue, 24 Nov 2026 10:00:00 GMT",
    });
    if (!gone) throw new Error("not stored");
    for (const ifNoneMatch of [gone.etag, "*"]) {
      expect(cachedReply(gone, { ...request, ifNoneMatch }).status, ifNoneMatch).toBe(410);
    }
    const since = { ...request, ifModifiedSince: "Tue, 24 Nov 2026 10:00:00 GMT" };
    expect(cachedReply(gone, since).status).toBe(410);
  });
});
