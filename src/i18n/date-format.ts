import { intlLocaleFor, type LocaleTag } from "./locale-registry.js";

/**
 * Dates for readers, in the service's language, digits, calendar and time zone
 * (e.g. Persian digits and the Solar Hijri calendar for fa). The machine-readable
 * value goes in `<time datetime>` as ISO 8601 (HTML Living Standard, the time element).
 */
export interface DateFormatter {
  dateTime(date: Date): string;
  date(date: Date): string;
}

const cache = new Map<string, DateFormatter>();

export function dateFormatterFor(locale: LocaleTag, timeZone: string): DateFormatter {
  const key = `${locale}|${timeZone}`;
  let formatter = cache.get(key);
  if (!formatter) {
    const tag = intlLocaleFor(locale);
    // Explicit fields rather than dateStyle/timeStyle so the zone name can be shown:
    // an international audience reads one page from many time zones.
    const full = new Intl.DateTimeFormat(tag, {
      year: "numeric",
      month: "long",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
    const dateOnly = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone });
    formatter = { dateTime: (d) => full.format(d), date: (d) => dateOnly.format(d) };
    cache.set(key, formatter);
  }
  return formatter;
}
