import { Hono } from "hono";
import { cacheTags } from "../domain/cache/cache-tags.js";
import { clipKey } from "../domain/clips/clip-schema.js";
import type { ClipService } from "../domain/clips/clip-service.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import type { MediaObjectStore } from "../domain/media/media-object-store.js";
import { conditional } from "./feed-routes.js";
import { problemResponse } from "./problem-json.js";
import { storedObjectResponse } from "./stored-object-response.js";

export interface ClipMediaDeps {
  readonly clips: ClipService;
  readonly store: MediaObjectStore;
}

const clipIdPattern = /^[0-9a-z]{8,32}$/;
/**
 * The files readers may fetch under a clip; the original upload is not one of them.
 * Names are matched whole, so a request can never name another key of the store.
 */
const servedName =
  /^(?:audio-[a-z0-9-]+\.(?:ogg|m4a)|poster\.(?:jpg|webp)|video-(?:240p|360p|720p)\.mp4|hls\/master\.m3u8|hls\/(?:240p|360p|720p|audio)\/(?:index\.m3u8|segment-\d{5}\.ts))$/;

/** Clip renditions, HLS and captions for readers, at `/media/clips/<id>/…`. */
export function clipMediaRoutes(deps: ClipMediaDeps): Hono {
  const app = new Hono();

  app.get("/media/clips/:id/captions/:file", async (c) => {
    const id = c.req.param("id");
    const lang = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.vtt$/.exec(c.req.param("file"))?.[1];
    if (!clipIdPattern.test(id) || !lang) return problemResponse(c, "NOT_FOUND");
    const caption = await deps.clips.captionFor(id, lang);
    if (!caption) return problemResponse(c, "CAPTIONS_NOT_FOUND");
    // Captions are edited in place: revalidated by browsers, kept by the page cache and the
    // CDN under this language's captions tag, which a caption edit purges (cache-tags.ts).
    return conditional(c, caption.vtt, "text/vtt; charset=utf-8", caption.updatedAt, undefined, {
      tags: [cacheTags.clipCaptions(id, caption.lang)],
    });
  });

  app.get("/media/clips/:id/*", async (c) => {
    const id = c.req.param("id");
    const prefix = `/media/clips/${id}/`;
    const name = decodeURIComponent(new URL(c.req.url).pathname).slice(prefix.length);
    if (!clipIdPattern.test(id) || !servedName.test(name)) {
      return problemResponse(c, "NOT_FOUND", "No such clip file.");
    }
    try {
      const response = await storedObjectResponse(c.req.raw, deps.store, clipKey(id, name));
      return response ?? problemResponse(c, "CLIP_NOT_FOUND");
    } catch (error) {
      if (isNewsdeskError(error) && error.code === "MEDIA_STORE_UNAVAILABLE") {
        return problemResponse(c, "MEDIA_STORE_UNAVAILABLE");
      }
      throw error;
    }
  });

  return app;
}
