import type { ResolvedScope } from "../../domain/distribution/distribution-service.js";
import type { PublishedStory } from "../../domain/published/published-stories.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { locales } from "../../i18n/locale-registry.js";
import { deskUrl, personUrl, storyUrl } from "../reader-urls.js";
import { feedImage, storyHtml } from "./story-html.js";
import { directionalPlainText } from "./xml-text.js";

/** The format-neutral feed the RSS, Atom and JSON Feed serializers all read. */
export interface FeedDocument {
  /** Permanent feed id (Atom `id`): the scope's Atom URL, which never changes. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The canonical BCP 47 tag; each serializer spells it its own way. */
  readonly language: string;
  /** The HTML page this feed mirrors (`link rel="alternate"`). */
  readonly homeUrl: string;
  readonly selfUrls: FeedSelfUrls;
  readonly updated: string;
  readonly publisherName: string;
  readonly items: readonly FeedItem[];
  /**
   * The signed mirror list (issue 16) and its minisign signature: a feed copied to a reader
   * who cannot reach the site still says where its mirrors are, verifiably.
   */
  readonly mirrorList: { readonly url: string; readonly signatureUrl: string };
}

export interface FeedSelfUrls {
  readonly rss: string;
  readonly atom: string;
  readonly json: string;
}

interface FeedItem {
  /** `tag:` URI (RFC 4151), stable across updates, headline and section changes. */
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** Sanitized full text, when the feed carries full text. */
  readonly contentHtml: string | undefined;
  readonly published: string;
  /** The last reader-visible change (Atom `updated`, JSON Feed `date_modified`). */
  readonly updated: string;
  readonly authors: readonly { readonly name: string; readonly url: string }[];
  readonly categories: readonly string[];
  readonly image: FeedImage | undefined;
  readonly language: string;
}

interface FeedImage {
  readonly url: string;
  readonly type: "image/jpeg";
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

export interface FeedContext {
  readonly service: ServiceConfig;
  readonly scope: ResolvedScope;
  readonly publicUrl: string;
  readonly publisherName: string;
  readonly fullText: boolean;
  readonly homePath: string;
  readonly selfPaths: FeedSelfUrls;
  /** When a story of the service was last withdrawn; it moves `updated` forward. */
  readonly lastWithdrawnAt: string | null;
}

export function feedDocument(stories: readonly PublishedStory[], ctx: FeedContext): FeedDocument {
  const { service, publicUrl } = ctx;
  const dir = locales[service.locale].dir;
  const items = stories.map((s) => feedItem(s, ctx));
  const times = [
    ...items.map((i) => i.updated),
    ...(ctx.lastWithdrawnAt ? [ctx.lastWithdrawnAt] : []),
  ];
  const updated = times.sort().at(-1) ?? new Date(0).toISOString();
  const title = ctx.scope.name ? `${ctx.scope.name} - ${service.name}` : service.name;
  return {
    id: `${publicUrl}${ctx.selfPaths.atom}`,
    title: directionalPlainText(title, dir),
    // RSS requires a description; the scope's own (a person's title, a desk's blurb) or
    // the title itself, never an English sentence in a non-English feed.
    description: directionalPlainText(ctx.scope.description ?? title, dir),
    language: service.locale,
    homeUrl: `${publicUrl}${ctx.homePath}`,
    selfUrls: {
      rss: `${publicUrl}${ctx.selfPaths.rss}`,
      atom: `${publicUrl}${ctx.selfPaths.atom}`,
      json: `${publicUrl}${ctx.selfPaths.json}`,
    },
    updated: isoSeconds(updated),
    publisherName: ctx.publisherName,
    items,
    mirrorList: mirrorListOf(publicUrl),
  };
}

/** The signed mirror list every feed links, so it travels with the feed (issue 16). */
export function mirrorListOf(publicUrl: string): FeedDocument["mirrorList"] {
  return {
    url: `${publicUrl}/mirrors.json`,
    signatureUrl: `${publicUrl}/mirrors.json.minisig`,
  };
}

function feedItem(s: PublishedStory, ctx: FeedContext): FeedItem {
  const { service, publicUrl } = ctx;
  const { story, content } = s;
  const dir = locales[service.locale].dir;
  const lead = content.leadFigure ? s.media.get(content.leadFigure.mediaId) : undefined;
  const rendition = lead ? feedImage(lead) : undefined;
  return {
    id: storyTagUri(publicUrl, story),
    url: `${publicUrl}${storyUrl(service, { id: story.id, slug: content.slug, section: content.section })}`,
    title: directionalPlainText(content.headline, dir),
    summary: content.standfirst,
    contentHtml: ctx.fullText ? storyHtml(s, publicUrl) : undefined,
    published: isoSeconds(story.firstPublishedAt ?? story.lastModifiedAt),
    updated: isoSeconds(story.lastModifiedAt),
    authors: [
      ...s.people.map((p) => ({ name: p.name, url: `${publicUrl}${personUrl(service, p.id)}` })),
      ...s.desks.map((d) => ({ name: d.name, url: `${publicUrl}${deskUrl(service, d.id)}` })),
    ],
    categories: [...(s.section ? [s.section.name] : []), ...s.topics.map((t) => t.name)],
    image:
      lead && rendition && content.leadFigure
        ? {
            url: `${publicUrl}/media/${lead.asset.id}/16x9-${rendition.width}.jpg`,
            type: "image/jpeg",
            width: rendition.width,
            height: rendition.height,
            alt: content.leadFigure.alt,
            caption: content.leadFigure.caption,
            credit: content.leadFigure.credit,
          }
        : undefined,
    language: service.locale,
  };
}

/**
 * `tag:host,date:story/id` (RFC 4151). The date is the story's creation day, which never
 * changes, so the id survives updates, new slugs and moves between sections (RFC 4287
 * §4.2.6: an entry's id must never change).
 */
function storyTagUri(
  publicUrl: string,
  story: { readonly id: string; readonly createdAt: string },
): string {
  const host = new URL(publicUrl).hostname;
  return `tag:${host},${story.createdAt.slice(0, 10)}:story/${story.id}`;
}

/** RFC 3339 without fractional seconds: `2026-11-24T09:00:00Z`. */
export function isoSeconds(iso: string): string {
  // Stored times are `Date.toISOString()`'s own form (YYYY-MM-DDTHH:MM:SS.sssZ): cut it.
  if (iso.length === 24 && iso[19] === "." && iso[23] === "Z") return `${iso.slice(0, 19)}Z`;
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");
}
