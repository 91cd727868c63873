import sharp, { type Metadata } from "sharp";
import { NewsdeskError } from "../domain/error-catalogue.js";
import {
  focalCrop,
  type ImageProcessor,
  type ProbedImage,
  type SourceImageFormat,
  widthsFor,
} from "../domain/media/image-processor.js";
import {
  type Rendition,
  type RenditionFormat,
  type RenditionShape,
  renditionWidths,
  structuredDataShapes,
  structuredDataWidth,
} from "../domain/media/media-schema.js";

const accepted: Record<string, SourceImageFormat> = {
  jpeg: "jpeg",
  png: "png",
  webp: "webp",
  // libheif reports AVIF files as "heif"; the compression tells AVIF from HEIC.
  heif: "avif",
};

/** sharp (libvips) decoding and encoding for the media library. */
export class SharpImageProcessor implements ImageProcessor {
  readonly #maxPixels: number;

  constructor(options: { maxPixels: number }) {
    this.#maxPixels = options.maxPixels;
  }

  async probe(bytes: Uint8Array): Promise<ProbedImage> {
    let meta: Metadata;
    try {
      meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    } catch (cause) {
      throw new NewsdeskError("MEDIA_UNSUPPORTED", { cause });
    }
    const format = meta.format ? accepted[meta.format] : undefined;
    if (!format || (meta.format === "heif" && meta.compression !== "av1")) {
      throw new NewsdeskError("MEDIA_UNSUPPORTED", {
        detail: `The file is ${meta.format ?? "not an image"}; upload JPEG, PNG, WebP or AVIF.`,
      });
    }
    if (!meta.width || !meta.height) throw new NewsdeskError("MEDIA_UNSUPPORTED");
    if (meta.width * meta.height <= this.#maxPixels) {
      // Decode the pixels too: a valid header on a truncated or corrupt body is refused here.
      try {
        await sharp(bytes, { failOn: "error", limitInputPixels: this.#maxPixels }).stats();
      } catch (cause) {
        throw new NewsdeskError("MEDIA_UNSUPPORTED", {
          detail: "The image data is damaged and cannot be decoded.",
          cause,
        });
      }
    }
    return { format, width: meta.width, height: meta.height };
  }

  async renditions(
    bytes: Uint8Array,
    options: { focalX: number; focalY: number; formats: readonly RenditionFormat[] },
  ): Promise<Rendition[]> {
    // Apply EXIF orientation first so crops and sizes refer to what people see.
    // Decode once to raw pixels; every rendition is encoded from them.
    const base = sharp(bytes, { limitInputPixels: this.#maxPixels }).rotate().raw();
    const { data: upright, info } = await base.toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: info.channels };
    const crop = focalCrop(info.width, info.height, options.focalX, options.focalY);
    const jobs: Promise<Rendition>[] = [];
    for (const shape of ["16x9", "original"] as const) {
      const sourceWidth = shape === "16x9" ? crop.width : info.width;
      for (const width of widthsFor(sourceWidth, renditionWidths)) {
        for (const format of options.formats) {
          jobs.push(this.#encode(upright, raw, shape, crop, width, format));
        }
      }
    }
    for (const extra of structuredDataShapes) {
      const extraCrop = focalCrop(
        info.width,
        info.height,
        options.focalX,
        options.focalY,
        extra.aspect,
      );
      for (const width of widthsFor(extraCrop.width, [structuredDataWidth])) {
        jobs.push(this.#encode(upright, raw, extra.shape, extraCrop, width, "jpeg"));
      }
    }
    return Promise.all(jobs);
  }

  async #encode(
    source: Buffer,
    raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 },
    shape: RenditionShape,
    crop: { left: number; top: number; width: number; height: number },
    width: number,
    format: RenditionFormat,
  ): Promise<Rendition> {
    let pipeline = sharp(source, { raw, limitInputPixels: this.#maxPixels });
    if (shape !== "original") pipeline = pipeline.extract(crop);
    pipeline = pipeline.resize({ width, withoutEnlargement: true });
    pipeline =
      format === "webp"
        ? pipeline.webp({ quality: 76 })
        : format === "avif"
          ? pipeline.avif({ quality: 55, effort: 4 })
          : pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { shape, format, width: info.width, height: info.height, data: new Uint8Array(data) };
  }
}
