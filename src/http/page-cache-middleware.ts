import type { Context, MiddlewareHandler } from "hono";
import type { PageCache } from "../cache/page-cache.js";
import { cacheKeyFor, canonicalQuery, splitTarget } from "../cache/page-cache.js";
import { cachedReply, cacheStatusName } from "./cached-response.js";
import { bytesResponse, responseBytes } from "./page-bytes.js";
import type { SecurityHeaderOptions } from "./security-headers.js";

/** Set by a handler: when (epoch ms) the response must stop being served from cache. */
export const cacheExpiresHeader = "X-Newsdesk-Cache-Expires";

/**
 * Set by a handler (through `declareCacheQuery`): the query parameters its page read, with
 * the values it understood, in canonical form. Absent means it read none.
 */
const cacheQueryHeader = "X-Newsdesk-Cache-Query";

/** Headers only the middleware reads; never sent. */
const internalHeaders = [cacheExpiresHeader, cacheQueryHeader];

/**
 * Declares which query parameters a cacheable page read and how it understood them
 * (`{ page: 2 }`). Only parameters present in the request count: a default is not a
 * parameter. The page is stored only when the request's whole query is exactly this, so a
 * page rendered for `?page=02` or `?x=…` (which may echo the address, as the text-size form
 * does) never becomes the copy everyone else is served.
 */
export function declareCacheQuery(c: Context, read: Readonly<Record<string, string | number>>) {
  const present = Object.entries(read).filter(([name]) => c.req.query(name) !== undefined);
  c.header(cacheQueryHeader, canonicalQuery(present.map(([name, value]) => [name, String(value)])));
}

/** Freshness headers of a response, one per audience. */
export interface CacheHeaders {
  /** For every cache, browsers included. */
  readonly cacheControl: string;
  /** For the CDN alone: Fastly, Varnish and Akamai read it and strip it before the browser. */
  readonly surrogateControl?: string;
}

/**
 * Public responses, split by audience. Browsers get `max-age=0, must-revalidate` (RFC 9111
 * §5.2.2.2, §5.2.2.10): every navigation revalidates with the ETag, a 304 when nothing
 * changed, so an update or a kill reaches a reader who opened the page before it at once.
 * Shared caches keep it for `s-maxage` (§5.2.2.10) and are purged by Surrogate-Key.
 * stale-while-revalidate and stale-if-error (RFC 5861) go only to the CDN, in
 * Surrogate-Control: in Cache-Control they would let browsers show the old copy too.
 */
export function sharedCacheHeaders(cdnSeconds: number): Required<CacheHeaders> {
  return {
    cacheControl: `public, max-age=0, must-revalidate, s-maxage=${cdnSeconds}`,
    surrogateControl: `max-age=${cdnSeconds}, stale-while-revalidate=300, stale-if-error=86400`,
  };
}

/** Reader pages, feeds and sitemaps: a minute at the CDN, revalidated by every browser. */
export const pageCacheHeaders = sharedCacheHeaders(60);

/**
 * Pages no cache keeps a copy of without asking (uncached searches, 400s, 404s): a browser
 * or CDN may store them but must revalidate first (RFC 9111 §5.2.2.4).
 */
export const revalidateAlways: CacheHeaders = { cacheControl: "no-cache" };

export function setCacheHeaders(c: Context, headers: CacheHeaders): void {
  c.header("Cache-Control", headers.cacheControl);
  if (headers.surrogateControl) c.header("Surrogate-Control", headers.surrogateControl);
}

/**
 * Serves GET responses from the page cache and fills it. Only responses a handler marked
 * with `Surrogate-Key` (its dependency tags) are stored, so nothing personal is cached by
 * accident; the newsroom never sets it.
 */

export function pageCacheMiddleware(
  cache: PageCache,
  security: SecurityHeaderOptions = {},
): MiddlewareHandler {
  /** Misses rendering now: a lone one compresses its page inline (PageCache.compressed). */
  let rendering = 0;
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const url = new URL(c.req.url);
    const saveData = c.req.header("save-data");
    const key = cacheKeyFor(url.pathname + url.search, c.req.header("cookie"), saveData);
    const hit = cache.get(key);
    const reply = (entry: NonNullable<typeof hit>, status?: string) => {
      const out = cachedReply(
        entry,
        {
          ifNoneMatch: c.req.header("if-none-match"),
          ifModifiedSince: c.req.header("if-modified-since"),
          acceptEncoding: c.req.header("accept-encoding"),
          method: c.req.method,
        },
        security,
      );
      return bytesResponse(out.body, {
        status: out.status,
        headers: { ...out.headers, "Cache-Status": status ?? out.cacheStatus },
      });
    };
    if (hit) {
      // The encoding this reader accepts may not be made yet (each is made when first asked
      // for): it waits for it, as the reader who stored the page did.
      await cache.compressed(hit, c.req.header("accept-encoding"));
      return reply(hit);
    }
    const ticket = cache.beginRender();
    rendering++;
    try {
      await next();
    } finally {
      rendering--;
    }
    const tags = c.res.headers.get("Surrogate-Key");
    const declared = c.res.headers.get(cacheQueryHeader) ?? "";
    const query = canonicalQuery(splitTarget(url.pathname + url.search).query);
    // Only whole representations are stored: never a 304 or a redirect, and never a 404,
    // whose addresses anyone can invent by the million to push real pages out of the cache
    // (a 410 stands at a real, killed story's address). Only a request whose query is exactly
    // what the page declared it read (so the key, which keeps only the parameters some page
    // reads, names this page and nothing else).
    if (
      !tags ||
      c.req.method !== "GET" ||
      ![200, 410].includes(c.res.status) ||
      query !== declared ||
      key !==
        cacheKeyFor(
          url.pathname + (declared ? `?${declared}` : ""),
          c.req.header("cookie"),
          saveData,
        )
    ) {
      if (internalHeaders.some((name) => c.res.headers.has(name))) {
        const sent = c.res;
        const headers = new Headers(sent.headers);
        for (const name of internalHeaders) headers.delete(name);
        // Hono merges the old response's headers into a replacement: drop it first.
        c.res = undefined as unknown as Response;
        c.res = new Response(sent.body, { status: sent.status, headers });
      }
      return;
    }
    const expires = Number(c.res.headers.get(cacheExpiresHeader) ?? Number.POSITIVE_INFINITY);
    const body = await responseBytes(c.res);
    const stored = cache.store(key, ticket, {
      status: c.res.status,
      contentType: c.res.headers.get("Content-Type") ?? "text/html; charset=utf-8",
      cacheControl: c.res.headers.get("Cache-Control") ?? pageCacheHeaders.cacheControl,
      surrogateControl: c.res.headers.get("Surrogate-Control") ?? undefined,
      body,
      tags: tags.split(" ").filter(Boolean),
      ...(c.res.headers.get("Last-Modified")
        ? { lastModified: c.res.headers.get("Last-Modified") ?? "" }
        : {}),
      expiresAt: Number.isFinite(expires) ? expires : Number.POSITIVE_INFINITY,
    });
    if (stored) {
      // The reader gets the page in the encoding every later hit will have (page-cache.ts).
      await cache.compressed(stored, c.req.header("accept-encoding"), { inline: rendering === 0 });
      // Hono merges the old response's headers into a replacement; the cached reply must
      // stand alone (its ETag, length and encoding), so drop the old one first.
      c.res = undefined as unknown as Response;
      c.res = reply(stored, `${cacheStatusName}; fwd=uri-miss; stored`);
      return;
    }
    // Overtaken by an invalidation while rendering: send it, but uncached.
    const sent = c.res;
    const headers = new Headers(sent.headers);
    for (const name of internalHeaders) headers.delete(name);
    headers.set("Cache-Status", `${cacheStatusName}; fwd=uri-miss`);
    c.res = undefined as unknown as Response;
    c.res = new Response(new Uint8Array(body), { status: sent.status, headers });
  };
}
