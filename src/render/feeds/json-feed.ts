import { bcp47 } from "../../domain/distribution/language-tags.js";
import type { FeedDocument } from "./feed-document.js";

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1): `version`, `title` and `items` required; each
 * item needs `id` and `content_html` or `content_text`; `authors` (plural, 1.1) and
 * `language` (RFC 5646) on the feed and on each item.
 */
export function jsonFeed(feed: FeedDocument): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrls.json,
    description: feed.description,
    language: bcp47(feed.language),
    authors: [{ name: feed.publisherName }],
    // A JSON Feed extension (names starting with "_", JSON Feed 1.1 "Extensions").
    _newsdesk: { mirrors: feed.mirrorList.url, mirrors_signature: feed.mirrorList.signatureUrl },
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      ...(item.contentHtml !== undefined
        ? { content_html: item.contentHtml }
        : { content_text: item.summary || item.title }),
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.image ? { image: item.image.url } : {}),
      date_published: item.published,
      date_modified: item.updated,
      ...(item.authors.length > 0
        ? { authors: item.authors.map((a) => ({ name: a.name, url: a.url })) }
        : {}),
      ...(item.categories.length > 0 ? { tags: item.categories } : {}),
      language: bcp47(item.language),
    })),
  });
}
