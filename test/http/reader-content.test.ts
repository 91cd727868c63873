import { brotliDecompressSync, gunzipSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { serviceEditions } from "../../src/domain/services/service-registry.js";
import { locales } from "../../src/i18n/locale-registry.js";
import type { Newsdesk } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * What readers and machines see of the demo newsroom: bylines in each script, complete
 * NewsArticle structured data, heading order, icons and manifests, compressed error pages.
 * Rendering does not depend on the SQL dialect (reader-http.test.ts runs both), so this
 * suite seeds one SQLite database.
 */

let newsdesk: Newsdesk & { dispose(): Promise<void> };

beforeAll(async () => {
  // A fixed moment: the footer shows its year; the demo is seeded relative to it.
  newsdesk = await startTestNewsdesk("sqlite", {
    clock: { now: () => new Date("2026-11-24T12:00:00Z") },
  });
});
afterAll(async () => {
  await newsdesk?.dispose();
});

async function page(path: string, headers: Record<string, string> = {}) {
  const response = await newsdesk.app.request(path, { headers });
  return { response, html: await response.text() };
}

/** The story linked from a service's home page under exactly this headline. */
async function storyPath(prefix: string, headline: string): Promise<string> {
  const { html } = await page(`/${prefix}/`);
  for (const match of html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)) {
    if (match[2] === headline && match[1]) return match[1];
  }
  throw new Error(`no link to "${headline}" on /${prefix}/`);
}

/** The text of an element's content, tags removed. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, "");
}

function jsonLd(html: string, type: string): Record<string, unknown> {
  for (const match of html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)) {
    const value = JSON.parse(match[1] ?? "null") as Record<string, unknown>;
    if (value["@type"] === type) return value;
  }
  throw new Error(`no ${type} JSON-LD`);
}

/** Heading levels in document order. */
function headingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
}

const multiAuthor = [
  {
    prefix: "persian",
    headline: "کاروان‌های کمک در مرز متوقف ماندند؛ مذاکرات بندر به بن‌بست رسید",
    byline: "نوشته نسرین احمدی،\u200f کاوه راد، و مریدین فارسی",
    contributor:
      '<a href="/persian/people/nasrin-ahmadi"><bdi>نسرین احمدی</bdi></a>، <span class="role"><bdi>خبرنگار</bdi></span>',
  },
  {
    prefix: "arabic",
    headline: "قوافل المساعدات عالقة على الحدود بعد انهيار محادثات الميناء",
    byline: "بقلم سلمى ناصر وكريم عادل وميريديان عربي",
    contributor:
      '<a href="/arabic/people/karim-adel"><bdi>كريم عادل</bdi></a>، <span class="role"><bdi>محرر</bdi></span>',
  },
  {
    prefix: "chinese",
    headline: "港口谈判破裂 援助车队滞留边境",
    byline: "作者：李文、王芳和子午线新闻",
    contributor:
      '<a href="/chinese/people/wang-fang"><bdi>王芳</bdi></a>，<span class="role"><bdi>编辑</bdi></span>',
  },
  {
    prefix: "amharic",
    headline: "የወደብ ድርድሩ በመክሸፉ የእርዳታ መኪኖች ድንበር ላይ ቆሙ",
    byline: "ጸሐፊ፡ ሰላም ተስፋዬ፣ ዮሐንስ በቀለ እና ሜሪዲያን አማርኛ",
    contributor:
      '<a href="/amharic/people/yohannes-bekele"><bdi>ዮሐንስ በቀለ</bdi></a>፣ <span class="role"><bdi>አርታኢ</bdi></span>',
  },
  {
    prefix: "urdu",
    headline: "بندرگاہ پر مذاکرات ناکام، امدادی قافلے سرحد پر رک گئے",
    byline: "تحریر: عائشہ ملک، بلال احمد، اور میریڈین اردو",
    contributor:
      '<a href="/urdu/people/bilal-ahmed"><bdi>بلال احمد</bdi></a>، <span class="role"><bdi>مدیر</bdi></span>',
  },
];

describe("bylines of stories by two people and a desk", () => {
  it.each(multiAuthor)("joins the names with $prefix list punctuation", async (story) => {
    const { html } = await page(await storyPath(story.prefix, story.headline));
    const byline = /<p class="byline">(.*?)<\/p>/s.exec(html)?.[1] ?? "";
    expect(text(byline)).toBe(story.byline);
    expect(html).toContain(story.contributor);
    expect(html).not.toMatch(
      /[\u0600-\u06ff\u1200-\u137f\u4e00-\u9fff], [\u0600-\u06ff\u1200-\u137f\u4e00-\u9fff]/u,
    );
  });

  it("credits agencies with the language's list", async () => {
    const { html } = await page(await storyPath("urdu", multiAuthor[4]?.headline ?? ""));
    expect(html).toContain('<p class="agency-note">');
    expect(text(/<p class="agency-note">(.*?)<\/p>/s.exec(html)?.[1] ?? "")).toContain(
      "AFP اور Reuters",
    );
  });
});

describe("NewsArticle structured data", () => {
  it("names the people and the desk, the publisher with its logo, the lead image and dates", async () => {
    const { html } = await page(await storyPath("urdu", multiAuthor[4]?.headline ?? ""));
    const article = jsonLd(html, "NewsArticle");
    expect(article.author).toEqual([
      {
        "@type": "Person",
        name: "عائشہ ملک",
        url: "https://news.example.org/urdu/people/ayesha-malik",
      },
      {
        "@type": "Person",
        name: "بلال احمد",
        url: "https://news.example.org/urdu/people/bilal-ahmed",
      },
      {
        "@type": "Organization",
        name: "میریڈین اردو",
        url: "https://news.example.org/urdu/desks/meridian-urdu",
      },
    ]);
    const images = article.image as { url: string; width: number; height: number }[];
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image.url).toMatch(/^https:\/\/news\.example\.org\/media\//);
    expect(article.dateModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
    await expectPublisherWithPngLogo(article);
  });

  it("signs a story without byline with the service, and shows it with the default image", async () => {
    const { html } = await page(
      await storyPath("urdu", "دریا میں پانی کی ریکارڈ کم سطح سے ڈیلٹا میں فصلوں کو خطرہ"),
    );
    const article = jsonLd(html, "NewsArticle");
    expect(article.author).toEqual([
      { "@type": "Organization", name: "میریڈین اردو", url: "https://news.example.org/urdu/" },
    ]);
    const [image] = article.image as { url: string; width: number; height: number }[];
    expect(image).toMatchObject({ width: 1200, height: 675 });
    const png = await fetchPng(image?.url ?? "");
    expect(png).toMatchObject({ format: "png", width: 1200, height: 675 });
    expect(html).toContain(`<meta property="og:image" content="${image?.url}"/>`);
    expect(article.dateModified).toEqual(expect.any(String));
    await expectPublisherWithPngLogo(article);
  });

  async function expectPublisherWithPngLogo(article: Record<string, unknown>) {
    const publisher = article.publisher as { name: string; logo: { url: string; width: number } };
    expect(publisher.name).toBe("Meridian News Network");
    const png = await fetchPng(publisher.logo.url);
    expect(png.format).toBe("png");
    expect(png.width).toBe(publisher.logo.width);
    expect(png.width).toBeGreaterThanOrEqual(112);
  }

  async function fetchPng(url: string) {
    const response = await newsdesk.app.request(url.replace("https://news.example.org", ""));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    return sharp(Buffer.from(await response.arrayBuffer())).metadata();
  }
});

describe("the home page", () => {
  it.each([
    ["english", "The latest news from Meridian News."],
    ["persian", "تازه‌ترین خبرهای مریدین فارسی."],
  ])("has a meta description in the service's language on /%s/", async (prefix, description) => {
    const { html } = await page(`/${prefix}/`);
    expect(html).toContain(`<meta name="description" content="${description}"/>`);
  });

  it.each([
    ["persian", "© ۲۰۲۶ شبکه خبری مریدین. همه حقوق محفوظ است."],
    ["chinese", "© 2026 子午线新闻网。保留所有权利。"],
    ["english", "© 2026 Meridian News Network. All rights reserved."],
  ])("names the publisher in the footer in the language of /%s/", async (prefix, line) => {
    const { html } = await page(`/${prefix}/`);
    // The footer holds the language picker, then the rights line.
    const footer = /<footer class="site-foot">(.*?)<\/footer>/su.exec(html)?.[1] ?? "";
    expect(footer).toContain(`<p>${line}</p>`);
  });

  it("labels an updated top story as updated", async () => {
    const { html } = await page("/english/");
    const top = /<section class="top-story[^"]*"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? "";
    expect(top).toMatch(/<span class="tag-updated">Updated<\/span><time datetime="[^"]+">/);
  });

  it("gives a top story without a picture the whole width, no empty picture column", async () => {
    const { html } = await page("/french/");
    expect(html).toContain('<section class="top-story text-only" aria-labelledby="top-h">');
    expect(html).not.toMatch(/<section class="top-story[^"]*"[^>]*><div><\/div>/);
  });
});

describe("heading order", () => {
  const pages = [
    "/english/",
    "/english/world",
    "/english/topics/climate",
    "/english/people/lena-okafor",
    "/english/desks/meridian-news",
    "/english/search?q=river",
    "/english/search",
    "/english/no-such-section",
    "/persian/",
    "/persian/world",
  ];
  it.each(pages)("starts at h1 and skips no level on %s", async (path) => {
    const levels = headingLevels((await page(path)).html);
    expect(levels[0], path).toBe(1);
    expect(
      levels.filter((l) => l === 1),
      path,
    ).toHaveLength(1);
    for (let i = 1; i < levels.length; i += 1) {
      expect(levels[i] ?? 0, `${path}: h${levels[i - 1]} then h${levels[i]}`).toBeLessThanOrEqual(
        (levels[i - 1] ?? 0) + 1,
      );
    }
  });

  it.each(multiAuthor)("starts at h1 and skips no level on the $prefix story", async (story) => {
    const levels = headingLevels((await page(await storyPath(story.prefix, story.headline))).html);
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i += 1) {
      expect(levels[i] ?? 0).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1);
    }
  });
});

describe("icons and web app manifests", () => {
  it.each(serviceEditions.map((s) => [s.urlPrefix, s] as const))(
    "serves /%s/manifest.webmanifest in the service's language, linked from its pages",
    async (prefix, service) => {
      const response = await newsdesk.app.request(`/${prefix}/manifest.webmanifest`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
      const manifest = JSON.parse(await response.text()) as Record<string, unknown>;
      expect(manifest).toMatchObject({
        name: service.name,
        lang: service.locale,
        dir: locales[service.locale].dir,
        // Relative to the manifest's own URL, so mirrors and path prefixes keep it working.
        start_url: "./",
        scope: "./",
      });
      const { html } = await page(`/${prefix}/`);
      expect(html).toContain(`<link rel="manifest" href="/${prefix}/manifest.webmanifest"/>`);
      expect(html).toContain(
        '<link rel="icon" type="image/png" sizes="32x32" href="/brand/icon-32.png"/>',
      );
    },
  );

  it("names each manifest in the service's own script", async () => {
    const persian = await (await newsdesk.app.request("/persian/manifest.webmanifest")).json();
    expect(persian).toMatchObject({ name: "مریدین فارسی", lang: "fa", dir: "rtl" });
    const latin = await (await newsdesk.app.request("/serbian/manifest.webmanifest")).json();
    expect(latin).toMatchObject({ name: "Meridijan na srpskom", lang: "sr-Latn" });
    const cyrillic = await (
      await newsdesk.app.request("/serbian-cyrillic/manifest.webmanifest")
    ).json();
    expect(cyrillic).toMatchObject({ name: "Меридијан на српском", lang: "sr-Cyrl" });
  });

  it("serves every icon the manifest names as a PNG of its stated size", async () => {
    const manifest = (await (
      await newsdesk.app.request("/english/manifest.webmanifest")
    ).json()) as {
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of [...manifest.icons, { src: "/brand/icon-32.png", sizes: "32x32" }]) {
      const url = new URL(icon.src, "https://news.example.org/english/manifest.webmanifest");
      const response = await newsdesk.app.request(url.pathname);
      expect(response.headers.get("content-type")).toBe("image/png");
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(`${meta.width}x${meta.height}`).toBe(icon.sizes);
    }
    expect((await newsdesk.app.request("/brand/nope.png")).status).toBe(404);
  });
});

describe("error pages", () => {
  it("sends a 404 page compressed with brotli or gzip, as the client accepts", async () => {
    const br = await newsdesk.app.request("/persian/no-such-section", {
      headers: { "Accept-Encoding": "gzip, deflate, br" },
    });
    expect(br.status).toBe(404);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toContain("Accept-Encoding");
    const html = brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString();
    expect(html).toContain('<html lang="fa" dir="rtl"');
    const gzip = await newsdesk.app.request("/no-such-service/at-all", {
      headers: { "Accept-Encoding": "gzip" },
    });
    expect(gzip.status).toBe(404);
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toContain(
      "Page not found",
    );
    const plain = await newsdesk.app.request("/persian/no-such-section");
    expect(plain.headers.get("content-encoding")).toBeNull();
  });

  it("sends a killed story's 410 page compressed", async () => {
    const path = await storyPath(
      "french",
      "Le niveau du fleuve au plus bas menace les récoltes du delta",
    );
    await newsdesk.services.stories.kill(systemActor("test"), path.slice(-12), "Legal");
    const headers = { "Accept-Encoding": "br" };
    const first = await newsdesk.app.request(path, { headers });
    expect(first.status).toBe(410);
    const firstHtml =
      first.headers.get("content-encoding") === "br"
        ? brotliDecompressSync(Buffer.from(await first.arrayBuffer())).toString()
        : await first.text();
    await newsdesk.pageCache.settle();
    const again = await newsdesk.app.request(path, { headers });
    expect(again.status).toBe(410);
    expect(again.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await again.arrayBuffer())).toString()).toBe(firstHtml);
  });

  it("answers 404 for a page number past the end of a list, 200 for the first page", async () => {
    for (const path of [
      "/english/world",
      "/english/topics/climate",
      "/english/people/lena-okafor",
      "/english/desks/meridian-news",
    ]) {
      expect((await newsdesk.app.request(path)).status, path).toBe(200);
      expect((await newsdesk.app.request(`${path}?page=2`)).status, path).toBe(404);
      expect((await newsdesk.app.request(`${path}?page=400`)).status, path).toBe(404);
    }
  });
});
