import { bcp47 } from "../../domain/distribution/language-tags.js";
import type { FeedDocument } from "./feed-document.js";
import { element, emptyElement } from "./xml-text.js";

/**
 * Links to the signed mirror list (issue 16): `rel="related"` (RFC 4287 §4.2.7.2), one for
 * the list and one for its minisign signature. Also used by RSS as `atom:link`.
 */
export function mirrorListLinks(feed: FeedDocument, name: "link" | "atom:link"): string[] {
  return [
    emptyElement(name, {
      rel: "related",
      type: "application/json",
      href: feed.mirrorList.url,
      title: "Mirrors of this site (signed list)",
    }),
    emptyElement(name, {
      rel: "related",
      type: "text/plain",
      href: feed.mirrorList.signatureUrl,
      title: "minisign signature of the mirror list",
    }),
  ];
}

/**
 * Atom 1.0 (RFC 4287). The feed has exactly one id, title and updated (§4.1.1), a
 * publisher author so every entry has an author (§4.1.1), `link rel="self"` and one
 * alternate. Entries keep a permanent `tag:` id (§4.2.6) and carry `xml:lang` (§2).
 */
export function atomFeed(feed: FeedDocument): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${bcp47(feed.language)}">`,
    element("id", feed.id),
    element("title", feed.title, { type: "text" }),
    element("subtitle", feed.description, { type: "text" }),
    element("updated", feed.updated),
    emptyElement("link", { rel: "self", type: "application/atom+xml", href: feed.selfUrls.atom }),
    emptyElement("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
    ...mirrorListLinks(feed, "link"),
    `<author>${element("name", feed.publisherName)}</author>`,
    element("rights", `© ${feed.publisherName}`, { type: "text" }),
    element("generator", "Newsdesk"),
  ];
  for (const item of feed.items) {
    out.push(`<entry xml:lang="${bcp47(item.language)}">`);
    out.push(element("id", item.id));
    out.push(element("title", item.title, { type: "text" }));
    out.push(element("updated", item.updated));
    out.push(element("published", item.published));
    out.push(emptyElement("link", { rel: "alternate", type: "text/html", href: item.url }));
    for (const author of item.authors) {
      out.push(`<author>${element("name", author.name)}${element("uri", author.url)}</author>`);
    }
    for (const category of item.categories) out.push(emptyElement("category", { term: category }));
    if (item.summary) out.push(element("summary", item.summary, { type: "text" }));
    if (item.contentHtml !== undefined)
      out.push(element("content", item.contentHtml, { type: "html" }));
    if (item.image) {
      out.push(
        emptyElement("link", {
          rel: "enclosure",
          type: item.image.type,
          href: item.image.url,
        }),
      );
    }
    out.push("</entry>");
  }
  out.push("</feed>");
  return `${out.join("\n")}\n`;
}
