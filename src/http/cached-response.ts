import type { IncomingHttpHeaders } from "node:http";
import type { CachedResponse } from "../cache/page-cache.js";
import { readerCsp } from "./security-headers.js";

/**
 * Headers and body for a cached entry, chosen by the request's conditional and encoding
 * headers. Shared by the Node fast path and the Hono middleware so both answer alike.
 */
export function cachedReply(
  entry: CachedResponse,
  request: {
    ifNoneMatch: string | undefined;
    ifModifiedSince?: string | undefined;
    acceptEncoding: string | undefined;
    method: string;
  },
): { status: number; headers: Record<string, string>; body: Buffer | null } {
  const headers: Record<string, string> = {
    "Content-Type": entry.contentType,
    "Cache-Control": entry.cacheControl,
    ETag: entry.etag,
    Vary: "Cookie, Accept-Encoding",
    // CDN purge keys (Fastly: Surrogate-Key, space separated; Cloudflare: Cache-Tag, commas).
    "Surrogate-Key": entry.tags.join(" "),
    "Cache-Tag": entry.tags.join(","),
    "X-Content-Type-Options": "nosniff",
  };
  if (entry.lastModified) headers["Last-Modified"] = entry.lastModified;
  if (entry.contentType.startsWith("text/html")) headers["Content-Security-Policy"] = readerCsp;
  // RFC 9110 §13.1.2: a weak comparison, any listed tag matches.
  if (request.ifNoneMatch?.split(",").some((t) => t.trim().replace(/^W\//, "") === entry.etag)) {
    return { status: 304, headers, body: null };
  }
  // RFC 9110 §13.1.3: If-Modified-Since counts only without If-None-Match.
  if (!request.ifNoneMatch && request.ifModifiedSince && entry.lastModified) {
    const since = Date.parse(request.ifModifiedSince);
    if (!Number.isNaN(since) && Date.parse(entry.lastModified) <= since) {
      return { status: 304, headers, body: null };
    }
  }
  const accepts = request.acceptEncoding ?? "";
  let body = entry.identity;
  if (/\bbr\b/.test(accepts)) {
    headers["Content-Encoding"] = "br";
    body = entry.br;
  } else if (/\bgzip\b/.test(accepts)) {
    headers["Content-Encoding"] = "gzip";
    body = entry.gzip;
  }
  headers["Content-Length"] = String(body.length);
  return { status: entry.status, headers, body: request.method === "HEAD" ? null : body };
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
