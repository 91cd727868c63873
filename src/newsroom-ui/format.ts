import { isLocaleTag, locales } from "../i18n/locale-registry.js";

/** Dates and times in the newsroom's chrome (English), in the browser's time zone. */
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
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
