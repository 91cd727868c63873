import type { ByteRange } from "../domain/media/media-object-store.js";

/**
 * The one byte range a `Range` header asks for (RFC 9110 §14.1.2): `bytes=first-last`,
 * `bytes=first-` or `bytes=-suffixLength`, clamped to the representation's size.
 * - `undefined`: no usable range; serve the whole representation (a header we do not
 *   understand, or several ranges, which §14.2 lets a server ignore).
 * - `"unsatisfiable"`: answer 416 with `Content-Range: bytes * /size` (§15.5.17).
 */
export function requestedRange(
  header: string | undefined,
  size: number,
): ByteRange | "unsatisfiable" | undefined {
  if (header === undefined || header.length > 200) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined;
  const [, firstText = "", lastText = ""] = match;
  if (firstText === "" && lastText === "") return undefined;
  if (firstText === "") {
    // A suffix: the last N bytes (§14.1.3); "-0" asks for nothing.
    const suffix = Number(lastText);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { first: Math.max(0, size - suffix), last: size - 1 };
  }
  const first = Number(firstText);
  const last = lastText === "" ? size - 1 : Math.min(Number(lastText), size - 1);
  if (!Number.isSafeInteger(first) || (lastText !== "" && Number(lastText) < first)) {
    return undefined; // an invalid range-spec: ignore the header (§14.1.1)
  }
  if (first >= size) return "unsatisfiable";
  return { first, last };
}

/**
 * Whether an `If-None-Match` list matches the current strong entity tag (weak comparison,
 * RFC 9110 §13.1.2): then a GET answers 304.
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .includes(etag);
}

/** `If-Range` (§13.1.5): the range applies only while the representation is unchanged. */
export function rangeStillApplies(header: string | undefined, etag: string): boolean {
  return header === undefined || header.trim() === etag;
}

/**
 * A stream of chunks as a web ReadableStream that stops its source when the client goes.
 * Nothing is read before the client reads (high-water mark 0): a response nobody reads
 * opens no file and holds no store connection.
 */
export function streamOf(body: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = body[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
