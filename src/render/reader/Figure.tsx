import type { RenditionInfo } from "../../domain/media/media-schema.js";
import type { ResolvedMedia } from "../../domain/published/published-stories.js";
import { reachTranslatorFor } from "../../i18n/reach-catalogues.js";
import { mediaUrl } from "../reader-urls.js";
import type { RenderContext } from "./render-context.js";

/**
 * Text-only mode (`?lite=1`, issue 16): figures leave their picture out and link to it
 * instead, named by this function from the alt text.
 *
 * It is passed down as a prop, not through a Preact context: with a context provider in
 * the page shell, about 5 % of every server render's allocations (3.3–4.2 MB per 64 MB
 * young generation) survived two scavenges and were promoted, so every scavenge took 4–9 ms
 * instead of under 1 ms and cache-miss renders took that long in their tail
 * (`node --trace-gc-nvp`, `new_space_survived`: 3.6 MB with the provider, 37 KB without).
 */
export type LitePhoto = (alt: string) => string;

/** The page's LitePhoto: none unless the reader is in text-only mode. */
export function litePhotoFor(ctx: RenderContext): LitePhoto | undefined {
  if (!ctx.lite) return undefined;
  const reach = reachTranslatorFor(ctx.service.locale);
  return (alt) => reach("lite.photo", { alt });
}

export interface FigureProps {
  readonly media: ResolvedMedia | undefined;
  readonly caption: string;
  readonly credit: string;
  readonly alt: string;
  /** The lead image is fetched eagerly (LCP); the rest lazily. */
  readonly eager?: boolean;
  readonly sizes?: string;
  /** Set in text-only mode (litePhotoFor). */
  readonly litePhoto?: LitePhoto | undefined;
}

const defaultSizes = "(min-width: 48rem) 44rem, 100vw";

/**
 * A 16:9 crop in WebP with a JPEG fallback, served by Newsdesk itself. One <figcaption>
 * holds caption and credit; the alt text describes the picture and is never the caption
 * repeated, so screen-reader users do not hear it twice.
 */
export function Figure(props: FigureProps) {
  const renditions = (props.media?.renditions ?? []).filter((r) => r.shape === "16x9");
  const jpeg = renditions.filter((r) => r.format === "jpeg");
  const webp = renditions.filter((r) => r.format === "webp");
  // AVIF arrives later from a background job; browsers take the first source they support.
  const avif = renditions.filter((r) => r.format === "avif");
  const fallback = jpeg.find((r) => r.width >= 640) ?? jpeg.at(-1);
  const mediaId = props.media?.asset.id;
  const hasText = props.caption.length > 0 || props.credit.length > 0;
  const { litePhoto } = props;
  if (litePhoto) {
    // Decorative pictures (teasers, alt="") simply go; a described one becomes a link to
    // its largest JPEG, so a reader who wants it can still open it.
    const largest = jpeg.at(-1);
    const described = props.alt || props.caption;
    if (!hasText && !(mediaId && largest && props.alt)) return null;
    return (
      <figure class="lite-figure">
        {mediaId && largest && described ? (
          <p>
            <a href={mediaUrl(mediaId, largest)}>{litePhoto(described)}</a>
          </p>
        ) : null}
        {hasText ? (
          <figcaption>
            {props.caption}
            {props.credit ? (
              <span class="credit">
                <bdi>{props.credit}</bdi>
              </span>
            ) : null}
          </figcaption>
        ) : null}
      </figure>
    );
  }
  return (
    <figure>
      {mediaId && fallback ? (
        <picture>
          {avif.length > 0 ? (
            <source
              type="image/avif"
              srcSet={srcset(mediaId, avif)}
              sizes={props.sizes ?? defaultSizes}
            />
          ) : null}
          {webp.length > 0 ? (
            <source
              type="image/webp"
              srcSet={srcset(mediaId, webp)}
              sizes={props.sizes ?? defaultSizes}
            />
          ) : null}
          <img
            src={mediaUrl(mediaId, fallback)}
            srcSet={srcset(mediaId, jpeg)}
            sizes={props.sizes ?? defaultSizes}
            width={fallback.width}
            height={fallback.height}
            alt={props.alt}
            loading={props.eager ? "eager" : "lazy"}
            decoding="async"
            {...(props.eager ? { fetchpriority: "high" } : {})}
          />
        </picture>
      ) : null}
      {hasText ? (
        <figcaption>
          {props.caption}
          {props.credit ? (
            <span class="credit">
              <bdi>{props.credit}</bdi>
            </span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

function srcset(mediaId: string, renditions: readonly RenditionInfo[]): string {
  return renditions.map((r) => `${mediaUrl(mediaId, r)} ${r.width}w`).join(", ");
}
