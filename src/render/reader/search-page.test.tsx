import { describe, expect, it } from "vitest";
import type { SearchResults } from "../../domain/search/search-service.js";
import { services } from "../../domain/services/service-registry.js";
import { renderHtml } from "../render-html.js";
import { renderContext } from "./render-context.js";
import { SearchPage } from "./SearchPage.js";

const ctx = renderContext({
  service: services.en,
  textSize: "md",
  path: "/english/search?q=news",
  publicUrl: "https://news.example.org",
  publisherName: "Meridian",
  now: new Date("2026-11-24T12:00:00Z"),
});

const hit = {
  summary: {
    id: "s1",
    serviceId: "en" as const,
    headline: "Border <talks> & news resume",
    standfirst: "Negotiators return.",
    slug: "border-talks-resume",
    section: "world",
    leadMediaId: null,
    firstPublishedAt: "2026-11-24T09:00:00.000Z",
    updatedAt: null,
    lastModifiedAt: "2026-11-24T09:00:00.000Z",
  },
  headline: [
    { text: "Border <talks> & ", match: false },
    { text: "news", match: true },
    { text: " resume", match: false },
  ],
  snippet: [
    { text: "Fresh ", match: false },
    { text: "news", match: true },
    { text: " from the crossing.", match: false },
  ],
  score: 1,
};

const results = (over: Partial<SearchResults>): SearchResults => ({
  query: "news",
  terms: ["news"],
  total: 1,
  totalCapped: false,
  page: 1,
  pageSize: 20,
  hasMore: false,
  hits: [hit],
  ...over,
});

const chrome = { service: services.en, sections: [], banner: undefined };

/** The page as the reader route renders it, from full-text results. */
function searchPage(found: SearchResults): string {
  return renderHtml(<SearchPage ctx={ctx} chrome={chrome} results={found} />);
}

describe("the search page", () => {
  it("states an exact count", () => {
    const html = searchPage(results({ total: 42, hasMore: true }));
    expect(html).toContain('<p role="status">42 stories found</p>');
  });

  it("states no count when the total is only a lower bound", () => {
    const html = searchPage(results({ total: 500, totalCapped: true, hasMore: true }));
    expect(html).not.toContain("stories found");
    expect(html).toContain('<nav class="pager"');
  });

  it("lists each hit with its matched words marked and its text escaped", () => {
    const html = searchPage(results({}));
    expect(html).toContain(
      '<ol class="results"><li><h2><a href="/english/world/border-talks-resume-s1">' +
        "Border &lt;talks> &amp; <mark>news</mark> resume</a></h2>" +
        "<p>Fresh <mark>news</mark> from the crossing.</p>" +
        '<p class="meta"><time datetime="2026-11-24T09:00:00Z">',
    );
    expect(html).toContain('<p role="status">1 story found</p>');
  });

  it("says so when nothing matched, and prompts before any search", () => {
    expect(searchPage(results({ total: 0, hits: [] }))).toContain(
      '<p class="notice">No stories matched your search. Try fewer or different words.</p>',
    );
    expect(searchPage(results({ query: "", total: 0, hits: [] }))).toContain(
      `<p class="notice">Type one or more words to search this service's stories.</p>`,
    );
  });
});
