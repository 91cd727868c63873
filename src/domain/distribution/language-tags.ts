/**
 * One canonical BCP 47 tag per service, spelled the way each output format wants it
 * (STANDARDS.md §0). Everything is derived with Intl.Locale, never stored twice.
 */

/**
 * Each spelling is a pure function of a tag from a closed set (the services' locales), and
 * Intl.Locale is costly next to a page render (every page's language switcher spells all
 * 50 editions): each is computed once per tag.
 */
function once(spell: (tag: string) => string): (tag: string) => string {
  const known = new Map<string, string>();
  return (tag) => {
    let spelt = known.get(tag);
    if (spelt === undefined) {
      spelt = spell(tag);
      // Bounded: tags come from the registry, but a caller could pass anything.
      if (known.size < 1024) known.set(tag, spelt);
    }
    return spelt;
  };
}

/** RSS 2.0 `<language>`: the RSS/W3C list spelling, lower case (`en`, `fa`, `zh-cn`). */
export const rssLanguage = once(
  (tag) => chineseRegionTag(tag) ?? new Intl.Locale(tag).language.toLowerCase(),
);

/** Atom `xml:lang` (RFC 4287 §2, BCP 47) and JSON Feed 1.1 `language` (RFC 5646). */
export const bcp47 = once((tag) => new Intl.Locale(tag).toString());

/**
 * Google News sitemap `<news:language>`: an ISO 639 code, except Chinese, which must be
 * `zh-cn` (Simplified) or `zh-tw` (Traditional).
 */
export const newsSitemapLanguage = once(
  (tag) => chineseRegionTag(tag) ?? new Intl.Locale(tag).language,
);

/**
 * hreflang (sitemap `xhtml:link`): ISO 639-1 plus an optional region; Google accepts
 * script subtags such as `zh-Hans`, which keeps Simplified and Traditional apart.
 */
export const hreflang = once((tag) => {
  const locale = new Intl.Locale(tag);
  return [locale.language, locale.script, locale.region].filter(Boolean).join("-");
});

const ogTerritory: Record<string, string> = {
  en: "US",
  fa: "IR",
  ru: "RU",
  ar: "AR",
  ps: "AF",
  ur: "PK",
  uk: "UA",
};

/** Open Graph `og:locale`: `language_TERRITORY` with an underscore (ogp.me). */
export const ogLocale = once((tag) => {
  const locale = new Intl.Locale(tag).maximize();
  if (locale.language === "zh") return locale.script === "Hant" ? "zh_TW" : "zh_CN";
  const region = ogTerritory[locale.language] ?? locale.region ?? "";
  return region ? `${locale.language}_${region}` : locale.language;
});

function chineseRegionTag(tag: string): string | undefined {
  const locale = new Intl.Locale(tag);
  if (locale.language !== "zh") return undefined;
  const script = locale.script ?? locale.maximize().script;
  return script === "Hant" ? "zh-tw" : "zh-cn";
}
