import type { IncomingHttpHeaders } from "node:http";
import { preferredCoding } from "../cache/content-coding.js";
import type { CachedResponse } from "../cache/page-cache.js";
import { type ConditionalRequest, isNotModified } from "./conditional-get.js";
import { type SecurityHeaderOptions, securityHeaders } from "./security-headers.js";

type Encoding = "br" | "gzip" | "identity";

/**
 * The header set of a cached entry per encoding, built once and reused for every hit: on
 * the fast path the per-request work is choosing a buffer, not building headers.
 */
const headerCache = new WeakMap<CachedResponse, Map<string, Record<string, string>>>();

function headersFor(
  entry: CachedResponse,
  encoding: Encoding | "304",
  length: number,
  security: SecurityHeaderOptions,
): Record<string, string> {
  let perEntry = headerCache.get(entry);
  if (!perEntry) {
    perEntry = new Map();
    headerCache.set(entry, perEntry);
  }
  // The brotli body is upgraded in the background; the length keys the header set too.
  const key = `${encoding}:${length}`;
  let headers = perEntry.get(key);
  if (!headers) {
    headers = {
      "Content-Type": entry.contentType,
      "Cache-Control": entry.cacheControl,
      ETag: entry.etag,
      Vary: "Cookie, Accept-Encoding, Save-Data",
      // CDN purge keys (Fastly: Surrogate-Key, space separated; Cloudflare: Cache-Tag, commas).
      "Surrogate-Key": entry.tags.join(" "),
      "Cache-Tag": entry.tags.join(","),
      // Exactly what the app adds to a fresh render (security-headers.ts).
      ...securityHeaders(entry.contentType, security),
    };
    if (entry.surrogateControl) headers["Surrogate-Control"] = entry.surrogateControl;
    if (entry.lastModified) headers["Last-Modified"] = entry.lastModified;
    if (encoding === "br" || encoding === "gzip") headers["Content-Encoding"] = encoding;
    if (encoding !== "304") headers["Content-Length"] = String(length);
    perEntry.set(key, headers);
  }
  return headers;
}

/**
 * Headers and body for a cached entry, chosen by the request's conditional and encoding
 * headers. Shared by the Node fast path and the Hono middleware so both answer alike.
 * The returned headers object is shared between requests: callers must not modify it.
 */
export function cachedReply(
  entry: CachedResponse,
  request: ConditionalRequest & { readonly acceptEncoding: string | undefined },
  /** The deployment's security header options (HSTS), the same the app sets on a miss. */
  security: SecurityHeaderOptions = {},
  now = Date.now(),
): {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: Buffer | null;
  /** The hit's Cache-Status value; apart from `headers`, which are shared between hits. */
  cacheStatus: string;
} {
  const cacheStatus = hitStatus(entry, now);
  if (isNotModified(request, entry)) {
    return { status: 304, headers: headersFor(entry, "304", 0, security), body: null, cacheStatus };
  }
  // The coding the reader prefers, once made (the app waits for it: PageCache.compressed).
  const wanted = preferredCoding(request.acceptEncoding);
  const compressed = wanted ? entry[wanted] : null;
  const encoding: Encoding = compressed && wanted ? wanted : "identity";
  const body = compressed ?? entry.identity;
  return {
    status: entry.status,
    headers: headersFor(entry, encoding, body.length, security),
    body: request.method === "HEAD" ? null : body,
    cacheStatus,
  };
}

/**
 * RFC 9211 Cache-Status for a hit from the page cache: `ttl` when the entry has an expiry
 * (a banner's end), and its age in `detail`. Not the Age header (RFC 9111 §5.1): entries
 * live until an invalidation, and an Age beyond s-maxage would make the CDN treat every
 * page it fetched from a long-lived entry as already stale.
 */
function hitStatus(entry: CachedResponse, now: number): string {
  const age = Math.max(0, Math.floor((now - entry.storedAt) / 1000));
  const ttl = Number.isFinite(entry.expiresAt)
    ? `; ttl=${Math.max(0, Math.floor((entry.expiresAt - now) / 1000))}`
    : "";
  return `${cacheStatusName}; hit${ttl}; detail="age=${age}"`;
}

/** This cache's name in Cache-Status, before any CDN's entry (RFC 9211 §2). */
export const cacheStatusName = "Newsdesk";

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
