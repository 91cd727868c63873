import { createHash } from "node:crypto";
import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { can } from "../users/access-policy.js";
import type { ImageProcessor } from "./image-processor.js";
import type { MediaObjects } from "./media-objects.js";
import type { MediaRepository } from "./media-repository.js";
import {
  type MediaAsset,
  type MediaMetadata,
  type MediaObjectRecord,
  mediaMetadataPatchSchema,
  mediaMetadataSchema,
  type Rendition,
  type RenditionInfo,
  renditionName,
} from "./media-schema.js";

export interface MediaLimits {
  /** Files above this are refused before decoding. */
  readonly maxBytes: number;
  /** Decompression-bomb guard: refused before full decoding. */
  readonly maxPixels: number;
}

export const defaultMediaLimits: MediaLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxPixels: 50_000_000,
};

const mimeByFormat = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
} as const;

/** The media library: checked uploads, metadata, and renditions for every page size. */
export class MediaService {
  readonly #repository: MediaRepository;
  readonly #objects: MediaObjects;
  readonly #images: ImageProcessor;
  readonly #clock: Clock;
  readonly #limits: MediaLimits;

  readonly #scheduleBackground: ((mediaId: string) => Promise<void>) | undefined;

  constructor(deps: {
    repository: MediaRepository;
    /** Where the bytes go (ADR 0014: the database keeps only metadata and keys). */
    objects: MediaObjects;
    images: ImageProcessor;
    clock: Clock;
    limits?: MediaLimits;
    /** Queues slow work (AVIF encoding) outside the request path. */
    scheduleBackground?: (mediaId: string) => Promise<void>;
  }) {
    this.#repository = deps.repository;
    this.#objects = deps.objects;
    this.#images = deps.images;
    this.#clock = deps.clock;
    this.#limits = deps.limits ?? defaultMediaLimits;
    this.#scheduleBackground = deps.scheduleBackground;
  }

  /**
   * Stores an image checked by decoding it, not by its name. Re-uploading identical bytes
   * returns the existing asset (reuse across stories) instead of a duplicate.
   */
  async upload(actor: Actor, bytes: Uint8Array, rawMetadata: unknown): Promise<UploadResult> {
    assertMayUseLibrary(actor);
    if (bytes.byteLength > this.#limits.maxBytes) {
      throw new NewsdeskError("MEDIA_TOO_LARGE", {
        detail: `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${(this.#limits.maxBytes / 1048576).toFixed(0)} MB.`,
      });
    }
    const metadata = parseOrThrow(mediaMetadataSchema, rawMetadata);
    const probed = await this.#images.probe(bytes);
    if (probed.width * probed.height > this.#limits.maxPixels) {
      throw new NewsdeskError("MEDIA_TOO_LARGE", {
        detail: `The image is ${probed.width}×${probed.height} pixels; the limit is ${this.#limits.maxPixels} pixels.`,
      });
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const existing = await this.#repository.findBySha256(sha256);
    if (existing) {
      // The same bytes are one asset, shared by every story that uses them. Details the
      // new upload gives fill in what the saved asset lacks; saved details are never
      // overwritten by a re-upload (other stories show them): the editor edits them.
      const saved = metadataOf(existing);
      const filled: MediaMetadata = {
        ...saved,
        caption: saved.caption || metadata.caption,
        credit: saved.credit || metadata.credit,
        alt: saved.alt || metadata.alt,
        rightsSource: saved.rightsSource || metadata.rightsSource,
        rightsUsage: saved.rightsUsage || metadata.rightsUsage,
      };
      if (
        Object.entries(filled).some(([key, value]) => saved[key as keyof MediaMetadata] !== value)
      ) {
        await this.#repository.updateMetadata(existing.id, filled);
      }
      return { asset: { ...existing, ...filled }, reused: true };
    }
    const renditions = await this.#images.renditions(bytes, {
      focalX: metadata.focalX,
      focalY: metadata.focalY,
      formats: ["webp", "jpeg"],
    });
    const asset: MediaAsset = {
      id: newId(),
      mime: mimeByFormat[probed.format],
      width: probed.width,
      height: probed.height,
      bytes: bytes.byteLength,
      sha256,
      createdAt: this.#clock.now().toISOString(),
      ...metadata,
    };
    // Bytes first, then the rows that point at them: a reader never meets a row whose
    // object is not written yet. A failed insert leaves objects nobody points at: removed.
    const source = {
      shape: "source",
      format: probed.format,
      width: asset.width,
      height: asset.height,
    } as const;
    const objects = await this.#writeObjects(asset.id, [
      { ...source, name: "source", data: bytes },
      ...renditions.map((r) => ({ ...r, name: renditionName(r) })),
    ]);
    try {
      await this.#repository.insert(asset, objects);
    } catch (error) {
      await this.#objects.discard(objects.map((o) => o.key));
      throw error;
    }
    await this.#scheduleBackground?.(asset.id);
    return { asset, reused: false };
  }

  /** Background job: AVIF renditions (≈1 s per image), made from the stored original. */
  async makeAvifRenditions(mediaId: string): Promise<number> {
    const [asset, source] = await Promise.all([
      this.#repository.find(mediaId),
      this.#objects.readAll(mediaId, "source"),
    ]);
    if (!asset || !source) throw new NewsdeskError("MEDIA_NOT_FOUND");
    const renditions = await this.#images.renditions(source, {
      focalX: asset.focalX,
      focalY: asset.focalY,
      formats: ["avif"],
    });
    const objects = await this.#writeObjects(
      mediaId,
      renditions.map((r) => ({ ...r, name: renditionName(r) })),
    );
    await this.#repository.addRenditions(mediaId, objects);
    return renditions.length;
  }

  /** Writes files to the media store, a few at a time, and returns their records. */
  async #writeObjects(
    mediaId: string,
    files: readonly (Pick<MediaObjectRecord, "name" | "shape" | "format" | "width" | "height"> &
      Pick<Rendition, "data">)[],
  ): Promise<MediaObjectRecord[]> {
    const records: MediaObjectRecord[] = [];
    // Renditions are small and numerous: 4 concurrent writes hide a remote store's latency.
    for (let i = 0; i < files.length; i += 4) {
      const batch = files.slice(i, i + 4);
      const written = await Promise.all(
        batch.map((f) => this.#objects.write(mediaId, f.name, f.format, f.data)),
      );
      batch.forEach((f, j) => {
        const where = written[j];
        if (!where) return;
        const { data: _data, ...info } = f;
        records.push({ ...info, mediaId, ...where });
      });
    }
    return records;
  }

  /** The shared library, newest first, for anyone with a newsroom role. */
  async list(
    actor: Actor,
    query: { q?: string; limit: number; offset: number },
  ): Promise<{ total: number; items: { asset: MediaAsset; renditions: RenditionInfo[] }[] }> {
    assertMayUseLibrary(actor);
    const result = await this.#repository.list(query);
    const renditions = await this.#repository.listRenditions(result.items.map((a) => a.id));
    return {
      total: result.total,
      items: result.items.map((asset) => ({ asset, renditions: renditions.get(asset.id) ?? [] })),
    };
  }

  /** An asset with its renditions, as the uploader sees it after an upload. */
  /** One asset with its renditions: an editor reopening a saved figure sees its details. */
  async view(
    actor: Actor,
    mediaId: string,
  ): Promise<{ asset: MediaAsset; renditions: RenditionInfo[] }> {
    assertMayUseLibrary(actor);
    const asset = await this.#repository.find(mediaId);
    if (!asset) throw new NewsdeskError("MEDIA_NOT_FOUND");
    return { asset, renditions: await this.renditionsOf(actor, mediaId) };
  }

  async renditionsOf(actor: Actor, mediaId: string): Promise<RenditionInfo[]> {
    assertMayUseLibrary(actor);
    return (await this.#repository.listRenditions([mediaId])).get(mediaId) ?? [];
  }

  /** Changes the fields given and keeps the others (the figure dialog sends what changed). */
  async updateMetadata(actor: Actor, mediaId: string, raw: unknown): Promise<MediaAsset> {
    assertMayUseLibrary(actor);
    const patch = parseOrThrow(mediaMetadataPatchSchema, raw);
    const current = await this.#repository.find(mediaId);
    if (!current) throw new NewsdeskError("MEDIA_NOT_FOUND");
    const metadata: MediaMetadata = { ...metadataOf(current), ...definedFields(patch) };
    if (!(await this.#repository.updateMetadata(mediaId, metadata)))
      throw new NewsdeskError("MEDIA_NOT_FOUND");
    return { ...current, ...metadata };
  }
}

/** An upload's asset, and whether it was already in the library (identical bytes). */
export interface UploadResult {
  readonly asset: MediaAsset;
  readonly reused: boolean;
}

function metadataOf(asset: MediaAsset): MediaMetadata {
  const { caption, credit, alt, focalX, focalY, rightsSource, rightsUsage } = asset;
  return { caption, credit, alt, focalX, focalY, rightsSource, rightsUsage };
}

/** The fields a partial update gives (exactOptionalPropertyTypes: no explicit undefineds). */
function definedFields(
  patch: {
    [K in keyof MediaMetadata]?: MediaMetadata[K] | undefined;
  },
): Partial<MediaMetadata> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
}

/** The library is shared by all services: any newsroom role in any service may use it. */
function assertMayUseLibrary(actor: Actor): void {
  if (actor.kind === "system" || actor.isAdmin) return;
  if (!actor.grants.some((g) => can(actor, "media.upload", g.serviceId))) {
    throw new NewsdeskError("FORBIDDEN", {
      detail: "You need a newsroom role to use the media library.",
    });
  }
}
