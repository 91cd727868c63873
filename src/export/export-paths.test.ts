import { describe, expect, it } from "vitest";
import { filePathOf, isStoryKey, pageKeyOf, relativeLink } from "./export-paths.js";
import { rewritePage } from "./rewrite-links.js";

const scope = { urlPrefix: "persian", publicOrigin: "https://news.example.org" };
const key = (url: string) => pageKeyOf(new URL(url, scope.publicOrigin), scope);

describe("export paths", () => {
  it("maps the edition's pages to files, keeping only the page number of the query", () => {
    expect(key("/persian/")).toBe("/persian/");
    expect(key("/persian")).toBe("/persian/");
    expect(key("/persian/world?page=3&x=1")).toBe("/persian/world?page=3");
    expect(key("/persian/world?page=1")).toBe("/persian/world");
    expect(key("/english/world")).toBeUndefined();
    expect(key("/_/edition?to=english")).toBeUndefined();
    expect(key("https://elsewhere.example/persian/")).toBeUndefined();
    expect(filePathOf("/persian/", scope)).toBe("index.html");
    expect(filePathOf("/persian/world", scope)).toBe("world/index.html");
    expect(filePathOf("/persian/world?page=3", scope)).toBe("world/page/3/index.html");
    expect(filePathOf("/persian/feeds/rss.xml", scope)).toBe("feeds/rss.xml");
    expect(filePathOf("/media/abc/16x9-640.jpg", scope)).toBe("_assets/media/abc/16x9-640.jpg");
  });

  it("stores Persian slugs as UTF-8 file names and links to them percent-encoded", () => {
    const story = key("/persian/world/%D8%B3%D9%84%D8%A7%D9%85-abcdefghijkl");
    expect(story).toBe("/persian/world/%D8%B3%D9%84%D8%A7%D9%85-abcdefghijkl");
    expect(filePathOf(story ?? "", scope)).toBe("world/سلام-abcdefghijkl/index.html");
    expect(relativeLink("world/index.html", "world/سلام-abcdefghijkl/index.html")).toBe(
      "%D8%B3%D9%84%D8%A7%D9%85-abcdefghijkl/index.html",
    );
    expect(isStoryKey(story ?? "", scope)).toBe(true);
    expect(isStoryKey("/persian/topics/climate-abcdefghijkl", scope)).toBe(false);
  });

  it("never writes outside the export directory", () => {
    expect(() => filePathOf("/persian/%2E%2E/%2E%2E/etc/passwd", scope)).toThrow(/outside/);
  });

  it("rewrites a page: local files, canonical kept, other editions and cookie forms dropped", () => {
    const html =
      '<link rel="canonical" href="https://news.example.org/persian/world"/>' +
      '<link rel="alternate" hreflang="en" href="https://news.example.org/english/world"/>' +
      '<a href="/persian/">home</a><a href="/_/edition?to=english">English</a>' +
      '<a href="https://news.example.org/persian/world?page=2&amp;x=1">next</a>' +
      '<img src="/media/m1/16x9-320.jpg" srcset="/media/m1/16x9-320.jpg 320w, /media/m1/16x9-640.jpg 640w"/>' +
      '<a href="https://other.example/">source</a>' +
      '<form class="ts" method="get" action="/_/text-size"><button>A</button></form>' +
      '<form class="search" method="get" action="/persian/search"></form>';
    const result = rewritePage(html, "/persian/world", scope, "search/index.html");
    expect(result.html).toBe(
      '<link rel="canonical" href="https://news.example.org/persian/world"/>' +
        '<link rel="alternate" hreflang="en" href="https://news.example.org/english/world"/>' +
        '<a href="../index.html">home</a><a>English</a>' +
        '<a href="page/2/index.html">next</a>' +
        '<img src="../_assets/media/m1/16x9-320.jpg" srcset="../_assets/media/m1/16x9-320.jpg 320w, ../_assets/media/m1/16x9-640.jpg 640w"/>' +
        '<a href="https://other.example/">source</a>' +
        '<form class="search" method="get" action="../search/index.html"></form>',
    );
    expect(result.links.sort()).toEqual([
      "/media/m1/16x9-320.jpg",
      "/media/m1/16x9-640.jpg",
      "/persian/",
      "/persian/world?page=2",
    ]);
  });
});
