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

const model = (total: number, totalCapped: boolean) => ({
  service: services.en,
  sections: [],
  banner: undefined,
  stories: [],
  media: new Map(),
  page: 1,
  hasMore: true,
  query: "news",
  total,
  totalCapped,
});

describe("the search page", () => {
  it("states an exact count", () => {
    const html = renderHtml(<SearchPage ctx={ctx} model={model(42, false)} />);
    expect(html).toContain('<p role="status">42 stories found</p>');
  });

  it("states no count when the total is only a lower bound", () => {
    const html = renderHtml(<SearchPage ctx={ctx} model={model(500, true)} />);
    expect(html).not.toContain("stories found");
    expect(html).toContain('<nav class="pager"');
  });
});
