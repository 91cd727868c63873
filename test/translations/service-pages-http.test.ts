import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceEditions } from "../../src/domain/services/service-registry.js";
import { locales } from "../../src/i18n/locale-registry.js";
import { catalogues } from "../../src/i18n/message-catalogue.js";
import type { Newsdesk } from "../../src/main.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/** Digits each numbering system writes (CLDR), to check dates use the service's own. */
const digitRanges: Record<string, RegExp> = {
  latn: /[0-9]/u,
  arabext: /[\u06f0-\u06f9]/u,
  arab: /[\u0660-\u0669]/u,
  beng: /[\u09e6-\u09ef]/u,
  deva: /[\u0966-\u096f]/u,
  mymr: /[\u1040-\u1049]/u,
  tibt: /[\u0f20-\u0f29]/u,
  khmr: /[\u17e0-\u17e9]/u,
};

describe.each(dialects)("every service's reader pages on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  const get = async (path: string) => {
    const res = await newsdesk.app.request(path);
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it.each(serviceEditions.map((e) => [e.urlPrefix, e] as const))(
    "/%s/: home, section and story pages in the service's language, direction and digits",
    async (_prefix, edition) => {
      const locale = locales[edition.locale];
      const t = catalogues[edition.locale];
      const opening = `<html lang="${edition.locale}" dir="${locale.dir}"`;
      const home = await get(`/${edition.urlPrefix}/`);
      expect(home.status).toBe(200);
      expect(home.html.startsWith(`<!DOCTYPE html>${opening}`)).toBe(true);
      expect(home.html).toContain(`<a href="#main">${t["skip.main"]}</a>`);
      expect(home.html).toContain(`<h1 class="vh">${edition.name}</h1>`);
      if (edition.locale !== "en") expect(home.html).not.toContain("Skip to main content");

      const section = await get(`/${edition.urlPrefix}/world`);
      expect(section.status).toBe(200);
      expect(section.html).toContain(opening);

      const link = new RegExp(
        `href="(/${edition.urlPrefix}/[^/"]+/[^"/]+-[0-9a-z]{12})"`,
        "u",
      ).exec(home.html)?.[1];
      expect(link, "a story link on the home page").toBeDefined();
      const story = await get(link ?? "");
      expect(story.status).toBe(200);
      expect(story.html).toContain(opening);
      expect(story.html.match(/<h1[ >]/gu)).toHaveLength(1);
      const times = [...story.html.matchAll(/<time datetime="[^"]+">([^<]+)<\/time>/gu)].map(
        (m) => m[1] ?? "",
      );
      expect(times.length).toBeGreaterThan(0);
      const own = digitRanges[locale.numberingSystem];
      for (const text of times) {
        expect(text, `${edition.urlPrefix} date "${text}"`).toMatch(own ?? /./u);
        if (locale.numberingSystem !== "latn") expect(text).not.toMatch(/[0-9]/u);
      }
    },
  );

  it("serves Serbian in Latin at /serbian/ and Cyrillic at /serbian-cyrillic/, one story", async () => {
    const latin = await get("/serbian/");
    const cyrillic = await get("/serbian-cyrillic/");
    expect(latin.html).toContain("Konvoji s pomoći zaglavljeni na granici");
    expect(cyrillic.html).toContain("Конвоји с помоћи заглављени на граници");
    // The Latin edition has no Cyrillic left, except in links marked as another language
    // or script (the switcher's and the language picker's: "Српски (ћирилица)", "Русский").
    const withoutSwitch = latin.html.replace(
      /<a [^>]*lang="(?!sr-Latn")[^"]+"[^>]*>[^<]*<\/a>/gu,
      "",
    );
    expect(withoutSwitch).not.toMatch(/\p{Script=Cyrillic}/u);
    expect(latin.html).toContain(
      'lang="sr-Cyrl" dir="ltr" hreflang="sr-Cyrl">Српски (ћирилица)</a>',
    );
    expect(cyrillic.html).toContain(
      'lang="sr-Latn" dir="ltr" hreflang="sr-Latn">Srpski (latinica)</a>',
    );
    // Both editions announce each other (and x-default, the Latin default).
    for (const page of [latin.html, cyrillic.html]) {
      expect(page).toContain(
        '<link rel="alternate" hreflang="sr-Latn" href="https://news.example.org/serbian/"/>',
      );
      expect(page).toContain(
        '<link rel="alternate" hreflang="sr-Cyrl" href="https://news.example.org/serbian-cyrillic/"/>',
      );
    }
    const storyPath = /href="(\/serbian\/world\/[^"]+)"/u.exec(latin.html)?.[1] ?? "";
    const story = await get(storyPath);
    expect(story.status).toBe(200);
    expect(story.html).toContain("Ljubiša Đorđević, vozač iz Niša");
  });

  it("links the river story's six language versions from each of them", async () => {
    const en = await get("/english/science-health");
    const path = /href="(\/english\/science-health\/record-low[^"]+)"/u.exec(en.html)?.[1] ?? "";
    const story = await get(path);
    const hreflangs = [...story.html.matchAll(/<link rel="alternate" hreflang="([^"]+)"/gu)]
      .map((m) => m[1])
      .sort();
    expect(hreflangs).toEqual(
      ["ar", "en", "fa", "ru", "sr-Cyrl", "sr-Latn", "x-default", "zh-Hans"].sort(),
    );
    expect(story.html).toContain('lang="ar" dir="rtl" hreflang="ar">العربية</a>');
  });

  it("isolates Latin names inside right-to-left text with <bdi>", async () => {
    const home = await get("/arabic/");
    const path = /href="(\/arabic\/world\/[^"]+)"/u.exec(home.html)?.[1] ?? "";
    const story = await get(path);
    expect(story.html).toContain(
      '<p class="agency-note">يتضمن هذا الخبر معلومات من <bdi>AFP</bdi> و<bdi>Reuters</bdi>.</p>',
    );
    // The English page's Latin names need no isolation.
    const english = await get("/english/");
    expect(english.html).not.toContain("<bdi>AFP</bdi>");
  });

  it.each([
    ["chinese", "谈判", "谈判"],
    // Persian is stemmed: the whole word that matched is marked, plural suffix and all.
    ["persian", "كاروان", "کاروان‌های"],
    ["arabic", "قوافل", "قوافل"],
    ["serbian", "konvoji", "Konvoji"],
    ["serbian-cyrillic", "konvoji", "Конвоји"],
    ["burmese", "ဆွေးနွေးပွဲ", "ဆွေးနွေးပွဲ"],
    ["amharic", "ድርድሩ", "ድርድሩ"],
  ])("/%s/search?q=%s highlights the match in the page's script", async (prefix, q, shown) => {
    const page = await get(`/${prefix}/search?q=${encodeURIComponent(q)}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<mark>${shown}</mark>`);
    expect(page.html).toContain('<ol class="results">');
  });
});
