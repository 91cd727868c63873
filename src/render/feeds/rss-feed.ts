import { rssLanguage } from "../../domain/distribution/language-tags.js";
import { mirrorListLinks } from "./atom-feed.js";
import type { FeedDocument } from "./feed-document.js";
import { cdata, element, emptyElement, htmlText } from "./xml-text.js";

/**
 * RSS 2.0 (rssboard.org/rss-specification) with the RSS Advisory Board's best practices:
 * `atom:link rel="self"`, `dc:creator` for bylines (`author` must be an e-mail address),
 * `content:encoded` for full text, Media RSS (`http://search.yahoo.com/mrss/`) for images,
 * and RFC 822 dates with four-digit years.
 *
 * Text is text: `title`, `dc:creator`, `category` and Media RSS `media:description
 * type="plain"` and `media:credit` carry plain text; `description` is HTML (htmlText);
 * `content:encoded` is our sanitized story HTML (story-html.ts).
 */
export function rssFeed(feed: FeedDocument): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    "<channel>",
    element("title", feed.title),
    element("link", feed.homeUrl),
    // `description` holds HTML (RSS 2.0, item elements; readers treat the channel's alike):
    // our text goes in HTML-escaped, then XML-escaped.
    element("description", htmlText(feed.description)),
    emptyElement("atom:link", {
      href: feed.selfUrls.rss,
      rel: "self",
      type: "application/rss+xml",
    }),
    ...mirrorListLinks(feed, "atom:link"),
    element("language", rssLanguage(feed.language)),
    element("copyright", `© ${feed.publisherName}`),
    element("lastBuildDate", rfc822(feed.updated)),
    element("generator", "Newsdesk"),
    element("docs", "https://www.rssboard.org/rss-specification"),
    element("ttl", "5"),
  ];
  for (const item of feed.items) {
    out.push("<item>");
    out.push(element("title", item.title));
    out.push(element("link", item.url));
    out.push(element("description", htmlText(item.summary || item.title)));
    if (item.contentHtml !== undefined)
      out.push(`<content:encoded>${cdata(item.contentHtml)}</content:encoded>`);
    out.push(element("guid", item.id, { isPermaLink: "false" }));
    out.push(element("pubDate", rfc822(item.published)));
    for (const author of item.authors) out.push(element("dc:creator", author.name));
    for (const category of item.categories) out.push(element("category", category));
    if (item.image) {
      out.push(
        `<media:content${attrsOf({
          url: item.image.url,
          type: item.image.type,
          medium: "image",
          width: item.image.width,
          height: item.image.height,
        })}>`,
      );
      if (item.image.alt) out.push(element("media:description", item.image.alt, { type: "plain" }));
      if (item.image.credit) out.push(element("media:credit", item.image.credit));
      out.push("</media:content>");
    }
    out.push("</item>");
  }
  out.push("</channel>", "</rss>");
  return `${out.join("\n")}\n`;
}

/** RFC 822 (as updated by RFC 1123): `Wed, 02 Oct 2002 13:00:00 GMT`. */
function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function attrsOf(values: Record<string, string | number>): string {
  return emptyElement("x", values).slice(2, -2);
}
