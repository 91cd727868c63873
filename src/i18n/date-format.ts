import { intlLocaleFor, type LocaleTag, locales } from "./locale-registry.js";

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
    // Explicit fields here too: dateStyle "long" adds a Latin era ("AM") to Ethiopic dates.
    const dateOnly = new Intl.DateTimeFormat(tag, {
      year: "numeric",
      month: "long",
      day: "numeric",
      timeZone,
    });
    const fallback = locales[locale].intlFallback;
    formatter = fallback
      ? {
          dateTime: (d) => withMonthNames(full, d, fallback.months),
          date: (d) => withMonthNames(dateOnly, d, fallback.months),
        }
      : { dateTime: (d) => full.format(d), date: (d) => dateOnly.format(d) };
    cache.set(key, formatter);
  }
  return formatter;
}

/**
 * Borrowed patterns with the language's own month names. The borrowed locale's connecting
 * words (French "à" before the time) are dropped for a plain space, which reads naturally.
 */
function withMonthNames(format: Intl.DateTimeFormat, date: Date, months: readonly string[]) {
  const monthIndex = Number(
    new Intl.DateTimeFormat("en-u-ca-gregory", {
      month: "numeric",
      timeZone: format.resolvedOptions().timeZone,
    }).format(date),
  );
  return format
    .formatToParts(date)
    .map((part) => {
      if (part.type === "month") return months[monthIndex - 1] ?? part.value;
      if (part.type === "literal" && /\p{L}/u.test(part.value)) return " ";
      return part.value;
    })
    .join("");
}
