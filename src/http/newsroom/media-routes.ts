import { z } from "zod";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import { clipJson } from "../../domain/clips/clip-schema.js";
import type { ClipService } from "../../domain/clips/clip-service.js";
import { isNewsdeskError, NewsdeskError } from "../../domain/error-catalogue.js";
import { type RenditionInfo, renditionName } from "../../domain/media/media-schema.js";
import type { MediaService } from "../../domain/media/media-service.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface MediaRouteDeps {
  readonly media: MediaService;
  readonly audit: AuditLog;
  /** Upload limit for media, in bytes. */
  readonly maxUploadBytes: number;
  /** Audio and video clips: `GET /media/:id` answers with the clip when the id is one. */
  readonly clips?: ClipService;
}

const listQuery = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(40),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** The shared media library: upload, browse, edit metadata. */
export function mediaRoutes(r: NewsroomRouter, deps: MediaRouteDeps): void {
  r.post(
    "/media",
    {
      action: "media.upload",
      scope: "media:write",
      body: "form",
      // The form's other fields and multipart framing come on top of the file itself.
      maxBodyBytes: deps.maxUploadBytes + 64 * 1024,
      tooLargeCode: "MEDIA_TOO_LARGE",
    },
    async (c, { actor, body }) => {
      const form = body as FormData;
      const file = form.get("file");
      if (!(file instanceof File))
        throw new NewsdeskError("VALIDATION_FAILED", { detail: "Choose a file to upload." });
      const field = (name: string) => {
        const value = form.get(name);
        return typeof value === "string" ? value : "";
      };
      const { asset, reused } = await deps.media.upload(
        actor,
        new Uint8Array(await file.arrayBuffer()),
        {
          caption: field("caption"),
          credit: field("credit"),
          alt: field("alt"),
          focalX: field("focalX") === "" ? 0.5 : Number(field("focalX")),
          focalY: field("focalY") === "" ? 0.5 : Number(field("focalY")),
          rightsSource: field("rightsSource"),
          rightsUsage: field("rightsUsage"),
        },
      );
      await deps.audit.record(
        actor,
        "media.upload",
        {},
        { mediaId: asset.id, bytes: asset.bytes, reused },
      );
      const renditions = await deps.media.renditionsOf(actor, asset.id);
      return c.json(
        {
          asset,
          renditions: renditions.map((r) => ({
            ...r,
            url: `/media/${asset.id}/${renditionName(r)}`,
          })),
          // Identical bytes are one asset: 200 with `reused`, so the editor can be told
          // that the library already had it (and its saved details were kept).
          reused,
        },
        reused ? 200 : 201,
      );
    },
  );

  r.get("/media", { action: "media.upload", scope: "stories:read" }, async (c, { actor }) => {
    const query = parseOrThrow(listQuery, c.req.query());
    const result = await deps.media.list(actor, {
      ...(query.q ? { q: query.q } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({
      total: result.total,
      items: result.items.map(({ asset, renditions }) => ({
        asset,
        thumbnailUrl: thumbnailUrl(asset.id, renditions),
      })),
    });
  });

  r.get("/media/:id", { action: "media.upload", scope: "stories:read" }, async (c, { actor }) => {
    const id = pathParam(c, "id");
    try {
      const { asset, renditions } = await deps.media.view(actor, id);
      return c.json({ asset, thumbnailUrl: thumbnailUrl(asset.id, renditions) });
    } catch (error) {
      // Images and clips share one id space (random ids): a clip answers as itself.
      if (!deps.clips || !isNewsdeskError(error) || error.code !== "MEDIA_NOT_FOUND") throw error;
      const view = await deps.clips.view(actor, id).catch((clipError: unknown) => {
        throw isNewsdeskError(clipError) && clipError.code === "CLIP_NOT_FOUND" ? error : clipError;
      });
      return c.json({ clip: clipJson(view) });
    }
  });

  r.patch(
    "/media/:id",
    { action: "media.upload", scope: "media:write" },
    async (c, { actor, body }) => {
      const asset = await deps.media.updateMetadata(actor, pathParam(c, "id"), body);
      return c.json({ asset });
    },
  );
}

function thumbnailUrl(id: string, renditions: readonly RenditionInfo[]): string | null {
  const thumb = renditions.find((r) => r.shape === "16x9" && r.format === "jpeg");
  return thumb ? `/media/${id}/${renditionName(thumb)}` : null;
}
