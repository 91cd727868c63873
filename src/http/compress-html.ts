import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { responseBytes } from "./page-bytes.js";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses HTML the page cache does not hold: not-found pages (never cached, their
 * addresses being anyone's to invent), bad-request pages, and the first render of a page
 * whose stored variants are still being made. Cached replies carry an ETag and their own
 * brotli and gzip bodies (src/cache/page-cache.ts), so they pass through untouched.
 * The encoding is chosen from Accept-Encoding (RFC 9110 §12.5.3); brotli runs at a
 * request-path quality, gzip at the page cache's level.
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
    const accepts = c.req.header("accept-encoding") ?? "";
    const encoding = /\bbr\b/u.test(accepts) ? "br" : /\bgzip\b/u.test(accepts) ? "gzip" : null;
    if (!encoding) return;
    const identity = await responseBytes(res);
    const body =
      encoding === "br"
        ? await brotliAsync(identity, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
            },
          })
        : await gzipAsync(identity, { level: 6 });
    const headers = new Headers(res.headers);
    headers.set("Content-Encoding", encoding);
    headers.set("Content-Length", String(body.length));
    headers.set("Vary", "Cookie, Accept-Encoding, Save-Data");
    // Hono merges the old response's headers into a replacement: drop it first.
    c.res = undefined as unknown as Response;
    c.res = new Response(new Uint8Array(body), { status: res.status, headers });
  };
}
