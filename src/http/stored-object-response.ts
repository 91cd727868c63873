import { createHash } from "node:crypto";
import type { MediaObjectStore } from "../domain/media/media-object-store.js";
import { noneMatch, rangeStillApplies, requestedRange, streamOf } from "./byte-ranges.js";

/**
 * Serves one media-store object by its key (clip renditions, HLS playlists and segments,
 * posters) with the same rules as image renditions (src/http/media-routes.ts, whose range
 * helpers it shares): conditional GET (RFC 9110 §13.1.2), one byte range (§14: 206, or 416
 * with `Content-Range: bytes *\/size`), `If-Range`, immutable caching because a key never
 * changes its bytes, and a redirect when the store has a public base URL.
 * Undefined when the store has no such object.
 */
export async function storedObjectResponse(
  request: Request,
  store: MediaObjectStore,
  key: string,
): Promise<Response | undefined> {
  const meta = await store.head(key);
  if (!meta) return undefined;
  const redirect = store.publicUrl(key);
  if (redirect) return new Response(null, { status: 302, headers: { Location: redirect } });
  // Keys are immutable (MediaObjectStore.put), so the key and length identify the bytes.
  const etag = `"${createHash("sha256").update(`${key}\n${meta.bytes}`).digest("base64url").slice(0, 27)}"`;
  const common = {
    ETag: etag,
    "Cache-Control": "public, max-age=31536000, immutable",
    "Accept-Ranges": "bytes",
  };
  const header = (name: string) => request.headers.get(name) ?? undefined;
  if (noneMatch(header("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: common });
  }
  const range = rangeStillApplies(header("if-range"), etag)
    ? requestedRange(header("range"), meta.bytes)
    : undefined;
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...common, "Content-Range": `bytes */${meta.bytes}` },
    });
  }
  const headers: Record<string, string> = {
    ...common,
    "Content-Type": meta.contentType,
    "Content-Length": String(range ? range.last - range.first + 1 : meta.bytes),
    ...(range ? { "Content-Range": `bytes ${range.first}-${range.last}/${meta.bytes}` } : {}),
  };
  const status = range ? 206 : 200;
  if (request.method === "HEAD") return new Response(null, { status, headers });
  const object = await store.get(key, range);
  if (!object) return undefined;
  return new Response(streamOf(object.body), { status, headers });
}
