import type { FeedScope } from "../../domain/distribution/distribution-service.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { deskUrl, homeUrl, personUrl, sectionUrl, topicUrl } from "../reader-urls.js";
import type { FeedSelfUrls } from "./feed-document.js";

const feedFiles = { rss: "rss.xml", atom: "atom.xml", json: "feed.json" } as const;
export type FeedFormat = keyof typeof feedFiles;

/** The HTML page a feed scope mirrors. */
export function scopePagePath(service: ServiceConfig, scope: FeedScope): string {
  switch (scope.kind) {
    case "service":
      return homeUrl(service);
    case "section":
      return sectionUrl(service, scope.slug);
    case "topic":
      return topicUrl(service, scope.slug);
    case "person":
      return personUrl(service, scope.id);
    case "desk":
      return deskUrl(service, scope.id);
  }
}

/**
 * Feeds live under the page they mirror: `/english/feeds/rss.xml`,
 * `/english/world/feeds/atom.xml`, `/english/topics/climate/feeds/feed.json`.
 */
export function feedPathsForPage(pagePath: string): FeedSelfUrls {
  const base = pagePath.endsWith("/") ? pagePath : `${pagePath}/`;
  return {
    rss: `${base}feeds/${feedFiles.rss}`,
    atom: `${base}feeds/${feedFiles.atom}`,
    json: `${base}feeds/${feedFiles.json}`,
  };
}

export function feedPaths(service: ServiceConfig, scope: FeedScope): FeedSelfUrls {
  return feedPathsForPage(scopePagePath(service, scope));
}
