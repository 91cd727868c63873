import type { MiddlewareHandler } from "hono";
import { compressAs, preferredCoding } from "../cache/content-coding.js";
import { responseBytes } from "./page-bytes.js";

/**
 * Compresses HTML the page cache does not hold: not-found pages (never cached, their
 * addresses being anyone's to invent), bad-request pages, and the first render of a page
 * whose stored variants are still being made. Cached replies carry an ETag and their own
 * brotli and gzip bodies (src/cache/page-cache.ts), so they pass through untouched.
 * The encoding is chosen from Accept-Encoding and compressed as the page cache does
 * (content-coding.ts).
 */
export function compressHtml(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (
      c.req.method !== "GET" ||
      !res.body ||
      !(res.headers.get("Content-Type") ?? "").startsWith("text/html") ||
      res.headers.has("Content-Encoding") ||
      res.headers.has("ETag")
    ) {
      return;
    }
    const encoding = preferredCoding(c.req.header("accept-encoding"));
    if (!encoding) return;
    const body = await compressAs(await responseBytes(res), encoding);
    const headers = new Headers(res.headers);
    headers.set("Content-Encoding", encoding);
    headers.set("Content-Length", String(body.length));
    headers.set("Vary", "Cookie, Accept-Encoding, Save-Data");
    // Hono merges the old response's headers into a replacement: drop it first.
    c.res = undefined as unknown as Response;
    c.res = new Response(new Uint8Array(body), { status: res.status, headers });
  };
}
