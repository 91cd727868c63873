/**
 * The locale registry: one entry per BCP 47 tag (RFC 5646), holding facts only —
 * script direction, digits, calendar, script family. Copy lives in the message catalogues.
 * The registry is keyed by a closed union, so adding a tag without a config does not compile
 * (the pattern BBC Simorgh uses for its service configs).
 *
 * Calendar and digit choices are per-locale decisions, each explained beside the entry
 * (ADR 0005). Intl supports the `persian`, `ethiopic` and `buddhist` calendars we use.
 */

import type { ScriptFamily } from "./script-families.js";

export const localeTags = [
  // Latin script
  "en",
  "fr",
  "es",
  "pt",
  "sq",
  "bs",
  "tr",
  "az",
  "uz-Latn",
  "ku",
  "id",
  "vi",
  "ha",
  "sw",
  "so",
  "om",
  "rw",
  "rn",
  "sn",
  "nd",
  "bm",
  "ln",
  "ht",
  // Cyrillic
  "ru",
  "uk",
  "mk",
  // Serbian: one service, two scripts
  "sr-Latn",
  "sr-Cyrl",
  // Other alphabets
  "hy",
  "ka",
  // Right-to-left
  "fa",
  "fa-AF",
  "ps",
  "ur",
  "ar",
  "ckb",
  // Ethiopic
  "am",
  "ti",
  // Indic
  "hi",
  "bn",
  "ne",
  // Southeast Asian
  "th",
  "lo",
  "km",
  "my",
  // Tibetan
  "bo",
  // East Asian
  "zh-Hans",
  "zh-Hant",
  "yue",
  "ko",
] as const;
export type LocaleTag = (typeof localeTags)[number];

/** Unicode CLDR numbering systems we use (`-u-nu-` extension, UTS #35). */
export type NumberingSystem =
  | "latn"
  | "arabext"
  | "arab"
  | "beng"
  | "mymr"
  | "deva"
  | "tibt"
  | "khmr";
/** Calendars supported by Intl and used by our services (`-u-ca-` extension, UTS #35). */
type CalendarSystem = "gregory" | "persian" | "ethiopic" | "buddhist";
type TextDirection = "ltr" | "rtl";
/** ISO 15924 script codes of the scripts our services write in. */
export type ScriptCode =
  | "Latn"
  | "Cyrl"
  | "Armn"
  | "Geor"
  | "Arab"
  | "Ethi"
  | "Deva"
  | "Beng"
  | "Thai"
  | "Laoo"
  | "Khmr"
  | "Mymr"
  | "Tibt"
  | "Hans"
  | "Hant"
  | "Kore";

/**
 * How search matches text in this script: `words` for scripts that separate words with
 * spaces (full-text tokens, diacritics folded); `ngram` for scripts written without spaces
 * between words (CJK, Thai, Lao, Khmer, Burmese), matched by character trigrams.
 */
export type SearchStrategy = "words" | "ngram";

export interface LocaleConfig {
  readonly tag: LocaleTag;
  /** The language's own name for itself, shown in language switchers with `lang` set. */
  readonly autonym: string;
  readonly script: ScriptCode;
  readonly dir: TextDirection;
  readonly numberingSystem: NumberingSystem;
  readonly calendar: CalendarSystem;
  /** 24-hour clocks where ICU's 12-hour pattern would print Latin "AM"/"PM" in the text. */
  readonly hourCycle?: "h23";
  /** How the script is set: fonts, line heights, size, italic (see script-families.ts). */
  readonly scriptFamily: ScriptFamily;
  readonly search: SearchStrategy;
  /**
   * For languages ICU has no date data for (Haitian Creole): the locale whose patterns we
   * borrow, and the month and weekday names in the language itself, January and Monday first.
   */
  readonly intlFallback?: {
    readonly locale: string;
    readonly months: readonly string[];
    readonly weekdays: readonly string[];
  };
}

type Facts = Omit<LocaleConfig, "tag">;

/** A Latin-script, left-to-right, Gregorian locale with Western digits: the common case. */
function latin(autonym: string, extra: Partial<Facts> = {}): Facts {
  return {
    autonym,
    script: "Latn",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "latin",
    search: "words",
    ...extra,
  };
}

function cyrillic(autonym: string): Facts {
  return latin(autonym, { script: "Cyrl", scriptFamily: "cyrillic" });
}

const facts: { readonly [K in LocaleTag]: Facts } = {
  en: latin("English"),
  fr: latin("Français"),
  es: latin("Español"),
  pt: latin("Português"),
  sq: latin("Shqip"),
  bs: latin("Bosanski"),
  tr: latin("Türkçe"),
  az: latin("Azərbaycanca"),
  "uz-Latn": latin("Oʻzbekcha"),
  ku: latin("Kurmancî"),
  id: latin("Bahasa Indonesia"),
  vi: latin("Tiếng Việt"),
  ha: latin("Hausa"),
  sw: latin("Kiswahili"),
  so: latin("Soomaali"),
  om: latin("Afaan Oromoo"),
  rw: latin("Ikinyarwanda"),
  rn: latin("Ikirundi"),
  sn: latin("chiShona"),
  nd: latin("isiNdebele"),
  bm: latin("Bamanankan"),
  ln: latin("Lingála"),
  // ICU ships no Haitian Creole date data; French (Haiti) patterns with Kreyòl month names.
  ht: latin("Kreyòl ayisyen", {
    intlFallback: {
      locale: "fr-HT",
      months: [
        "janvye",
        "fevriye",
        "mas",
        "avril",
        "me",
        "jen",
        "jiyè",
        "out",
        "septanm",
        "oktòb",
        "novanm",
        "desanm",
      ],
      weekdays: ["lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch"],
    },
  }),
  ru: cyrillic("Русский"),
  uk: cyrillic("Українська"),
  mk: cyrillic("Македонски"),
  "sr-Latn": latin("Srpski (latinica)"),
  "sr-Cyrl": cyrillic("Српски (ћирилица)"),
  hy: latin("Հայերեն", { script: "Armn", scriptFamily: "armenian" }),
  ka: latin("ქართული", { script: "Geor", scriptFamily: "georgian" }),
  // Persian readers expect Extended Arabic-Indic digits (۰۱۲۳) and the Solar Hijri calendar.
  fa: {
    autonym: "فارسی",
    script: "Arab",
    dir: "rtl",
    numberingSystem: "arabext",
    calendar: "persian",
    scriptFamily: "persian",
    search: "words",
  },
  // Dari (Afghanistan): Solar Hijri too, with the Dari month names (حمل، ثور… قوس) from CLDR.
  "fa-AF": {
    autonym: "دری",
    script: "Arab",
    dir: "rtl",
    numberingSystem: "arabext",
    calendar: "persian",
    scriptFamily: "persian",
    search: "words",
  },
  // Pashto: Persian digits; Gregorian calendar because the audience is split between
  // Afghanistan and Pakistan, and CLDR's Pashto Solar Hijri pattern prints a Latin "AP" era.
  ps: {
    autonym: "پښتو",
    script: "Arab",
    dir: "rtl",
    numberingSystem: "arabext",
    calendar: "gregory",
    scriptFamily: "persian",
    search: "words",
  },
  // Urdu: Nastaliq fonts; Western digits and the Gregorian calendar, as Pakistani papers print.
  ur: {
    autonym: "اردو",
    script: "Arab",
    dir: "rtl",
    numberingSystem: "latn",
    calendar: "gregory",
    hourCycle: "h23",
    scriptFamily: "urdu-nastaliq",
    search: "words",
  },
  // Arabic: Western digits, following BBC Arabic practice; Gregorian calendar.
  ar: {
    autonym: "العربية",
    script: "Arab",
    dir: "rtl",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "arabic-naskh",
    search: "words",
  },
  // Sorani Kurdish (Iraq): Arabic-Indic digits (٠١٢), Gregorian calendar as used in the KRI.
  ckb: {
    autonym: "کوردی",
    script: "Arab",
    dir: "rtl",
    numberingSystem: "arab",
    calendar: "gregory",
    scriptFamily: "arabic-naskh",
    search: "words",
  },
  // Amharic: the Ethiopian calendar, official in Ethiopia; Western digits (Ge'ez numerals are
  // not used for dates in the press).
  am: {
    autonym: "አማርኛ",
    script: "Ethi",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "ethiopic",
    scriptFamily: "ethiopic",
    search: "words",
  },
  // Tigrinya: Gregorian, because half the audience is in Eritrea, which uses it.
  ti: {
    autonym: "ትግርኛ",
    script: "Ethi",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "ethiopic",
    search: "words",
  },
  // Hindi: Western digits, as Hindi news sites print them.
  hi: {
    autonym: "हिन्दी",
    script: "Deva",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    hourCycle: "h23",
    scriptFamily: "devanagari",
    search: "words",
  },
  bn: {
    autonym: "বাংলা",
    script: "Beng",
    dir: "ltr",
    numberingSystem: "beng",
    calendar: "gregory",
    hourCycle: "h23",
    scriptFamily: "bengali",
    search: "words",
  },
  // Nepali: Devanagari digits; Gregorian (Bikram Sambat is not in Intl).
  ne: {
    autonym: "नेपाली",
    script: "Deva",
    dir: "ltr",
    numberingSystem: "deva",
    calendar: "gregory",
    scriptFamily: "devanagari",
    search: "words",
  },
  // Thai: Buddhist Era years (พ.ศ. 2569), as Thai newspapers date their pages.
  th: {
    autonym: "ไทย",
    script: "Thai",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "buddhist",
    scriptFamily: "thai-lao",
    search: "ngram",
  },
  lo: {
    autonym: "ລາວ",
    script: "Laoo",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "thai-lao",
    search: "ngram",
  },
  // Khmer: Khmer digits, as Cambodian news sites print dates.
  km: {
    autonym: "ខ្មែរ",
    script: "Khmr",
    dir: "ltr",
    numberingSystem: "khmr",
    calendar: "gregory",
    hourCycle: "h23",
    scriptFamily: "khmer",
    search: "ngram",
  },
  // Burmese: Myanmar digits (၀၁၂), Gregorian calendar.
  my: {
    autonym: "မြန်မာ",
    script: "Mymr",
    dir: "ltr",
    numberingSystem: "mymr",
    calendar: "gregory",
    scriptFamily: "burmese",
    search: "ngram",
  },
  // Tibetan: Tibetan digits; Gregorian (the Tibetan lunisolar calendar is not in Intl).
  // Words are separated by the tsheg, which full-text tokenizers treat as a separator.
  bo: {
    autonym: "བོད་ཡིག",
    script: "Tibt",
    dir: "ltr",
    numberingSystem: "tibt",
    calendar: "gregory",
    scriptFamily: "tibetan",
    search: "words",
  },
  "zh-Hans": {
    autonym: "简体中文",
    script: "Hans",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "cjk-simplified",
    search: "ngram",
  },
  "zh-Hant": {
    autonym: "繁體中文",
    script: "Hant",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "cjk-traditional",
    search: "ngram",
  },
  yue: {
    autonym: "粵語",
    script: "Hant",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "cjk-hong-kong",
    search: "ngram",
  },
  // Korean separates words with spaces; trigrams still match inside compounds and particles.
  ko: {
    autonym: "한국어",
    script: "Kore",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    scriptFamily: "cjk-korean",
    search: "ngram",
  },
};

export const locales: Record<LocaleTag, LocaleConfig> = Object.fromEntries(
  localeTags.map((tag) => [tag, { tag, ...facts[tag] }]),
) as Record<LocaleTag, LocaleConfig>;

export function isLocaleTag(value: string): value is LocaleTag {
  return (localeTags as readonly string[]).includes(value);
}

/**
 * The tag handed to Intl: the locale plus explicit calendar and numbering-system extensions,
 * so output never depends on the server's default ICU data for that language.
 */
export function intlLocaleFor(tag: LocaleTag): string {
  let known = intlTags.get(tag);
  if (known === undefined) {
    const locale = locales[tag];
    known = new Intl.Locale(locale.intlFallback?.locale ?? tag, {
      calendar: locale.calendar,
      numberingSystem: locale.numberingSystem,
      ...(locale.hourCycle ? { hourCycle: locale.hourCycle } : {}),
    }).toString();
    intlTags.set(tag, known);
  }
  return known;
}

/** intlLocaleFor's answers: one per registry locale, asked on every page render. */
const intlTags = new Map<LocaleTag, string>();
