import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { Newsdesk } from "../../src/main.js";
import { hostileSearchQueries } from "../support/hostile-search-queries.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * Percent-encodes a query value as a browser would, lone surrogates included: those have
 * no UTF-8 form, so they go as their WTF-8 bytes (an invalid UTF-8 sequence on the wire).
 */
function encodeQueryValue(value: string): string {
  return [...value]
    .map((ch) =>
      ch.isWellFormed()
        ? encodeURIComponent(ch)
        : `%${(0xe0 | (ch.charCodeAt(0) >> 12)).toString(16)}%${(0x80 | ((ch.charCodeAt(0) >> 6) & 0x3f)).toString(16)}%${(0x80 | (ch.charCodeAt(0) & 0x3f)).toString(16)}`,
    )
    .join("");
}

/** Finds the first story link of a service front page. */
async function firstStoryPath(newsdesk: Newsdesk, prefix: string): Promise<string> {
  const html = await (await newsdesk.app.request(`/${prefix}/`)).text();
  const match = new RegExp(`href="(/${prefix}/[a-z-]+/[^"]+-[0-9a-z]{12})"`).exec(html);
  if (!match?.[1]) throw new Error(`no story link on /${prefix}/`);
  return match[1];
}

describe.each(dialects)("reader HTTP on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let storyPath: string;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    storyPath = await firstStoryPath(newsdesk, "english");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("redirects / to the default service and serves /healthz and /readyz", async () => {
    const root = await newsdesk.app.request("/");
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/english/");
    const health = await newsdesk.app.request("/healthz");
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await newsdesk.app.request("/readyz");
    expect(await ready.json()).toEqual({ status: "ready", database: "ok", migrations: "current" });
  });

  it("reads the service's sections once for a story page that is not cached", async () => {
    const catalog = newsdesk.repositories.catalog;
    const listSections = catalog.listSections.bind(catalog);
    let reads = 0;
    catalog.listSections = (serviceId) => {
      reads++;
      return listSections(serviceId);
    };
    try {
      newsdesk.pageCache.clear();
      const response = await newsdesk.app.request(storyPath);
      expect(response.status).toBe(200);
      // The chrome's list names the story's section too (issue 18: fewer round trips).
      expect(reads).toBe(1);
    } finally {
      catalog.listSections = listSections;
    }
  });

  it("renders the flagship story with every element of the reference page", async () => {
    const response = await newsdesk.app.request(storyPath);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8/i);
    const html = await response.text();
    expect(html).toContain('<html lang="en" dir="ltr" data-service="en">');
    expect(html).toContain('<nav aria-label="Accessibility links">');
    expect(html).toContain('<a href="#main">Skip to main content</a>');
    expect(html).toContain('<a href="#nav">Skip to navigation</a>');
    expect(html).toContain('<a href="#search-q">Skip to search</a>');
    expect(html).toMatch(
      /<section class="breaking" id="breaking" aria-labelledby="breaking-label"><div class="wrap"><strong id="breaking-label">Breaking News<\/strong><a href="\/english\/world\/aid-convoys/,
    );
    expect(html).toContain("<h1>Aid Convoys Stall at Border as Port Talks Break Down</h1>");
    expect(html).toMatch(/<span class="tag-updated">Updated<\/span><time datetime="[^"]+Z">/);
    expect(html).toContain('<span class="dateline">KESSARA, Northern Province — </span>');
    // Two photos, each with exactly one caption holding caption and credit.
    const article = /<article class="story">.*<\/article>/s.exec(html)?.[0] ?? "";
    expect(article.match(/<figure>/g)).toHaveLength(2);
    expect(article.match(/<figcaption>/g)).toHaveLength(2);
    expect(html).toContain(
      '<figcaption>Trucks carrying food and medical supplies wait at the Tel Harun crossing, Nov. 23, 2026.<span class="credit"><bdi>Hana Sato/Meridian News</bdi></span></figcaption>',
    );
    // The desk signs with the reporters, as the reference page's desk byline does.
    expect(html).toContain('<p class="byline">By Lena Okafor, Tomás Reyes, and Meridian News</p>');
    expect(html).toMatch(
      /<section class="desk-card" aria-labelledby="desk-meridian-news">.*Meridian News reports in more than 40 languages/,
    );
    expect(html).toContain(
      '<p class="agency-note">This story contains information from AFP and Reuters.</p>',
    );
    expect(html).toContain('<a href="/english/topics/diplomacy">Diplomacy</a>');
    expect(html).toContain('<h2 id="related-h">Related stories</h2>');
    expect(html).toContain('<span id="ts-label" class="ts-label">Text size</span>');
    for (const size of ["XS", "SM", "MD", "LG"])
      expect(html).toContain(`>${size}<span class="vh">`);
    expect(html).toContain('<link rel="canonical" href="https://news.example.org/english/world/');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it("serves the figure renditions it links to, as decodable images", async () => {
    const html = await (await newsdesk.app.request(storyPath)).text();
    const src = /<img src="(\/media\/[^"]+\.jpg)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const image = await newsdesk.app.request(src ?? "");
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect(image.headers.get("cache-control")).toContain("immutable");
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta.format).toBe("jpeg");
    expect((meta.width ?? 0) / (meta.height ?? 1)).toBeCloseTo(16 / 9, 1);
    const webp = await newsdesk.app.request(src?.replace(".jpg", ".webp") ?? "");
    expect(webp.headers.get("content-type")).toBe("image/webp");
    const missing = await newsdesk.app.request("/media/nope/16x9-640.webp");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(await missing.json()).toMatchObject({ code: "MEDIA_NOT_FOUND", status: 404 });
  });

  it("renders Persian pages right-to-left with Persian digits and Solar Hijri dates", async () => {
    const path = await firstStoryPath(newsdesk, "persian");
    const html = await (await newsdesk.app.request(path)).text();
    expect(html).toContain('<html lang="fa" dir="rtl" data-service="fa">');
    const times = [...html.matchAll(/<time datetime="[^"]+">([^<]+)<\/time>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(times.length).toBeGreaterThan(1);
    for (const text of times) {
      expect(text).toMatch(/[۰-۹]/);
      expect(text).not.toMatch(/[0-9]/);
      expect(text).toMatch(/فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند/);
    }
    expect(html).toContain("خبر فوری");
    // Latin agency names inside Persian text are bidi-isolated.
    expect(html).toContain("این گزارش حاوی اطلاعاتی از <bdi>AFP</bdi> و <bdi>Reuters</bdi> است.");
  });

  it("writes Persian links with their letters, not percent-encoded, reaching the same pages", async () => {
    const home = await (await newsdesk.app.request("/persian/")).text();
    const hrefs = [...home.matchAll(/href="(\/persian\/[^"]+)"/g)].map((m) => m[1] ?? "");
    const storyLinks = hrefs.filter((h) => /-[0-9a-z]{12}$/.test(h));
    expect(storyLinks.length).toBeGreaterThan(3);
    // `%DA%A9` is six bytes for a letter UTF-8 writes in two.
    expect(hrefs.filter((h) => /%[89A-F][0-9A-F]/i.test(h))).toEqual([]);
    for (const href of storyLinks.slice(0, 3)) {
      expect(href).toMatch(/[\u0600-\u06ff]/);
      // A browser sends the address percent-encoded, as the URL Standard says.
      const target = new URL(href, "https://news.example.org").pathname;
      expect(target).toContain("%");
      expect((await newsdesk.app.request(target)).status).toBe(200);
    }
  });

  it("serves home, section, topic, person, desk and search pages", async () => {
    for (const [path, text] of [
      ["/english/", "Top story"],
      ["/english/world", "<h1>World</h1>"],
      ["/english/topics/humanitarian-aid", "<h1>Topic: Humanitarian aid</h1>"],
      ["/english/people/lena-okafor", "<h1>Stories by Lena Okafor</h1>"],
      ["/english/desks/meridian-news", "<h1>Stories by Meridian News</h1>"],
      ["/english/search?q=convoys", "1 story found"],
      ["/persian/search?q=%D9%83%D8%A7%D8%B1%D9%88%D8%A7%D9%86", "گزارش پیدا شد"],
      ["/chinese/search?q=%E8%BD%A6%E9%98%9F", "找到 1 篇报道"],
      ["/russian/", '<html lang="ru" dir="ltr" data-service="ru">'],
    ] as const) {
      const response = await newsdesk.app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain(text);
    }
  });

  it("answers bad addresses with localized 404 and 400 pages, never a 500", async () => {
    const cases: [string, number, string][] = [
      ["/klingon/", 404, "Page not found"],
      ["/persian/no-such-section", 404, "صفحه پیدا نشد"],
      ["/english/world/not-a-story", 404, "Page not found"],
      ["/english/world/gone-zzzzzzzzzzzz", 404, "Page not found"],
      ["/russian/world?page=abc", 400, "Неверный запрос"],
      ["/english/world?page=0", 400, "Bad request"],
      [`/english/search?q=${"x".repeat(300)}`, 400, "Bad request"],
      ["/chinese/topics/nothing", 404, "找不到页面"],
      ["/english/people/nobody", 404, "Page not found"],
      ["/english/%E0%A4%A", 404, "Page not found"],
    ];
    for (const [path, status, text] of cases) {
      const response = await newsdesk.app.request(path);
      expect(response.status, path).toBe(status);
      expect(await response.text(), path).toContain(text);
    }
  });

  it("answers hostile search queries with a page, never a 500", async () => {
    for (const query of hostileSearchQueries) {
      for (const prefix of ["english", "chinese", "persian"]) {
        const response = await newsdesk.app.request(
          `/${prefix}/search?q=${encodeQueryValue(query)}`,
        );
        const label = `${prefix} ${JSON.stringify(query.slice(0, 40))}`;
        // Over 200 characters is a 400 page; anything else is a result page.
        expect(response.status, label).toBe(query.length > 200 ? 400 : 200);
        expect(response.headers.get("content-type"), label).toMatch(/^text\/html/);
        await response.arrayBuffer();
      }
    }
    // Control characters inside a word are dropped, not turned into a separator.
    const html = await (await newsdesk.app.request("/english/search?q=con%00voys")).text();
    expect(html).toContain("1 story found");
  });

  it("redirects an outdated slug or section to the canonical story URL", async () => {
    const id = storyPath.slice(-12);
    const response = await newsdesk.app.request(`/english/economy/old-headline-${id}`);
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(storyPath);
  });

  it("sets the text size without JavaScript and keeps it across pages", async () => {
    const set = await newsdesk.app.request(
      `/_/text-size?size=lg&return=${encodeURIComponent(storyPath)}`,
    );
    expect(set.status).toBe(303);
    expect(set.headers.get("location")).toBe(storyPath);
    const cookie = set.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^nd_ts=lg;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Secure"); // PUBLIC_URL is https in this test
    for (const path of [storyPath, "/english/world"]) {
      const html = await (
        await newsdesk.app.request(path, { headers: { Cookie: "nd_ts=lg" } })
      ).text();
      expect(html).toContain('<html lang="en" dir="ltr" class="ts-lg" data-service="en">');
      expect(html).toContain('value="lg" aria-pressed="true"');
      expect(html).toContain('value="md" aria-pressed="false"');
    }
    const bogus = await (
      await newsdesk.app.request("/english/", { headers: { Cookie: "nd_ts=huge" } })
    ).text();
    expect(bogus).toContain('<html lang="en" dir="ltr" data-service="en">');
  });

  it("never redirects off-site from the text-size form", async () => {
    for (const target of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const response = await newsdesk.app.request(
        `/_/text-size?size=sm&return=${encodeURIComponent(target)}`,
      );
      expect(response.headers.get("location")).toBe("/");
    }
    const invalid = await newsdesk.app.request("/_/text-size?size=gigantic&return=/english/");
    expect(invalid.status).toBe(303);
    expect(invalid.headers.get("set-cookie")).toBeNull();
  });

  it("answers hostile text-size return targets with a redirect home, never a 500", async () => {
    // Raw query strings, as an attacker would type them (already percent-encoded).
    for (const query of [
      "return=/english/%0d%0aSet-Cookie:%20nd_ts=lg",
      "return=/%0aLocation:%20https://evil.example/",
      "return=/%09/evil.example",
      "return=/%00",
      "return=/%25%30%64%25%30%61x",
      "return=https:evil.example",
      "return=%5C%5Cevil.example",
      "return=/%E2%80%A8",
      "return=%2F%2Fevil.example",
      `return=/${"a".repeat(3000)}`,
    ]) {
      for (const size of ["sm", "gigantic"]) {
        const response = await newsdesk.app.request(`/_/text-size?size=${size}&${query}`);
        expect(response.status, query).toBe(303);
        expect(response.headers.get("location"), query).toBe("/");
      }
    }
    // Bytes that are not UTF-8 stay percent-encoded: a harmless path on our own site.
    for (const query of ["return=/%ED%A0%80", "return=/%FF%FE", "return=/%C0%AF%C0%AFevil"]) {
      const response = await newsdesk.app.request(`/_/text-size?size=sm&${query}`);
      expect(response.status, query).toBe(303);
      expect(response.headers.get("location"), query).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
    }
    // Same-site targets with non-ASCII characters are sent percent-encoded.
    const persian = await newsdesk.app.request(
      `/_/text-size?size=sm&return=${encodeURIComponent("/persian/search?q=کاروان")}`,
    );
    expect(persian.headers.get("location")).toBe(
      "/persian/search?q=%DA%A9%D8%A7%D8%B1%D9%88%D8%A7%D9%86",
    );
  });

  it("leaves a notice at a killed story's address and drops it from lists", async () => {
    const path = await firstStoryPath(newsdesk, "chinese");
    const id = path.slice(-12);
    // Load both pages first so the kill must invalidate cached copies.
    expect((await newsdesk.app.request(path)).status).toBe(200);
    expect(await (await newsdesk.app.request("/chinese/")).text()).toContain(id);
    await newsdesk.services.stories.kill(systemActor("test"), id, "Legal");
    const response = await newsdesk.app.request(path);
    expect(response.status).toBe(410);
    const notice = await response.text();
    expect(notice).toContain("本文已被撤下");
    // The reason the editor gave reaches readers, in the edition's own words around it.
    expect(notice).toContain("编者按：Legal");
    expect(await (await newsdesk.app.request("/chinese/")).text()).not.toContain(id);
  });
});
