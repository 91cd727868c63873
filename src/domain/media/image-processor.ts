import type { Rendition, RenditionFormat } from "./media-schema.js";

export type SourceImageFormat = "jpeg" | "png" | "webp" | "avif";

export interface ProbedImage {
  readonly format: SourceImageFormat;
  readonly width: number;
  readonly height: number;
}

/** Image decoding and encoding, implemented with sharp in src/media. */
export interface ImageProcessor {
  /** Decodes the header and pixels; throws MEDIA_UNSUPPORTED for anything not an image. */
  probe(bytes: Uint8Array): Promise<ProbedImage>;
  renditions(
    bytes: Uint8Array,
    options: { focalX: number; focalY: number; formats: readonly RenditionFormat[] },
  ): Promise<Rendition[]>;
}

export interface CropRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The largest crop of the given aspect ratio that keeps the focal point as close to its
 * centre as the image edges allow.
 */
export function focalCrop(
  width: number,
  height: number,
  focalX: number,
  focalY: number,
  aspect = 16 / 9,
): CropRect {
  let cropWidth = width;
  let cropHeight = Math.round(width / aspect);
  if (cropHeight > height) {
    cropHeight = height;
    cropWidth = Math.round(height * aspect);
  }
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  const left = clamp(Math.round(focalX * width - cropWidth / 2), width - cropWidth);
  const top = clamp(Math.round(focalY * height - cropHeight / 2), height - cropHeight);
  return { left, top, width: cropWidth, height: cropHeight };
}

/** Rendition widths not wider than the source: we never upscale. */
export function widthsFor(sourceWidth: number, candidates: readonly number[]): number[] {
  const widths = candidates.filter((w) => w <= sourceWidth);
  return widths.length > 0 ? widths : [sourceWidth];
}
