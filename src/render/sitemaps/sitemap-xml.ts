import { element } from "../feeds/xml-text.js";
import type { HreflangAlternate } from "../page-versions.js";

/**
 * sitemaps.org 0.9: at most 50,000 URLs and 50 MB (52,428,800 bytes, uncompressed) per
 * file, for sitemaps and sitemap indexes alike.
 */
export const sitemapLimits = { maxUrls: 50_000, maxBytes: 52_428_800 } as const;

export interface UrlEntry {
  readonly loc: string;
  /** W3C Datetime. */
  readonly lastmod: string;
  readonly alternates: readonly HreflangAlternate[];
  /** An episode's video (Google video sitemaps, sitemap-video/1.1). */
  readonly video?: VideoEntry;
}

interface VideoEntry {
  readonly thumbnailLoc: string;
  readonly title: string;
  readonly description: string;
  readonly contentLoc: string;
  /** Whole seconds, 1 to 28,800. */
  readonly durationSeconds?: number;
}

export interface NewsEntry {
  readonly loc: string;
  readonly publicationName: string;
  /** ISO 639 code, or zh-cn / zh-tw. */
  readonly language: string;
  readonly publicationDate: string;
  readonly title: string;
}

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
const urlsetOpen =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">\n';
const urlsetClose = "</urlset>\n";

/**
 * One `<url>`. The XSD fixes the order: `loc`, `lastmod`, then extension elements such as
 * `xhtml:link` (Google's hreflang-in-sitemaps form, which lists every version including
 * the page itself).
 */
function urlEntryXml(entry: UrlEntry): string {
  const links = entry.alternates
    .map(
      (a) =>
        `<xhtml:link rel="alternate" hreflang="${escapeAttr(a.hreflang)}" href="${escapeAttr(a.href)}"/>`,
    )
    .join("");
  return `<url>${element("loc", entry.loc)}${element("lastmod", entry.lastmod)}${links}${entry.video ? videoXml(entry.video) : ""}</url>\n`;
}

/** `video:video` in the order of Google's sitemap-video/1.1 schema. */
function videoXml(video: VideoEntry): string {
  const duration =
    video.durationSeconds !== undefined
      ? element("video:duration", String(Math.min(28_800, Math.max(1, video.durationSeconds))))
      : "";
  return `<video:video>${element("video:thumbnail_loc", video.thumbnailLoc)}${element("video:title", video.title)}${element("video:description", video.description.slice(0, 2048))}${element("video:content_loc", video.contentLoc)}${duration}</video:video>`;
}

export function urlsetXml(entries: readonly UrlEntry[]): string {
  return `${xmlDeclaration}${urlsetOpen}${entries.map(urlEntryXml).join("")}${urlsetClose}`;
}

/**
 * Packs entries, in order, into as few sitemaps as the count and byte limits allow. Each
 * page's byte size includes the XML declaration and the urlset wrapper.
 */
export function packSitemaps(
  entries: readonly UrlEntry[],
  limits: { maxUrls: number; maxBytes: number } = sitemapLimits,
): UrlEntry[][] {
  const overhead = Buffer.byteLength(xmlDeclaration + urlsetOpen + urlsetClose);
  const pages: UrlEntry[][] = [];
  let current: UrlEntry[] = [];
  let bytes = overhead;
  for (const entry of entries) {
    const size = Buffer.byteLength(urlEntryXml(entry));
    if (
      current.length > 0 &&
      (current.length >= limits.maxUrls || bytes + size > limits.maxBytes)
    ) {
      pages.push(current);
      current = [];
      bytes = overhead;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

export function sitemapIndexXml(
  sitemaps: readonly { loc: string; lastmod?: string | undefined }[],
): string {
  const items = sitemaps
    .map(
      (s) =>
        `<sitemap>${element("loc", s.loc)}${s.lastmod ? element("lastmod", s.lastmod) : ""}</sitemap>\n`,
    )
    .join("");
  return `${xmlDeclaration}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}</sitemapindex>\n`;
}

/**
 * A Google News sitemap: articles from the last two days, at most 1,000 `news:news`, each
 * with `news:publication` (name, language), `news:publication_date` and `news:title`.
 */
export function newsSitemapXml(entries: readonly NewsEntry[]): string {
  const items = entries
    .slice(0, 1000)
    .map(
      (e) =>
        `<url>${element("loc", e.loc)}<news:news><news:publication>${element("news:name", e.publicationName)}${element("news:language", e.language)}</news:publication>${element("news:publication_date", e.publicationDate)}${element("news:title", e.title)}</news:news></url>\n`,
    )
    .join("");
  return `${xmlDeclaration}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${items}</urlset>\n`;
}

/** robots.txt (RFC 9309) with `Sitemap:` lines (sitemaps.org, "Informing search engine crawlers"). */
export function robotsTxt(sitemapUrls: readonly string[]): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /api/",
    "Disallow: /_/",
    "",
    ...sitemapUrls.map((url) => `Sitemap: ${url}`),
    "",
  ].join("\n");
}

function escapeAttr(text: string): string {
  return element("x", text).slice(3, -4);
}
