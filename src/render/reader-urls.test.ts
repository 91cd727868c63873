import { describe, expect, it } from "vitest";
import { reservedSectionSlugs } from "../domain/people/people-schema.js";
import { services } from "../domain/services/service-registry.js";
import { feedPaths } from "./feeds/feed-urls.js";
import {
  deskUrl,
  personUrl,
  programmesUrl,
  scheduleUrl,
  searchUrl,
  sectionUrl,
  topicUrl,
} from "./reader-urls.js";

/** The path segment right after the service prefix: `/english/search` → `search`. */
const firstSegment = (path: string): string | undefined => path.split("/")[2];

describe("reader URLs and section slugs", () => {
  const service = services.en;

  it("puts every page that is not a section under a slug sections may not use", () => {
    const pages = [
      searchUrl(service),
      topicUrl(service, "climate"),
      personUrl(service, "p1"),
      deskUrl(service, "d1"),
      feedPaths(service, { kind: "service" }).rss,
      programmesUrl(service),
      scheduleUrl(service),
    ];
    expect(pages.map(firstSegment).sort()).toEqual([...reservedSectionSlugs].sort());
  });

  it("gives a section the first segment after the prefix", () => {
    expect(sectionUrl(service, "world")).toBe("/english/world");
    expect(firstSegment(sectionUrl(service, "world"))).toBe("world");
  });
});
