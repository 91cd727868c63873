import { intlLocaleFor, type LocaleTag, locales } from "./locale-registry.js";

/**
 * Dates for readers, in the service's language, digits, calendar and time zone
 * (e.g. Persian digits and the Solar Hijri calendar for fa). The machine-readable
 * value goes in `<time datetime>` as ISO 8601 (HTML Living Standard, the time element).
 */
export interface DateFormatter {
  dateTime(date: Date): string;
  date(date: Date): string;
  /**
   * The time of day alone, in the language's digits and clock ("06:30", "۰۶:۳۰"), for
   * broadcast schedules whose days are headed by the date.
   */
  time(date: Date): string;
  /** A wall-clock time of day ("06:30") written the language's way, with no zone. */
  wallTime(hhmm: string): string;
  /** The name of an ISO weekday (1 = Monday … 7 = Sunday). */
  weekday(isoDay: number): string;
}

const cache = new Map<string, DateFormatter>();

/** Formatted instants kept per formatter; pages show the same few hundred times again and again. */
const maxRemembered = 4096;

/**
 * An Intl format is microseconds per call, and a live page shows 40 times on every cache
 * miss: the text of each instant is kept (bounded), as the formatter itself is.
 */
function remembered(format: (date: Date) => string): (date: Date) => string {
  const seen = new Map<number, string>();
  return (date) => {
    const at = date.getTime();
    let text = seen.get(at);
    if (text === undefined) {
      text = format(date);
      if (seen.size >= maxRemembered) seen.clear();
      seen.set(at, text);
    }
    return text;
  };
}

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
    const timeOnly = new Intl.DateTimeFormat(tag, { hour: "numeric", minute: "2-digit", timeZone });
    const wallClock = new Intl.DateTimeFormat(tag, {
      hour: "numeric",
      minute: "2-digit",
      timeZone: "UTC",
    });
    const weekdayName = new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: "UTC" });
    const fallback = locales[locale].intlFallback;
    const wallTime = (hhmm: string) => {
      const [h, m] = hhmm.split(":").map(Number) as [number, number];
      return wallClock.format(new Date(Date.UTC(2026, 0, 5, h, m)));
    };
    // 5 January 2026 was a Monday.
    const weekday = (isoDay: number) =>
      fallback?.weekdays[isoDay - 1] ?? weekdayName.format(new Date(Date.UTC(2026, 0, 4 + isoDay)));
    formatter = fallback
      ? {
          dateTime: remembered((d) => withMonthNames(full, d, fallback.months)),
          date: remembered((d) => withMonthNames(dateOnly, d, fallback.months)),
          time: (d) => timeOnly.format(d),
          wallTime,
          weekday,
        }
      : {
          dateTime: remembered((d) => full.format(d)),
          date: remembered((d) => dateOnly.format(d)),
          time: (d) => timeOnly.format(d),
          wallTime,
          weekday,
        };
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
