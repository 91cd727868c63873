import { newsSitemapLanguage } from "../../domain/distribution/language-tags.js";
import type {
  FamilyMember,
  PublishedSummary,
} from "../../domain/published/published-story-repository.js";
import { editionsOf, type ServiceConfig } from "../../domain/services/service-registry.js";
import { isoSeconds } from "../feeds/feed-document.js";
import {
  homeVersions,
  hreflangAlternates,
  scriptVersions,
  storyVersions,
} from "../page-versions.js";
import { homeUrl, sectionUrl, storyUrl, topicUrl } from "../reader-urls.js";
import type { NewsEntry, UrlEntry } from "./sitemap-xml.js";

/**
 * Story URLs of one edition with hreflang alternates. Alternates are listed only for real
 * translations (members of one story family), each member in every edition of its service,
 * exactly as the story page's own `<link rel="alternate">` lists them (page-versions.ts).
 */
export function storyUrlEntries(
  edition: ServiceConfig,
  rows: readonly PublishedSummary[],
  families: ReadonlyMap<string, readonly FamilyMember[]>,
  publicUrl: string,
): UrlEntry[] {
  return rows.map((row) => {
    const members = (families.get(row.familyId) ?? []).flatMap((m) =>
      editionsOf(m.serviceId).map((e) => ({
        edition: e,
        storyId: m.id,
        slug: m.slug,
        section: m.section,
      })),
    );
    return {
      loc: `${publicUrl}${storyUrl(edition, row)}`,
      lastmod: isoSeconds(row.lastModifiedAt),
      alternates: hreflangAlternates(storyVersions(members, row.familyId), publicUrl),
    };
  });
}

/**
 * Home, section and topic pages of one edition, with the alternates the pages themselves
 * list: every edition's home for the home; the other script editions for the rest.
 */
export function pageUrlEntries(
  edition: ServiceConfig,
  pages: {
    home: string | undefined;
    sections: readonly { slug: string; lastmod: string }[];
    topics: readonly { slug: string; lastmod: string }[];
  },
  publicUrl: string,
): UrlEntry[] {
  const entries: UrlEntry[] = [];
  if (pages.home) {
    entries.push({
      loc: `${publicUrl}${homeUrl(edition)}`,
      lastmod: isoSeconds(pages.home),
      alternates: hreflangAlternates(homeVersions(), publicUrl),
    });
  }
  for (const s of pages.sections) {
    entries.push({
      loc: `${publicUrl}${sectionUrl(edition, s.slug)}`,
      lastmod: isoSeconds(s.lastmod),
      alternates: hreflangAlternates(
        scriptVersions(edition, (e) => sectionUrl(e, s.slug)),
        publicUrl,
      ),
    });
  }
  for (const t of pages.topics) {
    entries.push({
      loc: `${publicUrl}${topicUrl(edition, t.slug)}`,
      lastmod: isoSeconds(t.lastmod),
      alternates: hreflangAlternates(
        scriptVersions(edition, (e) => topicUrl(e, t.slug)),
        publicUrl,
      ),
    });
  }
  return entries;
}

export function newsEntries(
  service: ServiceConfig,
  rows: readonly PublishedSummary[],
  publicUrl: string,
): NewsEntry[] {
  return rows.map((row) => ({
    loc: `${publicUrl}${storyUrl(service, row)}`,
    // The publication's name as Google News knows it, minus anything in parentheses.
    publicationName: service.name.replace(/\s*\([^)]*\)\s*/g, " ").trim(),
    language: newsSitemapLanguage(service.locale),
    publicationDate: isoSeconds(row.firstPublishedAt),
    title: row.headline,
  }));
}

export function sitemapPaths(service: ServiceConfig) {
  const base = homeUrl(service);
  return {
    index: `${base}sitemap.xml`,
    pages: `${base}sitemap-pages.xml`,
    news: `${base}sitemap-news.xml`,
    stories: (n: number) => `${base}sitemap-stories-${n}.xml`,
  };
}
