import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import RssParser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { ServiceId } from "../../src/domain/services/service-registry.js";
import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import type { Newsdesk } from "../../src/main.js";
import { checkFeed, isRfc822, isRfc3339 } from "../support/feed-rules.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

// Under NodeNext these CommonJS modules expose their classes on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const ninjsDir = join(import.meta.dirname, "../../../shared/data/standards/iptc-ninjs");
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (n) =>
    ["item", "entry", "url", "sitemap", "xhtml:link", "category", "dc:creator"].includes(n),
});
const actor = systemActor("distribution test");

function ninjsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The 2020-12 ninjs schemas $ref GeoJSON; register the local copy under its id (no network).
  const geo = JSON.parse(
    readFileSync(join(ninjsDir, "validation/test_suite/GeoJSON-schema.json"), "utf8"),
  );
  ajv.addSchema(geo, "https://geojson.org/schema/GeoJSON.json");
  const schema = JSON.parse(
    readFileSync(join(ninjsDir, "specification/ninjs-schema_3.1.json"), "utf8"),
  );
  return ajv.compile(schema);
}

const services: { id: ServiceId; prefix: string; rss: string; atom: string; news: string }[] = [
  { id: "fa", prefix: "persian", rss: "fa", atom: "fa", news: "fa" },
  { id: "zh-Hans", prefix: "chinese", rss: "zh-cn", atom: "zh-Hans", news: "zh-cn" },
];

describe.each(dialects)("distribution over HTTP on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let key: string;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    key = (
      await newsdesk.services.apiKeys.issue(systemActor("test"), {
        name: "test",
        rateLimitPerMinute: 1000,
      })
    ).key;
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  const api = (path: string, headers: Record<string, string> = {}) =>
    newsdesk.app.request(path, { headers: { Authorization: `Bearer ${key}`, ...headers } });
  const storyIds = async (service: ServiceId) => {
    const body = (await (await api(`/api/v1/stories?service=${service}&limit=100`)).json()) as {
      data: { id: string; headline: string }[];
    };
    return body.data;
  };

  describe.each(services)("$prefix feeds", (svc) => {
    it("serves RSS 2.0 that passes our rules and parses back to the published stories", async () => {
      const res = await newsdesk.app.request(`/${svc.prefix}/feeds/rss.xml?content=full`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
      const body = await res.text();
      expect(checkFeed(body).filter((i) => i.severity === "error")).toEqual([]);
      expect(checkFeed(body)).toEqual([]);
      const channel = xml.parse(body).rss.channel;
      expect(channel.language).toBe(svc.rss);
      const atomLinks: { "@rel": string; "@href": string }[] = channel["atom:link"];
      expect(atomLinks.map((link) => link["@rel"])).toEqual(["self", "related", "related"]);
      // The signed mirror list travels with the feed (issue 16).
      expect(atomLinks.slice(1).map((link) => link["@href"])).toEqual([
        "https://news.example.org/mirrors.json",
        "https://news.example.org/mirrors.json.minisig",
      ]);
      const published = await storyIds(svc.id);
      expect(
        channel.item
          .map((i: { guid: { "#text": string } }) => i.guid["#text"].split("/").at(-1))
          .sort(),
      ).toEqual(published.map((s) => s.id).sort());
      for (const item of channel.item) {
        expect(isRfc822(item.pubDate)).toBe(true);
        expect(item["content:encoded"]).toMatch(/^<(p|figure)>/);
        expect(item["content:encoded"]).not.toMatch(/<script|on\w+=/i);
      }
      // rss-parser: the independent parser the issue names reads the same items back.
      const parsed = await new RssParser().parseString(body);
      expect(parsed.items.map((i) => i.title)).toEqual(
        channel.item.map((i: { title: string }) => i.title),
      );
      expect(
        parsed.items.every((i) => typeof i.link === "string" && i.link.startsWith("https://")),
      ).toBe(true);
    });

    it("serves Atom 1.0 with xml:lang and RFC 3339 dates", async () => {
      const res = await newsdesk.app.request(`/${svc.prefix}/feeds/atom.xml`);
      expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const body = await res.text();
      expect(checkFeed(body)).toEqual([]);
      const feed = xml.parse(body).feed;
      expect(feed["@xml:lang"]).toBe(svc.atom);
      expect(isRfc3339(feed.updated)).toBe(true);
      expect(
        feed.link
          .filter((link: { "@rel": string }) => link["@rel"] === "related")
          .map((link: { "@href": string }) => link["@href"]),
      ).toEqual([
        "https://news.example.org/mirrors.json",
        "https://news.example.org/mirrors.json.minisig",
      ]);
      for (const entry of feed.entry) {
        expect(entry.id).toMatch(/^tag:news\.example\.org,\d{4}-\d{2}-\d{2}:story\/[0-9a-z]{12}$/);
        expect(isRfc3339(entry.updated) && isRfc3339(entry.published)).toBe(true);
        expect(entry["@xml:lang"]).toBe(svc.atom);
      }
    });

    it("serves JSON Feed 1.1 with language on the feed and every item", async () => {
      const res = await newsdesk.app.request(`/${svc.prefix}/feeds/feed.json`);
      expect(res.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
      const feed = (await res.json()) as {
        version: string;
        language: string;
        items: {
          id: string;
          content_text?: string;
          content_html?: string;
          language: string;
          date_published: string;
        }[];
      };
      expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
      expect(feed.language).toBe(svc.atom);
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.content_text ?? item.content_html).toBeTruthy();
        expect(item.language).toBe(svc.atom);
        expect(isRfc3339(item.date_published)).toBe(true);
      }
    });

    it("answers 304 to If-None-Match and If-Modified-Since", async () => {
      const first = await newsdesk.app.request(`/${svc.prefix}/feeds/rss.xml`);
      const etag = first.headers.get("etag") ?? "";
      const lastModified = first.headers.get("last-modified") ?? "";
      expect(etag).toMatch(/^"[\w-]+"$/);
      const byTag = await newsdesk.app.request(`/${svc.prefix}/feeds/rss.xml`, {
        headers: { "If-None-Match": etag },
      });
      expect(byTag.status).toBe(304);
      const byDate = await newsdesk.app.request(`/${svc.prefix}/feeds/rss.xml`, {
        headers: { "If-Modified-Since": lastModified },
      });
      expect(byDate.status).toBe(304);
    });

    it("publishes a sitemap index, story sitemaps and a Google News sitemap", async () => {
      const index = xml.parse(
        await (await newsdesk.app.request(`/${svc.prefix}/sitemap.xml`)).text(),
      );
      const locs: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
      expect(locs).toContain(`https://news.example.org/${svc.prefix}/sitemap-stories-1.xml`);
      const stories = xml.parse(
        await (await newsdesk.app.request(`/${svc.prefix}/sitemap-stories-1.xml`)).text(),
      );
      const published = await storyIds(svc.id);
      expect(stories.urlset.url).toHaveLength(published.length);
      for (const url of stories.urlset.url) {
        expect(url.loc).toMatch(new RegExp(`^https://news\\.example\\.org/${svc.prefix}/`));
        expect(isRfc3339(url.lastmod)).toBe(true);
      }
      const news = xml.parse(
        await (await newsdesk.app.request(`/${svc.prefix}/sitemap-news.xml`)).text(),
      );
      for (const url of news.urlset.url) {
        expect(url["news:news"]["news:publication"]["news:language"]).toBe(svc.news);
        expect(url["news:news"]["news:publication"]["news:name"]).toBeTruthy();
        expect(isRfc3339(url["news:news"]["news:publication_date"])).toBe(true);
      }
    });
  });

  it("lists only the last two days in the news sitemap", async () => {
    const news = xml.parse(await (await newsdesk.app.request("/english/sitemap-news.xml")).text());
    const all = await storyIds("en");
    // The demo's concert-hall story was published 50 hours ago: in the sitemap, not the news.
    expect(news.urlset.url.length).toBe(all.length - 1);
    expect(JSON.stringify(news)).not.toContain("concert-hall");
  });

  it("robots.txt points at every service's sitemaps", async () => {
    const robots = await (await newsdesk.app.request("/robots.txt")).text();
    expect(robots).toContain("Sitemap: https://news.example.org/persian/sitemap.xml");
    expect(robots).toContain("Sitemap: https://news.example.org/chinese/sitemap-news.xml");
  });

  it("links translations with reciprocal hreflang alternates", async () => {
    const [english] = await storyIds("en");
    if (!english) throw new Error("no english story");
    const source = await newsdesk.services.stories.create(actor, {
      serviceId: "fa",
      familyId: (await newsdesk.repositories.stories.findStory(english.id))?.familyId ?? english.id,
      content: persianContent({ headline: "ترجمه", slug: "ترجمه" }),
    });
    await newsdesk.services.stories.publish(actor, source.story.id, { mode: "first" });
    const en = await (await newsdesk.app.request("/english/sitemap-stories-1.xml")).text();
    const fa = await (await newsdesk.app.request("/persian/sitemap-stories-1.xml")).text();
    const links = (doc: string, id: string) =>
      (
        xml.parse(doc).urlset.url as {
          loc: string;
          "xhtml:link"?: { "@hreflang": string; "@href": string }[];
        }[]
      )
        .find((u) => u.loc.endsWith(id))
        ?.["xhtml:link"]?.map((l) => `${l["@hreflang"]} ${l["@href"]}`)
        .sort();
    const fromEn = links(en, english.id);
    const fromFa = links(fa, source.story.id);
    expect(fromEn).toHaveLength(3);
    expect(fromEn).toEqual(fromFa);
    expect(fromEn?.[0]).toMatch(/^en https:/);
    expect(fromEn?.[1]).toMatch(/^fa https:/);
    // The family's source, as on the story pages themselves.
    expect(fromEn?.[2]).toBe(`x-default ${fromEn?.[0]?.slice(3)}`);
  });

  it("drops a killed story from feeds, sitemaps and the API at once, and ninjs says canceled", async () => {
    const [victim] = await storyIds("zh-Hans");
    if (!victim) throw new Error("no chinese story");
    const before = await newsdesk.app.request("/chinese/feeds/rss.xml");
    await newsdesk.services.stories.kill(actor, victim.id, "Legal");
    const after = await newsdesk.app.request("/chinese/feeds/rss.xml", {
      headers: { "If-None-Match": before.headers.get("etag") ?? "" },
    });
    expect(after.status).toBe(200);
    expect(await after.text()).not.toContain(victim.id);
    expect(
      await (await newsdesk.app.request("/chinese/sitemap-stories-1.xml")).text(),
    ).not.toContain(victim.id);
    expect((await api(`/api/v1/stories/${victim.id}`)).status).toBe(404);
    const ninjs = (await (await api(`/api/v1/ninjs/stories/${victim.id}`)).json()) as {
      pubStatus: string;
    };
    expect(ninjs.pubStatus).toBe("canceled");
    expect(ninjsValidator()(ninjs)).toBe(true);
  });

  it("produces ninjs 3.1 that IPTC's schema accepts for every published story", async () => {
    const validate = ninjsValidator();
    let count = 0;
    for (const svc of ["en", "fa", "ru", "zh-Hans"] as const) {
      for (const story of await storyIds(svc)) {
        const doc = await (await api(`/api/v1/ninjs/stories/${story.id}`)).json();
        expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
        expect((doc as { headlines: { value: string }[] }).headlines[0]?.value).toBe(
          story.headline,
        );
        count += 1;
      }
    }
    expect(count).toBeGreaterThanOrEqual(9);
  });

  it("puts NewsArticle JSON-LD on story pages, safe even when the text contains </script>", async () => {
    const hostile = 'Breakout </script><script>alert("x")</script> & <!-- test';
    // Reuse the lead photo of a demo story, which the media library cropped three ways.
    let leadFigure: StoryContent["leadFigure"] = null;
    for (const demo of await storyIds("fa")) {
      const head = await newsdesk.repositories.stories.findStory(demo.id);
      const revision = await newsdesk.repositories.stories.findRevision(
        head?.publishedRevisionId ?? "",
      );
      leadFigure = leadFigure ?? revision?.content.leadFigure ?? null;
    }
    expect(leadFigure).not.toBeNull();
    const { story } = await newsdesk.services.stories.create(actor, {
      serviceId: "fa",
      content: persianContent({
        headline: hostile,
        standfirst: hostile,
        slug: "breakout",
        leadFigure,
      }),
    });
    await newsdesk.services.stories.publish(actor, story.id, { mode: "first" });
    await newsdesk.services.stories.correct(actor, story.id, { text: "</SCRIPT> fixed" });
    const page = await (await newsdesk.app.request(`/persian/world/breakout-${story.id}`)).text();
    const blocks = [
      ...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g),
    ].map((m) => JSON.parse(m[1] ?? ""));
    expect(blocks).toHaveLength(2);
    // The story's own "</script><script>" never reaches the page as markup.
    expect(page).not.toContain('<script>alert("x")');
    const article = blocks.find((b) => b["@type"] === "NewsArticle");
    expect(article.headline).toBe(hostile);
    expect(article.description).toBe(hostile);
    expect(article.inLanguage).toBe("fa");
    expect(article.isAccessibleForFree).toBe(true);
    expect(article.url).toBe(`https://news.example.org/persian/world/breakout-${story.id}`);
    expect(isRfc3339(article.datePublished) && isRfc3339(article.dateModified)).toBe(true);
    expect(article.author).toEqual([
      {
        "@type": "Person",
        name: "نسرین احمدی",
        url: "https://news.example.org/persian/people/nasrin-ahmadi",
      },
      {
        "@type": "Organization",
        name: expect.any(String),
        url: "https://news.example.org/persian/desks/meridian-persian",
      },
    ]);
    expect(article.publisher).toEqual({
      "@type": "Organization",
      name: "Meridian News Network",
      url: "https://news.example.org/",
      logo: {
        "@type": "ImageObject",
        url: "https://news.example.org/brand/publisher-logo.png",
        width: 512,
        height: 512,
      },
    });
    expect(article.correction).toEqual([
      { "@type": "CorrectionComment", text: "</SCRIPT> fixed", datePublished: expect.any(String) },
    ]);
    const ratios = (article.image as { width: number; height: number }[]).map((i) =>
      (i.width / i.height).toFixed(2),
    );
    expect(ratios).toEqual(["1.78", "1.33", "1.00"]);
    for (const image of article.image as { width: number; height: number }[])
      expect(image.width * image.height).toBeGreaterThanOrEqual(50_000);
    const crumbs = blocks.find((b) => b["@type"] === "BreadcrumbList");
    expect(crumbs.itemListElement.map((c: { position: number }) => c.position)).toEqual([1, 2, 3]);
    expect(page).toContain('<meta property="og:type" content="article"/>');
    expect(page).toContain('<meta property="og:locale" content="fa_IR"/>');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    // X reads title, description and image from Open Graph when its own tags are absent
    // (Cards markup reference): the card type is the one tag it needs, and each repeated
    // Persian headline or standfirst costs two bytes a letter on every story page.
    expect(page.match(/<meta name="twitter:[^"]+"/g)).toEqual(['<meta name="twitter:card"']);
    expect(page).toMatch(/<meta property="og:title" content="[^"]+"\/>/);
    expect(page).toMatch(/<meta property="og:image" content="https:[^"]+"\/>/);
    expect(page).toContain(
      '<meta property="article:author" content="https://news.example.org/persian/people/nasrin-ahmadi"/>',
    );
    expect(page).toContain(
      // Root-relative (issue 16): feed autodiscovery works under any host name.
      '<link rel="alternate" type="application/rss+xml" title="مریدین فارسی (RSS)" href="/persian/feeds/rss.xml"/>',
    );
  });

  it("advertises scoped feeds on list pages", async () => {
    const page = await (await newsdesk.app.request("/english/topics/diplomacy")).text();
    expect(page).toContain(
      'type="application/atom+xml" title="Topic: Diplomacy - Meridian News (Atom)" href="/english/topics/diplomacy/feeds/atom.xml"',
    );
    const feed = await newsdesk.app.request("/english/topics/diplomacy/feeds/atom.xml");
    expect(feed.status).toBe(200);
    expect((await newsdesk.app.request("/english/people/lena-okafor/feeds/feed.json")).status).toBe(
      200,
    );
    expect((await newsdesk.app.request("/english/desks/meridian-news/feeds/rss.xml")).status).toBe(
      200,
    );
    expect((await newsdesk.app.request("/english/topics/no-such-topic/feeds/rss.xml")).status).toBe(
      404,
    );
  });
});

function persianContent(overrides: Partial<StoryContent>): StoryContent {
  return {
    headline: "خبر",
    standfirst: "خلاصه",
    dateline: "تهران",
    slug: "khabar",
    section: "world",
    topics: [],
    leadFigure: null,
    body: [{ type: "paragraph", content: [{ text: "متن خبر." }] }],
    bylines: [
      { kind: "person", personId: "nasrin-ahmadi", role: "author" },
      { kind: "desk", deskId: "meridian-persian" },
    ],
    agencies: [],
    ...overrides,
  };
}
