import { describe, expect, it } from "vitest";
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

const chrome = { service: services.en, sections: [], banner: undefined };

const results = (total: number, totalCapped: boolean) => ({
  query: "news",
  terms: ["news"],
  total,
  totalCapped,
  page: 1,
  pageSize: 20,
  hasMore: true,
  hits: [],
});

describe("the search page", () => {
  it("states an exact count", () => {
    const html = renderHtml(<SearchPage ctx={ctx} chrome={chrome} results={results(42, false)} />);
    expect(html).toContain('<p role="status">42 stories found</p>');
  });

  it("states no count when the total is only a lower bound", () => {
    const html = renderHtml(<SearchPage ctx={ctx} chrome={chrome} results={results(500, true)} />);
    expect(html).not.toContain("stories found");
    expect(html).toContain('<nav class="pager"');
  });
});
