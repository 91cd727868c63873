import { ogLocale } from "../../domain/distribution/language-tags.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import { FeedLinks } from "../feeds/FeedLinks.js";
import { isoSeconds } from "../feeds/feed-document.js";
import { homeUrl, personUrl, sectionUrl, storyUrl } from "../reader-urls.js";
import { safeJsonLd } from "./json-ld.js";
import {
  articleImages,
  breadcrumbJsonLd,
  defaultArticleImage,
  newsArticleJsonLd,
  representativeMedia,
  type StructuredDataContext,
} from "./news-article.js";

/**
 * Everything a story page adds to <head> for machines: JSON-LD (NewsArticle and
 * BreadcrumbList), Open Graph with the article namespace (ogp.me), Twitter card tags, and
 * feed autodiscovery for the service and the story's section.
 */
export function StoryHeadTags(props: {
  model: StoryPageModel;
  ctx: StructuredDataContext;
  /** The article's JSON-LD when it is a subtype (a live page's LiveBlogPosting). */
  article?: object;
}) {
  const { model, ctx } = props;
  const { service, publicUrl } = ctx;
  const { story, content } = model;
  const canonical = `${publicUrl}${storyUrl(service, { id: story.id, slug: content.slug, section: content.section })}`;
  // Social networks show the desk's social title, description and image when set; then the
  // search ones; then the story's own headline, standfirst and lead image.
  const seo = content.seo;
  const socialTitle = seo?.socialTitle || seo?.title || content.headline;
  const socialDescription = seo?.socialDescription || seo?.description || content.standfirst;
  const socialMedia = seo?.socialImageId ? model.media.get(seo.socialImageId) : undefined;
  const image =
    articleImages(socialMedia ?? representativeMedia(model), publicUrl).find(
      (i) => i.shape === "16x9",
    ) ?? defaultArticleImage(publicUrl);
  const imageAlt = socialMedia
    ? socialMedia.asset.alt
    : (content.leadFigure?.alt ?? model.content.body.find((b) => b.type === "figure")?.alt ?? "");
  const section = model.sections.find((s) => s.slug === content.section);
  const authors = content.bylines.flatMap((b) =>
    b.kind === "person" && model.people.has(b.personId)
      ? [`${publicUrl}${personUrl(service, b.personId)}`]
      : [],
  );
  return (
    <>
      <script
        type="application/ld+json"
        // safeJsonLd escapes <, > and &, so story text cannot close the script element.
        dangerouslySetInnerHTML={{
          __html: safeJsonLd(props.article ?? newsArticleJsonLd(model, ctx)),
        }}
      />
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: safeJsonLd(breadcrumbJsonLd(model, ctx)) }}
      />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={socialTitle} />
      <meta property="og:url" content={canonical} />
      {socialDescription ? <meta property="og:description" content={socialDescription} /> : null}
      <meta property="og:site_name" content={service.name} />
      <meta property="og:locale" content={ogLocale(service.locale)} />
      <meta property="og:image" content={image.url} />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      {imageAlt ? <meta property="og:image:alt" content={imageAlt} /> : null}
      <meta
        property="article:published_time"
        content={isoSeconds(story.firstPublishedAt ?? story.createdAt)}
      />
      <meta property="article:modified_time" content={isoSeconds(story.lastModifiedAt)} />
      {authors.map((url) => (
        <meta key={url} property="article:author" content={url} />
      ))}
      {section ? <meta property="article:section" content={section.name} /> : null}
      {model.topics.map((t) => (
        <meta key={t.slug} property="article:tag" content={t.name} />
      ))}
      {/* X reads title, description, image and its alt text from the Open Graph tags above
          when its own are absent (developer.x.com/cards/markup); only the card type has no
          fallback. Repeating them costs two bytes a letter per field in most scripts. */}
      <meta name="twitter:card" content="summary_large_image" />
      <FeedLinks pagePath={homeUrl(service)} title={service.name} />
      {section ? (
        <FeedLinks
          pagePath={sectionUrl(service, section.slug)}
          title={`${section.name} - ${service.name}`}
        />
      ) : null}
    </>
  );
}
