import { isLocaleTag, locales } from "../../i18n/locale-registry.js";
import type { UiLanguage } from "../i18n/ui-language.js";

/**
 * The locale dates are written in for each interface language: British English, and in
 * Persian the Solar Hijri calendar with Persian digits.
 */
const dateLocales: Readonly<Record<UiLanguage, string>> = {
  en: "en-GB",
  fa: "fa-IR-u-ca-persian-nu-arabext",
};

const dateTimeFormats = new Map<UiLanguage, Intl.DateTimeFormat>();

function dateTimeFormat(lang: UiLanguage): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(dateLocales[lang], {
      dateStyle: "medium",
      timeStyle: "short",
    });
    dateTimeFormats.set(lang, format);
  }
  return format;
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
