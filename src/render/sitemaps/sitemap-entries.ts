import { hreflang, newsSitemapLanguage } from "../../domain/distribution/language-tags.js";
import type {
  FamilyMember,
  PublishedSummary,
} from "../../domain/published/published-story-repository.js";
import {
  type ServiceConfig,
  type ServiceId,
  services,
} from "../../domain/services/service-registry.js";
import { isoSeconds } from "../feeds/feed-document.js";
import { homeUrl, sectionUrl, storyUrl, topicUrl } from "../reader-urls.js";
import type { Alternate, NewsEntry, UrlEntry } from "./sitemap-xml.js";

/**
 * Story URLs with hreflang alternates. Alternates are listed only for real translations
 * (members of one story family); every member lists every member, itself included, so
 * the annotations are reciprocal (Google, "Tell Google about localized versions").
 */
export function storyUrlEntries(
  rows: readonly PublishedSummary[],
  families: ReadonlyMap<string, readonly FamilyMember[]>,
  publicUrl: string,
): UrlEntry[] {
  return rows.map((row) => {
    const service = services[row.serviceId];
    const members = families.get(row.familyId) ?? [];
    const alternates: Alternate[] =
      members.length > 1
        ? members.map((m) => ({
            hreflang: hreflang(services[m.serviceId].locale),
            href: `${publicUrl}${storyUrl(services[m.serviceId], m)}`,
          }))
        : [];
    return {
      loc: `${publicUrl}${storyUrl(service, row)}`,
      lastmod: isoSeconds(row.lastModifiedAt),
      alternates,
    };
  });
}

/**
 * Home, section and topic pages. The service homes are alternates of each other (each
 * language service covers the same world for its own audience), with English as x-default.
 */
export function pageUrlEntries(
  service: ServiceConfig,
  pages: {
    home: string | undefined;
    /** Services with published stories: only their homes exist in their own sitemaps. */
    liveServices: readonly ServiceId[];
    sections: readonly { slug: string; lastmod: string }[];
    topics: readonly { slug: string; lastmod: string }[];
  },
  publicUrl: string,
): UrlEntry[] {
  const live = pages.liveServices.map((id) => services[id]);
  const homes: Alternate[] =
    live.length > 1
      ? [
          ...live.map((s) => ({ hreflang: hreflang(s.locale), href: `${publicUrl}${homeUrl(s)}` })),
          {
            hreflang: "x-default",
            href: `${publicUrl}${homeUrl(live.find((s) => s.id === "en") ?? live[0] ?? service)}`,
          },
        ]
      : [];
  const entries: UrlEntry[] = [];
  if (pages.home) {
    entries.push({
      loc: `${publicUrl}${homeUrl(service)}`,
      lastmod: isoSeconds(pages.home),
      alternates: homes,
    });
  }
  for (const s of pages.sections) {
    entries.push({
      loc: `${publicUrl}${sectionUrl(service, s.slug)}`,
      lastmod: isoSeconds(s.lastmod),
      alternates: [],
    });
  }
  for (const t of pages.topics) {
    entries.push({
      loc: `${publicUrl}${topicUrl(service, t.slug)}`,
      lastmod: isoSeconds(t.lastmod),
      alternates: [],
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
