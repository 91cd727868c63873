import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { Hono } from "hono";
import { preferredCoding } from "../cache/content-coding.js";
import { hlsScriptPath } from "../render/reader/video-script.js";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface Encoded {
  readonly identity: Buffer;
  readonly br: Buffer;
  readonly gzip: Buffer;
}

/**
 * hls.js for video episode pages (src/render/reader/video-script.ts), from the npm package
 * and our own origin: no CDN sees our readers. Its address carries the package version, so
 * it is immutable (RFC 8246). Read and compressed once, on the first request (brotli at
 * full quality: 389 kB become about 110 kB, once per process).
 */
export function playerRoutes(): Hono {
  const app = new Hono();
  let encoded: Promise<Encoded> | undefined;
  const load = async (): Promise<Encoded> => {
    const path = createRequire(import.meta.url).resolve("hls.js/dist/hls.light.min.js");
    const identity = await readFile(path);
    const [br, gz] = await Promise.all([
      brotliAsync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
      gzipAsync(identity, { level: 9 }),
    ]);
    return { identity, br, gzip: gz };
  };

  app.get(hlsScriptPath, async (c) => {
    encoded ??= load().catch((error: unknown) => {
      encoded = undefined;
      throw error;
    });
    const files = await encoded;
    const encoding = preferredCoding(c.req.header("accept-encoding"));
    const body = encoding ? files[encoding] : files.identity;
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept-Encoding",
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    });
  });

  return app;
}
