import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { serviceEditions } from "../../src/domain/services/service-registry.js";
import { locales } from "../../src/i18n/locale-registry.js";
import type { Newsdesk } from "../../src/main.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const origin = "https://news.example.org";

/** The hreflang annotations of a page, sorted: `hreflang href` pairs. */
/**
 * Pages write links with their letters (src/render/iri-urls.ts), sitemaps percent-encoded, as
 * the sitemap protocol asks: both are compared as the URL a client requests.
 */
const requested = (href: string) => new URL(href, "https://news.example.org").href;

const pageAlternates = (html: string) =>
  [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/gu)]
    .map((m) => `${m[1]} ${requested(m[2] ?? "")}`)
    .sort();

/** Each sitemap `<url>`: its loc and its hreflang annotations, sorted. */
const sitemapUrls = (xml: string) =>
  [...xml.matchAll(/<url><loc>([^<]+)<\/loc>.*?<\/url>/gu)].map((m) => ({
    loc: m[1] ?? "",
    alternates: [
      ...(m[0] ?? "").matchAll(
        /<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/gu,
      ),
    ]
      .map((a) => `${a[1]} ${a[2]}`)
      .sort(),
  }));

const storyLinks = (html: string, prefix: string) => [
  ...new Set(
    [...html.matchAll(new RegExp(`href="(/${prefix}/[^/"]+/[^"/]+-[0-9a-z]{12})"`, "gu"))].map(
      (m) => new URL(requested(m[1] ?? "")).pathname,
    ),
  ),
];

describe.each(dialects)("reader editions on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  const get = (path: string, headers: Record<string, string> = {}) =>
    newsdesk.app.request(path, { headers });
  const html = async (path: string) => (await get(path)).text();

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  describe("Serbian in both scripts", () => {
    it("writes Latin-edition story URLs and canonicals in Latin, Cyrillic ones in Cyrillic", async () => {
      const latin = storyLinks(await html("/serbian/"), "serbian");
      const cyrillic = storyLinks(await html("/serbian-cyrillic/"), "serbian-cyrillic");
      expect(latin.length).toBeGreaterThan(0);
      for (const path of latin) {
        expect(decodeURIComponent(path), path).not.toMatch(/\p{Script=Cyrillic}/u);
        const page = await html(path);
        const canonical = /<link rel="canonical" href="([^"]+)"\/>/u.exec(page)?.[1] ?? "";
        expect(requested(canonical)).toBe(`${origin}${path}`);
        // The link to the same story in Cyrillic keeps its letters: the page is transliterated
        // before its links are written with letters, on full and text-only pages alike.
        for (const variant of [path, `${path}?lite=1`]) {
          const other = /<a href="(\/serbian-cyrillic\/[^"]+)"/u.exec(await html(variant))?.[1];
          expect(other, variant).toMatch(/\p{Script=Cyrillic}/u);
        }
      }
      for (const path of cyrillic) {
        expect(decodeURIComponent(path)).toMatch(/\p{Script=Cyrillic}/u);
      }
    });

    it("redirects a Cyrillic slug under /serbian/ to Latin, and the reverse", async () => {
      const [latinPath = ""] = storyLinks(await html("/serbian/"), "serbian");
      const id = latinPath.slice(-12);
      const [cyrillicPath = ""] = storyLinks(
        await html("/serbian-cyrillic/"),
        "serbian-cyrillic",
      ).filter((p) => p.endsWith(id));
      expect(cyrillicPath).not.toBe("");
      const wrongLatin = `/serbian${cyrillicPath.slice("/serbian-cyrillic".length)}`;
      const toLatin = await get(wrongLatin);
      expect(toLatin.status).toBe(301);
      expect(toLatin.headers.get("location")).toBe(latinPath);
      const wrongCyrillic = `/serbian-cyrillic${latinPath.slice("/serbian".length)}`;
      const toCyrillic = await get(wrongCyrillic);
      expect(toCyrillic.status).toBe(301);
      expect(toCyrillic.headers.get("location")).toBe(cyrillicPath);
    });

    it("names every language in its own name and script on both Serbian editions", async () => {
      for (const prefix of ["serbian", "serbian-cyrillic"]) {
        const page = await html(`/${prefix}/`);
        expect(page).toContain('lang="ru">Русский</a>');
        expect(page).toMatch(/lang="sr-Cyrl"(?: aria-current="true")?>Српски \(ћирилица\)<\/a>/u);
        expect(page).toMatch(/lang="sr-Latn"(?: aria-current="true")?>Srpski \(latinica\)<\/a>/u);
        expect(page).toContain('lang="uk">Українська</a>');
      }
    });

    it("shows the Latin edition's breaking-news bar in Latin, with a Latin link", async () => {
      const [path = ""] = storyLinks(await html("/serbian-cyrillic/"), "serbian-cyrillic");
      await newsdesk.services.breaking.raise(systemActor("test"), {
        serviceId: "sr",
        text: "Хитно: конвој стигао у Ниш",
        url: path,
        expiresAt: "2099-01-01T00:00:00.000Z",
      });
      const latin = await html("/serbian/");
      const bar = /<section class="breaking"[\s\S]*?<\/section>/u.exec(latin)?.[0] ?? "";
      expect(bar).toContain("Hitno: konvoj stigao u Niš");
      const href = /<a href="([^"]+)"/u.exec(bar)?.[1] ?? "";
      expect(href.startsWith("/serbian/")).toBe(true);
      expect(decodeURIComponent(href)).not.toMatch(/\p{Script=Cyrillic}/u);
      expect((await get(new URL(requested(href)).pathname)).status).toBe(200);
      const cyrillic = await html("/serbian-cyrillic/");
      expect(cyrillic).toContain(`<a href="${decodeURI(path)}">Хитно: конвој стигао у Ниш</a>`);
    });
  });

  describe("robots.txt and sitemaps", () => {
    it("lists every edition's sitemaps, Serbian Cyrillic included", async () => {
      const robots = await html("/robots.txt");
      for (const edition of serviceEditions) {
        expect(robots).toContain(`Sitemap: ${origin}/${edition.urlPrefix}/sitemap.xml\n`);
        expect(robots).toContain(`Sitemap: ${origin}/${edition.urlPrefix}/sitemap-news.xml\n`);
      }
    });

    it("gives each story the same hreflang annotations in its page and its sitemap", async () => {
      let families = 0;
      for (const edition of serviceEditions) {
        const xml = await html(`/${edition.urlPrefix}/sitemap-stories-1.xml`);
        const urls = sitemapUrls(xml);
        for (const url of urls) {
          expect(url.loc.startsWith(`${origin}/${edition.urlPrefix}/`), url.loc).toBe(true);
          const path = url.loc.slice(origin.length);
          const page = await get(path);
          expect(page.status, path).toBe(200);
          expect(url.alternates, path).toEqual(pageAlternates(await page.text()));
          if (url.alternates.length > 0) families++;
        }
      }
      // The demo has translated stories, so the comparison covered families.
      expect(families).toBeGreaterThan(5);
    });

    it("gives home, section and topic pages the same hreflang annotations in page and sitemap", async () => {
      let pages = 0;
      for (const edition of serviceEditions) {
        const xml = await html(`/${edition.urlPrefix}/sitemap-pages.xml`);
        for (const url of sitemapUrls(xml)) {
          expect(url.loc.startsWith(`${origin}/${edition.urlPrefix}/`), url.loc).toBe(true);
          const page = await get(url.loc.slice(origin.length));
          expect(page.status, url.loc).toBe(200);
          expect(url.alternates, url.loc).toEqual(pageAlternates(await page.text()));
          pages++;
        }
      }
      expect(pages).toBeGreaterThan(serviceEditions.length);
      const home = pageAlternates(await html("/english/"));
      expect(home).toContain(`sr-Cyrl ${origin}/serbian-cyrillic/`);
      expect(home).toContain(`x-default ${origin}/english/`);
      // A Serbian section is one page in two scripts; other services' sections stand alone.
      expect(pageAlternates(await html("/serbian-cyrillic/world"))).toEqual([
        `sr-Cyrl ${origin}/serbian-cyrillic/world`,
        `sr-Latn ${origin}/serbian/world`,
        `x-default ${origin}/serbian/world`,
      ]);
      expect(pageAlternates(await html("/english/world"))).toEqual([]);
    });
  });

  describe("the language picker", () => {
    it.each(serviceEditions.map((e) => [e.urlPrefix] as const))(
      "/%s/ lists every edition in its own name and script, without JavaScript",
      async (prefix) => {
        const page = await html(`/${prefix}/`);
        const footer = /<footer class="site-foot">[\s\S]*<\/footer>/u.exec(page)?.[0] ?? "";
        expect(footer).toContain('<nav class="picker" aria-labelledby="picker-label">');
        const pageDir =
          locales[serviceEditions.find((e) => e.urlPrefix === prefix)?.locale ?? "en"].dir;
        for (const edition of serviceEditions) {
          const locale = locales[edition.locale];
          const current = edition.urlPrefix === prefix ? ' aria-current="true"' : "";
          // `dir` only where the name runs the other way from the page (it inherits otherwise).
          const dir = locale.dir === pageDir ? "" : ` dir="${locale.dir}"`;
          expect(footer).toContain(
            `<a href="/_/edition?to=${edition.urlPrefix}" lang="${edition.locale}"${dir}${current}>${locale.autonym}</a>`,
          );
        }
      },
    );

    it("remembers the choice in a cookie and opens the edition", async () => {
      const res = await get("/_/edition?to=serbian-cyrillic");
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/serbian-cyrillic/");
      expect(res.headers.get("set-cookie")).toMatch(
        /^nd_ed=serbian-cyrillic; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/u,
      );
      expect(res.headers.get("cache-control")).toBe("no-store");
    });

    it.each(["https://evil.example/", "//evil.example", "/english/", "", "english%0d%0a"])(
      "refuses %j as an edition, without a cookie or a redirect",
      async (to) => {
        const res = await get(`/_/edition?to=${encodeURIComponent(to)}`);
        expect(res.status).toBe(400);
        expect(res.headers.get("location")).toBeNull();
        expect(res.headers.get("set-cookie")).toBeNull();
      },
    );
  });

  describe("/ negotiates the edition", () => {
    it.each([
      [undefined, undefined, "/english/"],
      ["sr-Latn", undefined, "/serbian/"],
      ["sr-Cyrl-RS, en;q=0.5", undefined, "/serbian-cyrillic/"],
      ["zh-TW, zh;q=0.8", undefined, "/chinese-traditional/"],
      ["pt-BR", undefined, "/portuguese/"],
      ["de, it;q=0.5", undefined, "/english/"],
      ["ru", "nd_ed=persian", "/persian/"],
      ["ru", "nd_ed=nowhere", "/russian/"],
    ])("Accept-Language %j, Cookie %j → %s", async (accept, cookie, location) => {
      const headers: Record<string, string> = {};
      if (accept) headers["Accept-Language"] = accept;
      if (cookie) headers.Cookie = cookie;
      const res = await get("/", headers);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(location);
      expect(res.headers.get("vary")).toBe("Accept-Language, Cookie");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    });

    it("is never answered from the shared page cache", async () => {
      await get("/", { "Accept-Language": "fr" });
      const second = await get("/", { "Accept-Language": "ar" });
      expect(second.headers.get("location")).toBe("/arabic/");
      expect(second.headers.get("surrogate-key")).toBeNull();
    });
  });

  describe("browser freshness", () => {
    const shared = (res: Response) => {
      expect(res.headers.get("cache-control")).toBe(
        "public, max-age=0, must-revalidate, s-maxage=60",
      );
      expect(res.headers.get("surrogate-control")).toBe(
        "max-age=60, stale-while-revalidate=300, stale-if-error=86400",
      );
      expect(res.headers.get("etag")).toMatch(/^"/u);
    };

    it("makes browsers revalidate pages, on the rendering miss and on cache hits", async () => {
      const [story = ""] = storyLinks(await html("/english/"), "english");
      for (const path of ["/english/", "/english/world", story, "/serbian/"]) {
        const miss = await get(`${path}`);
        shared(miss);
        const hit = await get(path);
        shared(hit);
        const etag = hit.headers.get("etag") ?? "";
        const revalidated = await get(path, { "If-None-Match": etag });
        expect(revalidated.status).toBe(304);
      }
    });

    it("sends the same to feeds and sitemaps, and an hour's CDN lifetime to robots.txt", async () => {
      for (const path of [
        "/english/feeds/rss.xml",
        "/english/sitemap.xml",
        "/english/sitemap-pages.xml",
        "/english/sitemap-news.xml",
        "/serbian-cyrillic/sitemap-stories-1.xml",
      ]) {
        shared(await get(path));
      }
      const robots = await get("/robots.txt");
      expect(robots.headers.get("cache-control")).toBe(
        "public, max-age=0, must-revalidate, s-maxage=3600",
      );
    });

    it("lets a kill reach a reader who has the story: the 410 is revalidated too", async () => {
      const [story = ""] = storyLinks(await html("/russian/"), "russian");
      const before = await get(story);
      shared(before);
      await newsdesk.services.stories.kill(systemActor("test"), story.slice(-12), "Legal");
      const after = await get(story, { "If-None-Match": before.headers.get("etag") ?? "" });
      expect(after.status).toBe(410);
      shared(after);
    });

    it("has a CDN keep only 404s it can purge; the rest, and searches, always revalidated", async () => {
      // A missing section or story in an edition carries purge tags (Surrogate-Key).
      const tagged = await get("/english/no-such-section");
      expect(tagged.status).toBe(404);
      expect(tagged.headers.get("cache-control")).toBe(
        "public, max-age=0, must-revalidate, s-maxage=60",
      );
      expect(tagged.headers.get("surrogate-key")).toContain("chrome:en");
      for (const path of ["/nowhere/", "/english/search?q=x"]) {
        const res = await get(path);
        expect(res.headers.get("cache-control"), path).toBe("no-cache");
        expect(res.headers.get("surrogate-control"), path).toBeNull();
      }
    });
  });
});
