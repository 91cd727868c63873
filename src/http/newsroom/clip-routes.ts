import { z } from "zod";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import { clipJson } from "../../domain/clips/clip-schema.js";
import type { ClipService } from "../../domain/clips/clip-service.js";
import { isNewsdeskError, NewsdeskError } from "../../domain/error-catalogue.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { spoolUpload } from "../../media/spool-upload.js";
import { problemResponse } from "../problem-json.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface ClipRouteDeps {
  readonly clips: ClipService;
  readonly audit: AuditLog;
}

const listQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(40),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const uploadQuery = z.object({ title: z.string().max(300).default("") });
const captionsBody = z.object({ vtt: z.string() });

/**
 * Audio and video in the media library. Registered before `mediaRoutes`, whose
 * `/media/:id` would otherwise answer `/media/clips`.
 */
export function clipRoutes(r: NewsroomRouter, deps: ClipRouteDeps): void {
  const { maxAudioBytes, maxVideoBytes } = deps.clips.limits;
  const maxBytes = Math.max(maxAudioBytes, maxVideoBytes);
  r.post(
    "/media/clips",
    {
      action: "media.upload",
      scope: "media:write",
      // The file is the body (any Content-Type: it is probed, never believed), spooled
      // to disk as it arrives; the per-kind limit is applied once probing tells the kind.
      body: "stream",
      maxBodyBytes: maxBytes,
      tooLargeCode: "MEDIA_TOO_LARGE",
    },
    async (c, { actor, body }) => {
      const { title } = parseOrThrow(uploadQuery, c.req.query());
      const spooled = await spoolUpload(body as ReadableStream<Uint8Array> | null, maxBytes);
      if (!spooled.ok) {
        throw new NewsdeskError("MEDIA_TOO_LARGE", {
          detail: `The file may have at most ${Math.round(maxBytes / 1048576)} MB.`,
        });
      }
      try {
        if (spooled.file.bytes === 0)
          throw new NewsdeskError("VALIDATION_FAILED", { detail: "Send the file as the body." });
        const { view, reused } = await deps.clips.upload(actor, spooled.file, title);
        await deps.audit.record(
          actor,
          "media.upload",
          {},
          { clipId: view.clip.id, bytes: spooled.file.bytes, reused },
        );
        return c.json({ clip: clipJson(view), reused }, reused ? 200 : 201);
      } catch (error) {
        // A 503 the client should see as one (the app answers other 5xx as INTERNAL).
        if (isNewsdeskError(error) && error.code === "MEDIA_TOOLS_MISSING") {
          return problemResponse(c, "MEDIA_TOOLS_MISSING", error.message);
        }
        throw error;
      } finally {
        await spooled.file.dispose();
      }
    },
  );

  r.post(
    "/media/clips/external",
    { action: "media.upload", scope: "media:write" },
    async (c, { actor, body }) => {
      const view = await deps.clips.registerExternal(actor, body);
      await deps.audit.record(actor, "media.upload", {}, { clipId: view.clip.id, external: true });
      return c.json({ clip: clipJson(view) }, 201);
    },
  );

  r.get("/media/clips", { action: "media.upload", scope: "stories:read" }, async (c, { actor }) => {
    const query = parseOrThrow(listQuery, c.req.query());
    const result = await deps.clips.list(actor, {
      ...(query.q ? { q: query.q } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ total: result.total, items: result.items.map(clipJson) });
  });

  r.get(
    "/media/clips/:id",
    { action: "media.upload", scope: "stories:read" },
    async (c, { actor }) =>
      c.json({ clip: clipJson(await deps.clips.view(actor, pathParam(c, "id"))) }),
  );

  r.patch(
    "/media/clips/:id",
    { action: "media.upload", scope: "media:write" },
    async (c, { actor, body }) =>
      c.json({ clip: clipJson(await deps.clips.rename(actor, pathParam(c, "id"), body)) }),
  );

  // Deleting is an editor's (`media.delete`, checked again in ClipService.delete), and is
  // refused while an episode plays the clip.
  r.delete(
    "/media/clips/:id",
    { action: "media.delete", scope: "media:write" },
    async (c, { actor }) => {
      const clip = await deps.clips.delete(actor, pathParam(c, "id"));
      await deps.audit.record(
        actor,
        "clip.deleted",
        {},
        { clipId: clip.id, title: clip.title, kind: clip.kind },
      );
      return c.body(null, 204);
    },
  );

  r.put(
    "/media/clips/:id/captions/:lang",
    { action: "media.upload", scope: "media:write" },
    async (c, { actor, body }) => {
      const { vtt } = parseOrThrow(captionsBody, body);
      const clipId = pathParam(c, "id");
      const caption = await deps.clips.putCaptions(actor, clipId, pathParam(c, "lang"), vtt);
      await deps.audit.record(
        actor,
        "clip.captions-saved",
        {},
        { clipId, lang: caption.lang, cues: caption.cueCount },
      );
      return c.json({ caption });
    },
  );

  r.delete(
    "/media/clips/:id/captions/:lang",
    { action: "media.upload", scope: "media:write" },
    async (c, { actor }) => {
      const clipId = pathParam(c, "id");
      const lang = pathParam(c, "lang");
      await deps.clips.deleteCaptions(actor, clipId, lang);
      await deps.audit.record(actor, "clip.captions-removed", {}, { clipId, lang });
      return c.body(null, 204);
    },
  );

  r.put(
    "/media/clips/:id/transcripts/:lang",
    { action: "media.upload", scope: "media:write" },
    async (c, { actor, body }) => {
      const caption = await deps.clips.setTranscript(
        actor,
        pathParam(c, "id"),
        pathParam(c, "lang"),
        body,
      );
      return c.json({ caption });
    },
  );
}
