import type { ScheduleException, ScheduleSlot } from "./programme-schema.js";

/**
 * A broadcast schedule is entered once as weekly slots in the service's own wall-clock time
 * ("Mondays to Fridays at 06:30 in Asia/Kabul"), with exceptions for single days. Readers,
 * the "on now" line and the iCalendar export need real instants, so slots are expanded here
 * into occurrences in UTC. Wall-clock times are kept across daylight-saving changes: a
 * 06:30 programme stays at 06:30 local after the clocks move (that is what listeners
 * expect), so its UTC instant moves by the shift.
 */
export interface Occurrence {
  readonly slotId: string;
  readonly programmeId: string;
  /** UTC instants. */
  readonly start: Date;
  readonly end: Date;
  /** The slot's live stream URL, if it has one. */
  readonly streamUrl: string | null;
  /** The local calendar date (YYYY-MM-DD) the occurrence starts on, in the service's zone. */
  readonly localDate: string;
}

const dayMs = 86_400_000;

/** The offset of `zone` from UTC at `instant`, in milliseconds (east positive). */
function zoneOffsetMs(zone: string, instant: number): number {
  const parts = partsFormatter(zone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  // `hour` is 24 at midnight in some engines with hourCycle h23 absent; normalise.
  const hour = get("hour") % 24;
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    hour,
    get("minute"),
    get("second"),
  );
  return asUtc - (instant - (instant % 1000));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, format);
  }
  return format;
}

/**
 * The UTC instant of a wall-clock time in `zone`. A time that does not exist (skipped when
 * the clocks go forward) moves forward by the gap, as RFC 5545 §3.3.5 says calendar
 * applications do; a time that exists twice (clocks going back) is the first of the two.
 */
export function wallTimeToUtc(date: string, minutes: number, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // Try the offsets in force a day either side: one of them is the offset at the answer.
  const before = zoneOffsetMs(zone, wall - dayMs / 2);
  const after = zoneOffsetMs(zone, wall + dayMs / 2);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + zoneOffsetMs(zone, candidate) === wall) return new Date(candidate);
  }
  // In the gap: the instant the earlier offset would give, read with the later offset,
  // lands after the gap by the same distance as the wall time was into it.
  return new Date(wall - before);
}

/** The local calendar date (YYYY-MM-DD) of an instant in `zone`. */
export function localDateOf(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(zone, instant.getTime()));
  return shifted.toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday, of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * dayMs).toISOString().slice(0, 10);
}

/** Monday of the week holding `date` (ISO 8601 weeks start on Monday). */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Every occurrence that starts on a local date in [`from`, `to`) (YYYY-MM-DD, the service's
 * zone), exceptions applied, sorted by start. Bounded: callers ask for weeks, not years.
 */
export function expandSchedule(
  slots: readonly ScheduleSlot[],
  exceptions: readonly ScheduleException[],
  zone: string,
  from: string,
  to: string,
): Occurrence[] {
  const byDay = new Map<string, ScheduleException>();
  for (const exception of exceptions) byDay.set(`${exception.slotId}|${exception.date}`, exception);
  const occurrences: Occurrence[] = [];
  for (let date = from; date < to; date = addDays(date, 1)) {
    const weekday = isoWeekday(date);
    for (const slot of slots) {
      if (!slot.weekdays.includes(weekday)) continue;
      if (date < slot.validFrom || (slot.validUntil !== null && date > slot.validUntil)) continue;
      const exception = byDay.get(`${slot.id}|${date}`);
      if (exception?.kind === "cancelled") continue;
      const startTime = exception?.kind === "moved" ? exception.start : slot.start;
      const duration =
        exception?.kind === "moved" ? exception.durationMinutes : slot.durationMinutes;
      const start = wallTimeToUtc(date, minutesOf(startTime), zone);
      occurrences.push({
        slotId: slot.id,
        programmeId:
          exception?.kind === "moved" && exception.programmeId !== null
            ? exception.programmeId
            : slot.programmeId,
        start,
        end: new Date(start.getTime() + duration * 60_000),
        streamUrl: slot.streamUrl,
        localDate: date,
      });
    }
  }
  return occurrences.sort(
    (a, b) => a.start.getTime() - b.start.getTime() || a.slotId.localeCompare(b.slotId),
  );
}

/** What is on at `now` and what starts next after it (occurrences sorted by start). */
export function onNowAndNext(
  occurrences: readonly Occurrence[],
  now: Date,
): { readonly onNow: Occurrence | null; readonly next: Occurrence | null } {
  const t = now.getTime();
  let onNow: Occurrence | null = null;
  for (const occurrence of occurrences) {
    if (occurrence.start.getTime() <= t && t < occurrence.end.getTime()) onNow = occurrence;
  }
  const next = occurrences.find((o) => o.start.getTime() > t) ?? null;
  return { onNow, next };
}
