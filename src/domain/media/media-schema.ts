import { z } from "zod";

export const mediaMetadataSchema = z.object({
  caption: z.string().trim().max(2000),
  credit: z.string().trim().max(300),
  alt: z.string().trim().max(1000),
  /** Focal point as fractions of width and height; 16:9 crops keep it in frame. */
  focalX: z.number().min(0).max(1),
  focalY: z.number().min(0).max(1),
  rightsSource: z.string().trim().max(300),
  rightsUsage: z.string().trim().max(1000),
});
export type MediaMetadata = z.infer<typeof mediaMetadataSchema>;

/** A change to saved details: any of the fields, at least one (RFC 5789: PATCH is partial). */
export const mediaMetadataPatchSchema = mediaMetadataSchema
  .partial()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "Give at least one detail to change.",
  });

const renditionFormats = ["webp", "jpeg", "avif"] as const;
export type RenditionFormat = (typeof renditionFormats)[number];
const renditionShapes = ["16x9", "original", "4x3", "1x1"] as const;
export type RenditionShape = (typeof renditionShapes)[number];

/**
 * Extra crops for structured data: Google asks for 16:9, 4:3 and 1:1 images of at least
 * 50,000 pixels (Article structured data). One JPEG each is enough; pages never use them.
 */
export const structuredDataShapes = [
  { shape: "4x3", aspect: 4 / 3 },
  { shape: "1x1", aspect: 1 },
] as const;
export const structuredDataWidth = 1280;

/** Widths served in srcset; 320 covers feature phones, 1600 large screens at 2x. */
export const renditionWidths = [320, 640, 960, 1280, 1600] as const;

export interface MediaAsset extends MediaMetadata {
  readonly id: string;
  readonly mime: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface RenditionInfo {
  readonly shape: RenditionShape;
  readonly format: RenditionFormat;
  readonly width: number;
  readonly height: number;
}

export interface Rendition extends RenditionInfo {
  readonly data: Uint8Array;
}

export function renditionName(info: Pick<RenditionInfo, "shape" | "format" | "width">): string {
  return `${info.shape}-${info.width}.${info.format === "jpeg" ? "jpg" : info.format}`;
}

/**
 * Where an object's bytes are: a media store, or still in the database (installs from
 * before ADR 0014, until `newsdesk media migrate` moves them).
 */
export type ObjectLocation = "db" | "dir" | "s3";

/** One stored file of an asset: its original ("source") or a rendition, as the database records it. */
export interface MediaObjectRecord {
  readonly mediaId: string;
  /** `source`, or a rendition's name (`renditionName`). */
  readonly name: string;
  readonly shape: RenditionShape | "source";
  /** jpeg, png, webp or avif. */
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly location: ObjectLocation;
  /** The store key; for bytes still in the database, the key they will get. */
  readonly key: string;
  readonly bytes: number;
  /** Hex SHA-256 of the bytes; unknown for bytes still in the database. */
  readonly sha256: string | undefined;
}

/**
 * The store key of an asset's file: `media/<assetId>/<name>`, the original as
 * `source.<ext>` so that every key names its type (a directory keeps no metadata).
 */
export function objectKeyFor(mediaId: string, name: string, format: string): string {
  return `media/${mediaId}/${name === "source" ? `source.${format === "jpeg" ? "jpg" : format}` : name}`;
}

export function contentTypeOf(format: string): string {
  return `image/${format === "jpg" ? "jpeg" : format}`;
}
