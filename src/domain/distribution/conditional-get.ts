import { createHash } from "node:crypto";

/** A strong entity tag over the exact bytes sent (RFC 9110 §8.8.3). */
export function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** HTTP-date (RFC 9110 §5.6.7), whole seconds. */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins when present; If-Modified-Since is consulted only
 * without it. Dates have one-second resolution, so compare whole seconds.
 */
export function isNotModified(
  request: {
    readonly ifNoneMatch: string | undefined;
    readonly ifModifiedSince: string | undefined;
  },
  etag: string,
  lastModified: string | undefined,
): boolean {
  if (request.ifNoneMatch !== undefined) {
    const candidates = request.ifNoneMatch.split(",").map((t) => t.trim().replace(/^W\//, ""));
    return candidates.includes("*") || candidates.includes(etag);
  }
  if (request.ifModifiedSince !== undefined && lastModified !== undefined) {
    const since = Date.parse(request.ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(since / 1000);
  }
  return false;
}
