import { bcp47 } from "../../domain/distribution/language-tags.js";
import type { RenditionInfo, RenditionShape } from "../../domain/media/media-schema.js";
import type { ResolvedMedia } from "../../domain/published/published-stories.js";
import { type Credit, storyCredits } from "../../domain/published/story-credits.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { brandImages, brandImageUrl } from "../brand-assets.js";
import { isoSeconds } from "../feeds/feed-document.js";
import { deskUrl, homeUrl, mediaUrl, personUrl, sectionUrl, storyUrl } from "../reader-urls.js";

export interface StructuredDataContext {
  readonly service: ServiceConfig;
  readonly publicUrl: string;
  readonly publisherName: string;
}

export interface ImageVariant {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly shape: RenditionShape;
}

/**
 * The largest JPEG of each aspect ratio Google asks for (16:9, 4:3, 1:1), falling back to
 * the uncropped original when an older asset lacks the extra crops.
 */
export function articleImages(media: ResolvedMedia | undefined, publicUrl: string): ImageVariant[] {
  if (!media) return [];
  const largest = (shape: RenditionShape): RenditionInfo | undefined =>
    media.renditions
      .filter((r) => r.shape === shape && r.format === "jpeg")
      .sort((a, b) => b.width - a.width)[0];
  const shapes: RenditionShape[] = ["16x9", "4x3", "1x1"];
  const found = shapes.flatMap((shape) => {
    const r = largest(shape);
    return r ? [r] : [];
  });
  const original = largest("original");
  const list = found.length < 3 && original ? [...found, original] : found;
  return list.map((r) => ({
    url: `${publicUrl}${mediaUrl(media.asset.id, r)}`,
    width: r.width,
    height: r.height,
    shape: r.shape,
  }));
}

/** The lead image, else the first figure in the body. */
export function representativeMedia(model: StoryPageModel): ResolvedMedia | undefined {
  const firstFigure = model.content.body.find((b) => b.type === "figure");
  const id =
    model.content.leadFigure?.mediaId ??
    (firstFigure?.type === "figure" ? firstFigure.mediaId : undefined);
  return id ? model.media.get(id) : undefined;
}

/**
 * schema.org NewsArticle as Google documents it (Article structured data): headline,
 * images in three ratios (else the default image), ISO 8601 dates with time zone, every
 * author with name and url (desks as Organization), publisher with logo, inLanguage matching `<html lang>`, and corrections
 * as CorrectionComment.
 */
export function newsArticleJsonLd(model: StoryPageModel, ctx: StructuredDataContext): object {
  const { service, publicUrl } = ctx;
  const { story, content } = model;
  const canonical = `${publicUrl}${storyUrl(service, { id: story.id, slug: content.slug, section: content.section })}`;
  const section = model.sections.find((s) => s.slug === content.section);
  // A translation's authors are its source's (their pages are in the source's service), and
  // its translators are schema.org `translator` (CreativeWork), not authors.
  const credits = storyCredits({
    service,
    content,
    people: model.people,
    desks: model.desks,
    source: model.source,
  });
  const creditJsonLd = (credit: Credit) =>
    credit.kind === "person"
      ? {
          "@type": "Person",
          name: credit.name,
          url: `${publicUrl}${personUrl(credit.service, credit.id)}`,
        }
      : {
          "@type": "Organization",
          name: credit.name,
          url: `${publicUrl}${deskUrl(credit.service, credit.id)}`,
        };
  const authors = credits.authors.map(creditJsonLd);
  const translators = credits.translators.map(creditJsonLd);
  const images = articleImages(representativeMedia(model), publicUrl);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": `${canonical}#article`,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    url: canonical,
    headline: content.headline,
    ...(content.standfirst ? { description: content.standfirst } : {}),
    // A story without pictures is shared with the service's default image: Google requires
    // `image` for news results, and a missing one drops the story from Top stories.
    image: (images.length > 0 ? images : [defaultArticleImage(publicUrl)]).map((i) => ({
      "@type": "ImageObject",
      url: i.url,
      width: i.width,
      height: i.height,
    })),
    datePublished: isoSeconds(story.firstPublishedAt ?? story.createdAt),
    dateModified: isoSeconds(story.lastModifiedAt),
    // With no one named in the byline, the service's desk signs the story.
    author:
      authors.length > 0
        ? authors
        : [{ "@type": "Organization", name: service.name, url: `${publicUrl}${homeUrl(service)}` }],
    ...(translators.length > 0 ? { translator: translators } : {}),
    // A translation points at the work it translates (schema.org CreativeWork).
    ...(model.source
      ? {
          translationOfWork: {
            "@id": `${publicUrl}${storyUrl(model.source.service, { id: model.source.storyId, slug: model.source.slug, section: model.source.section })}#article`,
          },
        }
      : {}),
    publisher: publisherJsonLd(ctx),
    inLanguage: bcp47(service.locale),
    isAccessibleForFree: true,
    ...(section ? { articleSection: section.name } : {}),
    ...(model.topics.length > 0 ? { keywords: model.topics.map((t) => t.name) } : {}),
    ...(content.dateline ? { locationCreated: { "@type": "Place", name: content.dateline } } : {}),
    ...(model.corrections.length > 0
      ? {
          correction: model.corrections.map((c) => ({
            "@type": "CorrectionComment",
            text: c.text,
            datePublished: isoSeconds(c.createdAt),
          })),
        }
      : {}),
  };
}

/** The publisher with its logo, a PNG (Google takes no SVG logo). */
function publisherJsonLd(ctx: StructuredDataContext): object {
  const logo = brandImages["publisher-logo.png"];
  return {
    "@type": "Organization",
    name: ctx.publisherName,
    url: `${ctx.publicUrl}/`,
    logo: {
      "@type": "ImageObject",
      url: `${ctx.publicUrl}${brandImageUrl("publisher-logo.png")}`,
      width: logo.width,
      height: logo.height,
    },
  };
}

/** The image a story without pictures is shared with (JSON-LD, Open Graph, Twitter). */
export function defaultArticleImage(publicUrl: string): ImageVariant {
  const { width, height } = brandImages["default-image.png"];
  return { url: `${publicUrl}${brandImageUrl("default-image.png")}`, width, height, shape: "16x9" };
}

/** schema.org BreadcrumbList: service home, section, story. */
export function breadcrumbJsonLd(model: StoryPageModel, ctx: StructuredDataContext): object {
  const { service, publicUrl } = ctx;
  const { story, content } = model;
  const section = model.sections.find((s) => s.slug === content.section);
  const crumbs = [
    { name: service.name, url: `${publicUrl}${homeUrl(service)}` },
    ...(section
      ? [{ name: section.name, url: `${publicUrl}${sectionUrl(service, section.slug)}` }]
      : []),
    {
      name: content.headline,
      url: `${publicUrl}${storyUrl(service, { id: story.id, slug: content.slug, section: content.section })}`,
    },
  ];
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: c.name,
      item: c.url,
    })),
  };
}
