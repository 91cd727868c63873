import { Hono } from "hono";
import type { Logger } from "pino";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import type { MediaObjects } from "../domain/media/media-objects.js";
import { noneMatch, rangeStillApplies, requestedRange, streamOf } from "./byte-ranges.js";
import { problemResponse } from "./problem-json.js";

/** Renditions never change under a name (new crops get new assets): cache them for a year. */
const immutable = "public, max-age=31536000, immutable";

/**
 * `GET /media/:id/:name`: an image rendition, streamed from the media store (ADR 0014) with
 * a strong ETag (its SHA-256), conditional GETs (RFC 9110 §13.1.2) and single byte ranges
 * (§14), or a redirect to the store's public URL when MEDIA_PUBLIC_BASE_URL is set.
 */
export function mediaRoutes(deps: { media: MediaObjects; logger: Logger }): Hono {
  const app = new Hono();
  app.get("/media/:id/:name", async (c) => {
    const name = c.req.param("name");
    if (!/^(?:16x9|4x3|1x1|original)-\d{2,4}\.(?:webp|jpg|avif)$/.test(name)) {
      return problemResponse(c, "NOT_FOUND", "No such image rendition.");
    }
    try {
      const resolved = await deps.media.resolve(c.req.param("id"), name);
      if (!resolved) return problemResponse(c, "MEDIA_NOT_FOUND");
      const publicUrl = deps.media.publicUrl(resolved);
      if (publicUrl) {
        // The key's bytes never change, but a migration may move it to another store.
        return c.redirect(publicUrl, 302);
      }
      const etag = `"${resolved.sha256}"`;
      const common = { ETag: etag, "Cache-Control": immutable, "Accept-Ranges": "bytes" };
      if (noneMatch(c.req.header("If-None-Match"), etag)) return c.body(null, 304, common);
      const range = rangeStillApplies(c.req.header("If-Range"), etag)
        ? requestedRange(c.req.header("Range"), resolved.bytes)
        : undefined;
      if (range === "unsatisfiable") {
        return c.body(null, 416, { ...common, "Content-Range": `bytes */${resolved.bytes}` });
      }
      const length = range ? range.last - range.first + 1 : resolved.bytes;
      const headers: Record<string, string> = {
        ...common,
        "Content-Type": resolved.contentType,
        "Content-Length": String(length),
        ...(range
          ? { "Content-Range": `bytes ${range.first}-${range.last}/${resolved.bytes}` }
          : {}),
      };
      const status = range ? 206 : 200;
      if (c.req.method === "HEAD") return c.body(null, status, headers);
      const found = await deps.media.open(resolved, range);
      if (!found) return problemResponse(c, "MEDIA_NOT_FOUND");
      return c.body(streamOf(found.body), status, headers);
    } catch (error) {
      if (isNewsdeskError(error) && error.code === "MEDIA_STORE_UNAVAILABLE") {
        deps.logger.error({ err: error, path: c.req.path }, "media store failed");
        return problemResponse(c, "MEDIA_STORE_UNAVAILABLE");
      }
      throw error;
    }
  });
  return app;
}
