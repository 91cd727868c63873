import { intlLocaleFor, isLocaleTag, locales } from "../../i18n/locale-registry.js";
import type { UiLanguage } from "../i18n/ui-language.js";

/**
 * The locale dates are written in for each interface language: British English, in
 * Persian the Solar Hijri calendar with Persian digits, and for the other languages the
 * calendar and digits the locale registry gives them (Gregorian; Western digits in Arabic,
 * as the reader's Arabic edition prints them).
 */
const dateLocales: Readonly<Record<UiLanguage, string>> = {
  en: "en-GB",
  fa: "fa-IR-u-ca-persian-nu-arabext",
  ar: intlLocaleFor("ar"),
  es: intlLocaleFor("es"),
  fr: intlLocaleFor("fr"),
  ru: intlLocaleFor("ru"),
  uk: intlLocaleFor("uk"),
  "zh-Hans": intlLocaleFor("zh-Hans"),
};

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Day, month, year, hours and minutes, and the zone's short name ("GMT+1", "IRST"): a
 * desk schedules for readers in other zones, so a time without its zone is ambiguous.
 */
function dateTimeFormat(lang: UiLanguage, timeZone?: string): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone ?? ""}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocales[lang], {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** A time as readers of a service in `timeZone` see it (an unknown zone: the browser's). */
export function formatDateTimeIn(iso: string, lang: UiLanguage, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return dateTimeFormat(lang, timeZone).format(date);
  } catch {
    return dateTimeFormat(lang).format(date);
  }
}

/** Dates and times in the newsroom's chrome, in the interface language and the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, lang: UiLanguage = "en"): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(lang).format(date);
}

/** `dir` and `lang` for a service's content, from the locale registry's facts. */
export function contentDirection(service: {
  readonly locale: string;
  readonly dir?: "ltr" | "rtl";
}): {
  lang: string;
  dir: "ltr" | "rtl";
} {
  const dir = service.dir ?? (isLocaleTag(service.locale) ? locales[service.locale].dir : "ltr");
  return { lang: service.locale, dir };
}
