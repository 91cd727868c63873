import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ByteRange, MediaObjectStore } from "../domain/media/media-object-store.js";
import { isNotModified } from "./conditional-get.js";

/**
 * Serves one media-store object to readers, the one code path for every stored file
 * (clip renditions, HLS playlists and segments, posters): conditional GET (RFC 9110 §13),
 * a single byte range (RFC 9110 §14: 206, or 416 with `Content-Range: bytes *\/size`),
 * `If-Range`, and immutable caching, because an object's key never changes its bytes.
 * Multiple ranges are answered with the whole object (§14.2 lets a server ignore Range).
 */
export async function storedObjectResponse(
  request: Request,
  store: MediaObjectStore,
  key: string,
): Promise<Response | undefined> {
  const redirect = store.publicUrl(key);
  if (redirect) return new Response(null, { status: 302, headers: { Location: redirect } });
  const meta = await store.head(key);
  if (!meta) return undefined;
  // Keys are immutable (MediaObjectStore.put), so the key and length identify the bytes.
  const etag = `"${createHash("sha256").update(`${key}\n${meta.bytes}`).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = {
    "Content-Type": meta.contentType,
    "Cache-Control": "public, max-age=31536000, immutable",
    "Accept-Ranges": "bytes",
    ETag: etag,
  };
  if (
    isNotModified(
      { method: request.method, ifNoneMatch: request.headers.get("if-none-match") ?? undefined },
      { status: 200, etag, lastModified: undefined },
    )
  ) {
    return new Response(null, { status: 304, headers });
  }
  const rangeHeader = request.headers.get("range");
  const ifRange = request.headers.get("if-range");
  // §13.1.5: a Range with an If-Range that does not match the current tag gets the whole.
  const range =
    rangeHeader !== null && (ifRange === null || ifRange === etag)
      ? parseRange(rangeHeader, meta.bytes)
      : undefined;
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Range": `bytes */${meta.bytes}` },
    });
  }
  const head = request.method === "HEAD";
  const object = head ? undefined : await store.get(key, range);
  if (!head && !object) return undefined;
  const body = object
    ? (Readable.toWeb(Readable.from(object.body)) as ReadableStream<Uint8Array>)
    : null;
  if (range) {
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        "Content-Range": `bytes ${range.first}-${range.last}/${meta.bytes}`,
        "Content-Length": String(range.last - range.first + 1),
      },
    });
  }
  return new Response(body, {
    status: 200,
    headers: { ...headers, "Content-Length": String(meta.bytes) },
  });
}

/**
 * One `bytes=` range of RFC 9110 §14.1.2, clamped to the object; undefined when the header
 * is not one range we serve (then the whole object goes out), "unsatisfiable" for 416.
 */
export function parseRange(header: string, size: number): ByteRange | "unsatisfiable" | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, firstText = "", lastText = ""] = match;
  if (firstText === "" && lastText === "") return undefined;
  if (firstText === "") {
    // A suffix: the last N bytes.
    const suffix = Number(lastText);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { first: Math.max(0, size - suffix), last: size - 1 };
  }
  const first = Number(firstText);
  const last = lastText === "" ? size - 1 : Math.min(Number(lastText), size - 1);
  if (lastText !== "" && Number(lastText) < first) return undefined;
  if (first >= size) return "unsatisfiable";
  return { first, last };
}
