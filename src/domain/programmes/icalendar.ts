import type { Occurrence } from "./schedule.js";

/**
 * A broadcast schedule as iCalendar (RFC 5545), for listeners' calendar apps. Each
 * occurrence is its own VEVENT in UTC (`DTSTART:…Z`): no VTIMEZONE to get wrong, and
 * exceptions and daylight-saving shifts are already applied by `expandSchedule`.
 */
export interface CalendarEvent {
  readonly occurrence: Occurrence;
  readonly title: string;
  readonly description: string;
  /** The programme's page, absolute. */
  readonly url: string;
}

export function scheduleCalendar(input: {
  /** A stable product id and calendar name (RFC 5545 §3.7.3, RFC 7986 §5.1). */
  readonly name: string;
  /** The host part of each event's UID (RFC 5545 §3.8.4.7 recommends a domain). */
  readonly uidDomain: string;
  readonly stamp: Date;
  readonly events: readonly CalendarEvent[];
}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Newsdesk//Broadcast schedule//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(input.name)}`,
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  for (const event of input.events) {
    const { occurrence } = event;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${occurrence.slotId}-${occurrence.localDate}@${input.uidDomain}`,
      `DTSTAMP:${utc(input.stamp)}`,
      `DTSTART:${utc(occurrence.start)}`,
      `DTEND:${utc(occurrence.end)}`,
      `SUMMARY:${escapeText(event.title)}`,
    );
    if (event.description !== "") lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    lines.push(`URL:${event.url}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form #2: UTC). */
function utc(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
}

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return stripControls(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Control characters other than line breaks have no place in a TEXT value (RFC 5545 §3.1). */
function stripControls(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 && char !== "\n" && char !== "\r") || code === 0x7f) continue;
    out += char;
  }
  return out;
}

/**
 * Lines longer than 75 octets are folded with CRLF and one space (RFC 5545 §3.1), never
 * inside a UTF-8 sequence: Persian and Chinese titles are several octets a character.
 */
function fold(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let currentBytes = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = "";
      currentBytes = 0;
    }
    current += char;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
