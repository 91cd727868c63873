/**
 * The locale registry: one entry per BCP 47 tag (RFC 5646), holding facts only —
 * script direction, digits, calendar, fonts. Copy lives in the message catalogues.
 * The registry is keyed by a closed union, so adding a tag without a config does not compile
 * (the pattern BBC Simorgh uses for its service configs).
 */

export const localeTags = ["en", "fa", "ru", "zh-Hans"] as const;
export type LocaleTag = (typeof localeTags)[number];

/** Unicode CLDR numbering systems we use (`-u-nu-` extension, UTS #35). */
export type NumberingSystem = "latn" | "arabext" | "arab" | "beng" | "mymr" | "deva" | "tibt";
/** Calendars supported by Intl and used by our services (`-u-ca-` extension, UTS #35). */
export type CalendarSystem = "gregory" | "persian" | "ethiopic" | "buddhist";
export type TextDirection = "ltr" | "rtl";

export interface LocaleConfig {
  readonly tag: LocaleTag;
  /** The language's own name for itself, shown in language switchers with `lang` set. */
  readonly autonym: string;
  /** ISO 15924 script code. */
  readonly script: "Latn" | "Arab" | "Cyrl" | "Hans" | "Hant";
  readonly dir: TextDirection;
  readonly numberingSystem: NumberingSystem;
  readonly calendar: CalendarSystem;
  /** System fonts only: readers on slow or censored networks must not fetch web fonts. */
  readonly fontStack: string;
}

const latinFonts =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const locales: Record<LocaleTag, LocaleConfig> = {
  en: {
    tag: "en",
    autonym: "English",
    script: "Latn",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    fontStack: latinFonts,
  },
  fa: {
    tag: "fa",
    autonym: "فارسی",
    script: "Arab",
    dir: "rtl",
    // Persian readers expect Extended Arabic-Indic digits (۰۱۲۳) and the Solar Hijri calendar.
    numberingSystem: "arabext",
    calendar: "persian",
    fontStack: '"Noto Naskh Arabic", Vazirmatn, Tahoma, "Segoe UI", system-ui, sans-serif',
  },
  ru: {
    tag: "ru",
    autonym: "Русский",
    script: "Cyrl",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    fontStack: latinFonts,
  },
  "zh-Hans": {
    tag: "zh-Hans",
    autonym: "简体中文",
    script: "Hans",
    dir: "ltr",
    numberingSystem: "latn",
    calendar: "gregory",
    fontStack:
      '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif',
  },
};

export function isLocaleTag(value: string): value is LocaleTag {
  return (localeTags as readonly string[]).includes(value);
}

/**
 * The tag handed to Intl: the locale plus explicit calendar and numbering-system extensions,
 * so output never depends on the server's default ICU data for that language.
 */
export function intlLocaleFor(tag: LocaleTag): string {
  const locale = locales[tag];
  return new Intl.Locale(tag, {
    calendar: locale.calendar,
    numberingSystem: locale.numberingSystem,
  }).toString();
}
