import { createHash } from "node:crypto";
import { NewsdeskError } from "../../domain/error-catalogue.js";
import type {
  WireConcept,
  WireItem,
  WirePicture,
  WireRendition,
  WireSourceFormat,
} from "../../domain/wire/wire-item-schema.js";
import {
  type BodyConversion,
  htmlToBlocks,
  textToBlocks,
  xmlNodesToBlocks,
} from "../html-to-blocks.js";
import {
  type AdapterResult,
  cleanText,
  finishItem,
  LONG,
  mapEach,
  missingField,
  newItem,
  normalizeLanguage,
  parseWireDate,
  put,
  toCount,
  uniqueConcepts,
} from "../wire-values.js";
import {
  attr,
  child,
  childrenNamed,
  elementChildren,
  localName,
  optionalText,
  rawTextOf,
  textOf,
  type XmlElement,
} from "../xml-reader.js";

/**
 * Syndication feeds as a wire source: RSS 2.0 (and its 0.9x and 1.0/RDF ancestors) with
 * Media RSS and `content:encoded`, Atom (RFC 4287) and JSON Feed 1.1. Each entry becomes a
 * text wire item credited to the feed. Feeds are lenient by nature, so only what identifies
 * an entry is required: RSS 2.0 needs a `title` or `description` per item; Atom and JSON
 * Feed ids are used as the guid. Without a guid, RSS items fall back to their `link`, and
 * then to a hash of their content, so re-reading the same feed never ingests twice.
 */

export function isFeedRoot(root: XmlElement): "rss" | "atom" | undefined {
  const name = localName(root.name);
  if (name === "rss" || name === "RDF" || name === "rss2") return "rss";
  // An Atom Entry Document (RFC 4287 section 2) is a lone entry; it reads as a one-entry feed.
  if (name === "feed" || name === "entry") return "atom";
  return undefined;
}

function contentHash(...parts: (string | undefined)[]): string {
  return createHash("sha256")
    .update(parts.map((part) => part ?? "").join("\u0000"))
    .digest("hex");
}

function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  const text = cleanText(href, 4096);
  if (!text) return undefined;
  try {
    const url = base ? new URL(text, base) : new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Plain text of a string that may hold escaped HTML (RSS titles often do). */
function plainOf(value: string | undefined, max = LONG): string | undefined {
  if (value === undefined) return undefined;
  if (!/<[a-zA-Z/!]|&[#a-zA-Z]/.test(value)) return cleanText(value, max);
  const text = htmlToBlocks(value)
    .body.flatMap((block) =>
      "content" in block ? [block.content.map((part) => part.text).join("")] : [],
    )
    .join(" ");
  return cleanText(text, max);
}

function addBody(item: WireItem, conversion: BodyConversion, warnings: string[]): void {
  item.body = conversion.body;
  warnings.push(...conversion.warnings);
  for (const image of conversion.images) {
    const picture: WirePicture = { renditions: [{ name: "inline", href: image.src }] };
    put(picture, "alt", image.alt);
    put(picture, "caption", image.caption);
    item.pictures.push(picture);
  }
}

/** Media RSS (https://www.rssboard.org/media-rss): images from media:content/group/thumbnail. */
function mediaPictures(entry: XmlElement, base: string | undefined): WirePicture[] {
  const pictures: WirePicture[] = [];
  const describe = (scope: XmlElement, picture: WirePicture, fallback?: XmlElement): void => {
    // Only prefixed (Media RSS) children count: the item's own RSS <description> and <title>
    // share the local names but are not about the picture.
    const prefixed = (element: XmlElement | undefined, name: string) =>
      childrenNamed(element, name).find((found) => found.name.includes(":"));
    const find = (name: string) => prefixed(scope, name) ?? prefixed(fallback, name);
    put(picture, "caption", plainOf(optionalText(find("description"))));
    put(picture, "headline", plainOf(optionalText(find("title")), 1000));
    put(picture, "credit", cleanText(optionalText(find("credit"))));
  };
  const rendition = (media: XmlElement, name: string): WireRendition | undefined => {
    const href = absoluteUrl(attr(media, "url"), base);
    if (!href) return undefined;
    const result: WireRendition = { name, href };
    put(result, "contentType", cleanText(attr(media, "type")));
    put(result, "width", toCount(attr(media, "width")));
    put(result, "height", toCount(attr(media, "height")));
    put(result, "sizeInBytes", toCount(attr(media, "fileSize") ?? attr(media, "length")));
    return result;
  };
  const isImage = (media: XmlElement): boolean => {
    const medium = attr(media, "medium");
    const type = attr(media, "type");
    if (medium) return medium === "image";
    if (type) return type.startsWith("image/");
    return /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(attr(media, "url") ?? "");
  };
  for (const group of childrenNamed(entry, "group")) {
    const renditions = childrenNamed(group, "content")
      .filter(isImage)
      .flatMap((media, index) => rendition(media, `media-${index + 1}`) ?? []);
    if (renditions.length > 0) {
      const picture: WirePicture = { renditions };
      describe(group, picture, entry);
      pictures.push(picture);
    }
  }
  for (const media of childrenNamed(entry, "content").filter(isImage)) {
    // RSS `content:encoded` shares the local name `encoded`, not `content`, so no clash here.
    const main = rendition(media, "media");
    if (!main) continue;
    const picture: WirePicture = { renditions: [main] };
    describe(media, picture, entry);
    pictures.push(picture);
  }
  if (pictures.length === 0) {
    const thumbnail = child(entry, "thumbnail");
    const main = thumbnail ? rendition(thumbnail, "thumbnail") : undefined;
    if (main) pictures.push({ renditions: [main] });
  }
  for (const enclosure of childrenNamed(entry, "enclosure")) {
    if (!(attr(enclosure, "type") ?? "").startsWith("image/")) continue;
    const main = rendition(enclosure, "enclosure");
    if (main) pictures.push({ renditions: [main] });
  }
  return pictures;
}

/** RSS `author` is an e-mail address, "jane@example.org (Jane Doe)"; keep the name. */
function rssAuthor(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const named = /\(([^)]+)\)\s*$/.exec(value);
  if (named?.[1]) return cleanText(named[1]);
  return /^[^\s@]+@[^\s@]+$/.test(value.trim()) ? undefined : cleanText(value);
}

function parseRss(root: XmlElement, httpLanguage: string | undefined): AdapterResult {
  const result: AdapterResult = { items: [], skipped: [] };
  // A missing channel means an empty feed (RSS 1.0 items may still sit beside it).
  const channel = child(root, "channel");
  // RSS 0.9x/2.0 nest items in the channel; RSS 1.0 (RDF) puts them beside it.
  const entries = [...childrenNamed(channel, "item"), ...childrenNamed(root, "item")];
  const feedTitle = plainOf(optionalText(child(channel, "title")), 1000);
  const feedLink = absoluteUrl(optionalText(child(channel, "link")));
  const feedLanguage =
    optionalText(child(channel, "language")) ??
    attr(channel, "xml:lang") ??
    attr(root, "xml:lang") ??
    httpLanguage;
  const feedRights = cleanText(
    optionalText(child(channel, "copyright")) ?? optionalText(child(channel, "rights")),
    LONG,
  );

  mapEach(entries, result, (entry) => {
    const warnings: string[] = [];
    const title = optionalText(child(entry, "title"));
    const description = child(entry, "description");
    const encoded = child(entry, "encoded");
    const link = absoluteUrl(optionalText(child(entry, "link")), feedLink);
    if (!title && !optionalText(description) && !optionalText(encoded)) {
      throw missingField("title or description", "RSS item");
    }
    const guidText = cleanText(
      optionalText(child(entry, "guid")) ?? attr(entry, "rdf:about"),
      1024,
    );
    let guid = guidText ?? link;
    if (!guid) {
      guid = `urn:newsdesk:feed:${contentHash(feedLink, title, rawTextOf(description ?? entry))}`;
      warnings.push("The item has no guid or link; its id was derived from its content.");
    }
    const item = newItem(guid, "rss", "text");
    put(item, "provider", feedTitle);
    put(item, "headline", plainOf(title));
    put(item, "link", link);
    const descriptionText = description ? rawTextOf(description) : undefined;
    if (encoded) {
      addBody(item, htmlToBlocks(rawTextOf(encoded)), warnings);
      put(item, "standfirst", plainOf(descriptionText));
    } else if (descriptionText) {
      addBody(item, htmlToBlocks(descriptionText), warnings);
    }
    put(
      item,
      "byline",
      cleanText(optionalText(child(entry, "creator"))) ??
        rssAuthor(optionalText(child(entry, "author"))),
    );
    put(
      item,
      "language",
      normalizeLanguage(optionalText(child(entry, "language")) ?? feedLanguage, warnings),
    );
    const date =
      optionalText(child(entry, "pubDate")) ??
      optionalText(child(entry, "date")) ??
      optionalText(child(entry, "updated"));
    put(item, "versionCreated", parseWireDate(date, "pubDate", warnings));
    item.subjects = uniqueConcepts(
      [...childrenNamed(entry, "category"), ...childrenNamed(entry, "subject")].map(
        (category): WireConcept | undefined => {
          const name = cleanText(textOf(category));
          if (!name) return undefined;
          const concept: WireConcept = { name };
          put(concept, "scheme", cleanText(attr(category, "domain")));
          return concept;
        },
      ),
    );
    item.pictures.push(...mediaPictures(entry, feedLink));
    put(
      item.rights,
      "copyrightNotice",
      cleanText(optionalText(child(entry, "rights")), LONG) ?? feedRights,
    );
    const source = child(entry, "source");
    if (source && optionalText(source)) warnings.push(`Originally from ${textOf(source)}.`);
    item.warnings = warnings;
    finishItem(item, result);
  });
  return result;
}

/** RFC 4287 section 3.1: a text construct is text, escaped html, or one xhtml:div. */
function atomText(element: XmlElement | undefined): { plain?: string; body?: BodyConversion } {
  if (!element) return {};
  const type = (attr(element, "type") ?? "text").toLowerCase();
  if (type === "xhtml" || type === "application/xhtml+xml") {
    const div = elementChildren(element).find((e) => localName(e.name) === "div") ?? element;
    const body = xmlNodesToBlocks(div.children);
    const result: { plain?: string; body?: BodyConversion } = { body };
    put(result, "plain", cleanText(textOf(div), LONG));
    return result;
  }
  const raw = rawTextOf(element);
  if (type === "html" || type === "text/html") {
    const result: { plain?: string; body?: BodyConversion } = { body: htmlToBlocks(raw) };
    put(result, "plain", plainOf(raw));
    return result;
  }
  const result: { plain?: string; body?: BodyConversion } = { body: textToBlocks(raw) };
  put(result, "plain", cleanText(raw, LONG));
  return result;
}

function atomLink(entry: XmlElement, base: string | undefined): string | undefined {
  const links = childrenNamed(entry, "link");
  const alternate =
    links.find((link) => (attr(link, "rel") ?? "alternate") === "alternate") ?? links[0];
  return absoluteUrl(attr(alternate, "href"), base);
}

function atomPersons(element: XmlElement | undefined): string | undefined {
  const names = childrenNamed(element, "author").flatMap(
    (author) => optionalText(child(author, "name")) ?? [],
  );
  return cleanText(names.join(", "));
}

function parseAtom(root: XmlElement, httpLanguage: string | undefined): AdapterResult {
  const result: AdapterResult = { items: [], skipped: [] };
  const feedBase = absoluteUrl(attr(root, "xml:base"));
  const feedTitle = atomText(child(root, "title")).plain;
  const feedLanguage = attr(root, "xml:lang") ?? httpLanguage;
  const feedAuthor = atomPersons(root);
  const feedRights = atomText(child(root, "rights")).plain;
  const entries = localName(root.name) === "entry" ? [root] : childrenNamed(root, "entry");
  mapEach(entries, result, (entry) => {
    const warnings: string[] = [];
    const base = absoluteUrl(attr(entry, "xml:base"), feedBase) ?? feedBase;
    const link = atomLink(entry, base);
    // RFC 4287 4.1.2 requires atom:id; lenient fallbacks keep re-reads idempotent.
    let guid = cleanText(optionalText(child(entry, "id")), 1024) ?? link;
    if (!guid) {
      guid = `urn:newsdesk:feed:${contentHash(feedBase, rawTextOf(entry))}`;
      warnings.push("The entry has no atom:id or link; its id was derived from its content.");
    } else if (!optionalText(child(entry, "id"))) {
      warnings.push("The entry has no atom:id; its link was used.");
    }
    const item = newItem(guid, "atom", "text");
    put(item, "provider", cleanText(feedTitle));
    const title = atomText(child(entry, "title"));
    put(item, "headline", title.plain);
    put(item, "link", link);
    const content = child(entry, "content");
    const summary = atomText(child(entry, "summary"));
    if (content && attr(content, "src") === undefined) {
      const converted = atomText(content);
      if (converted.body) addBody(item, converted.body, warnings);
      put(item, "standfirst", summary.plain);
    } else if (summary.body) {
      addBody(item, summary.body, warnings);
    }
    put(item, "byline", atomPersons(entry) ?? feedAuthor);
    const language = attr(entry, "xml:lang") ?? attr(content, "xml:lang") ?? feedLanguage;
    put(item, "language", normalizeLanguage(language, warnings));
    put(
      item,
      "versionCreated",
      parseWireDate(optionalText(child(entry, "updated")), "updated", warnings),
    );
    put(
      item,
      "firstCreated",
      parseWireDate(optionalText(child(entry, "published")), "published", warnings),
    );
    if (item.versionCreated === undefined && item.firstCreated !== undefined) {
      item.versionCreated = item.firstCreated;
    }
    item.subjects = uniqueConcepts(
      childrenNamed(entry, "category").map((category): WireConcept | undefined => {
        const concept: WireConcept = {};
        put(concept, "code", cleanText(attr(category, "term")));
        put(concept, "name", cleanText(attr(category, "label")));
        put(concept, "scheme", cleanText(attr(category, "scheme")));
        return concept.code || concept.name ? concept : undefined;
      }),
    );
    item.pictures.push(...mediaPictures(entry, base));
    put(item.rights, "copyrightNotice", atomText(child(entry, "rights")).plain ?? feedRights);
    item.warnings = warnings;
    finishItem(item, result);
  });
  return result;
}

/** Parses an RSS or Atom document already read by the XML reader. */
export function parseXmlFeed(
  root: XmlElement,
  options: { httpLanguage?: string } = {},
): AdapterResult {
  const kind = isFeedRoot(root);
  if (kind === "rss") return parseRss(root, options.httpLanguage);
  if (kind === "atom") return parseAtom(root, options.httpLanguage);
  throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
    detail: `<${root.name}> is not an RSS or Atom root element.`,
  });
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * JSON Feed declares `version: "https://jsonfeed.org/version/1.1"`; some publishers write a
 * bare "1.1", so a top-level `items` array with a `title` and no ninjs `uri` also counts.
 */
export function isJsonFeed(document: unknown): boolean {
  if (!isObject(document) || typeof document.version !== "string") return false;
  if (/jsonfeed\.org\/version\//.test(document.version)) return true;
  return (
    Array.isArray(document.items) && typeof document.title === "string" && !("uri" in document)
  );
}

function jsonAuthors(source: Json): string | undefined {
  const list = Array.isArray(source.authors)
    ? source.authors
    : isObject(source.author)
      ? [source.author]
      : [];
  return cleanText(
    list
      .flatMap((author) =>
        isObject(author) && typeof author.name === "string" ? [author.name] : [],
      )
      .join(", "),
  );
}

/** JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/). */
export function parseJsonFeed(document: unknown): AdapterResult {
  if (!isObject(document) || !isJsonFeed(document)) {
    throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
      detail: "The JSON is not a JSON Feed (no jsonfeed.org version).",
    });
  }
  if (!Array.isArray(document.items)) throw missingField("items", "JSON Feed");
  const format: WireSourceFormat = "json-feed";
  const result: AdapterResult = { items: [], skipped: [] };
  const feedTitle = cleanText(document.title);
  const feedAuthor = jsonAuthors(document);
  const feedHome = absoluteUrl(
    typeof document.home_page_url === "string" ? document.home_page_url : undefined,
  );
  mapEach(document.items, result, (entry) => {
    if (!isObject(entry))
      throw new NewsdeskError("WIRE_INVALID_ITEM", {
        detail: "A JSON Feed item is not an object.",
      });
    const warnings: string[] = [];
    const url = absoluteUrl(typeof entry.url === "string" ? entry.url : undefined, feedHome);
    let guid = cleanText(entry.id, 1024) ?? url;
    if (!guid) {
      guid = `urn:newsdesk:feed:${contentHash(feedHome, JSON.stringify(entry))}`;
      warnings.push("The item has no id or url; its id was derived from its content.");
    } else if (entry.id === undefined) {
      warnings.push("The item has no id; its url was used.");
    }
    const item = newItem(guid, format, "text");
    put(item, "provider", feedTitle);
    put(item, "headline", cleanText(entry.title, LONG));
    put(item, "standfirst", cleanText(entry.summary, LONG));
    put(item, "link", url);
    if (typeof entry.content_html === "string")
      addBody(item, htmlToBlocks(entry.content_html), warnings);
    else if (typeof entry.content_text === "string")
      addBody(item, textToBlocks(entry.content_text), warnings);
    else warnings.push("The item has neither content_html nor content_text.");
    put(item, "byline", jsonAuthors(entry) ?? feedAuthor);
    put(item, "language", normalizeLanguage(entry.language ?? document.language, warnings));
    put(
      item,
      "versionCreated",
      parseWireDate(entry.date_modified ?? entry.date_published, "date_modified", warnings),
    );
    put(item, "firstCreated", parseWireDate(entry.date_published, "date_published", warnings));
    item.keywords = Array.isArray(entry.tags)
      ? entry.tags.flatMap((tag) => cleanText(tag) ?? [])
      : [];
    const image = absoluteUrl(typeof entry.image === "string" ? entry.image : undefined, feedHome);
    if (image) item.pictures.push({ renditions: [{ name: "image", href: image }] });
    if (Array.isArray(entry.attachments)) {
      for (const attachment of entry.attachments) {
        if (!isObject(attachment) || !String(attachment.mime_type ?? "").startsWith("image/"))
          continue;
        const href = absoluteUrl(
          typeof attachment.url === "string" ? attachment.url : undefined,
          feedHome,
        );
        if (!href) continue;
        const rendition: WireRendition = { name: "attachment", href };
        put(rendition, "contentType", cleanText(attachment.mime_type));
        put(rendition, "sizeInBytes", toCount(attachment.size_in_bytes));
        const picture: WirePicture = { renditions: [rendition] };
        put(picture, "caption", cleanText(attachment.title, LONG));
        item.pictures.push(picture);
      }
    }
    item.warnings = warnings;
    finishItem(item, result);
  });
  return result;
}
