import { describe, expect, it } from "vitest";
import { scheduleCalendar } from "./icalendar.js";
import type { ScheduleSlot } from "./programme-schema.js";
import { expandSchedule, onNowAndNext, wallTimeToUtc, weekStart } from "./schedule.js";

const slot = (over: Partial<ScheduleSlot> = {}): ScheduleSlot => ({
  id: "s1",
  serviceId: "en",
  programmeId: "p1",
  weekdays: [1, 2, 3, 4, 5],
  start: "06:30",
  durationMinutes: 30,
  validFrom: "2026-01-01",
  validUntil: null,
  streamUrl: null,
  ...over,
});

describe("wall-clock times in a service's zone", () => {
  it("keeps 06:30 local across the European spring change (the UTC instant moves an hour)", () => {
    // Europe/Tirane moved from CET to CEST on Sunday 29 March 2026.
    expect(wallTimeToUtc("2026-03-27", 390, "Europe/Tirane").toISOString()).toBe(
      "2026-03-27T05:30:00.000Z",
    );
    expect(wallTimeToUtc("2026-03-30", 390, "Europe/Tirane").toISOString()).toBe(
      "2026-03-30T04:30:00.000Z",
    );
  });

  it("moves a time inside the spring gap forward by the gap (RFC 5545 §3.3.5)", () => {
    // 02:30 does not exist in Tirane on 29 March 2026: it reads as 03:30 CEST.
    expect(wallTimeToUtc("2026-03-29", 150, "Europe/Tirane").toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("takes the first of a time that happens twice when the clocks go back", () => {
    // 02:30 happens twice in Tirane on 25 October 2026: first in CEST (00:30 UTC).
    expect(wallTimeToUtc("2026-10-25", 150, "Europe/Tirane").toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });

  it("handles half-hour zones without daylight saving (Asia/Kabul, +04:30)", () => {
    expect(wallTimeToUtc("2026-06-01", 390, "Asia/Kabul").toISOString()).toBe(
      "2026-06-01T02:00:00.000Z",
    );
  });

  it("handles zones west of UTC across the US change (America/New_York, 8 March 2026)", () => {
    expect(wallTimeToUtc("2026-03-06", 1200, "America/New_York").toISOString()).toBe(
      "2026-03-07T01:00:00.000Z",
    );
    expect(wallTimeToUtc("2026-03-09", 1200, "America/New_York").toISOString()).toBe(
      "2026-03-10T00:00:00.000Z",
    );
  });
});

describe("expanding weekly slots", () => {
  it("repeats on the slot's weekdays only, within its validity", () => {
    const week = expandSchedule(
      [slot({ validUntil: "2026-06-04" })],
      [],
      "UTC",
      "2026-06-01",
      "2026-06-08",
    );
    // Monday 1 June to Thursday 4 June: the slot ends on the Thursday.
    expect(week.map((o) => o.localDate)).toEqual([
      "2026-06-01",
      "2026-06-02",
      "2026-06-03",
      "2026-06-04",
    ]);
  });

  it("applies a cancellation and a moved broadcast on single days", () => {
    const week = expandSchedule(
      [slot()],
      [
        { id: "e1", kind: "cancelled", slotId: "s1", date: "2026-06-02" },
        {
          id: "e2",
          kind: "moved",
          slotId: "s1",
          date: "2026-06-03",
          start: "07:00",
          durationMinutes: 60,
          programmeId: "p2",
        },
      ],
      "UTC",
      "2026-06-01",
      "2026-06-04",
    );
    expect(
      week.map((o) => [o.localDate, o.programmeId, o.start.toISOString(), o.end.toISOString()]),
    ).toEqual([
      ["2026-06-01", "p1", "2026-06-01T06:30:00.000Z", "2026-06-01T07:00:00.000Z"],
      ["2026-06-03", "p2", "2026-06-03T07:00:00.000Z", "2026-06-03T08:00:00.000Z"],
    ]);
  });

  it("says what is on now and what comes next, including a broadcast past midnight", () => {
    const occurrences = expandSchedule(
      [
        slot({ weekdays: [1], start: "23:30", durationMinutes: 60 }),
        slot({ id: "s2", programmeId: "p2", weekdays: [2], start: "01:00" }),
      ],
      [],
      "UTC",
      "2026-06-01",
      "2026-06-03",
    );
    const at = onNowAndNext(occurrences, new Date("2026-06-02T00:15:00Z"));
    expect(at.onNow?.programmeId).toBe("p1");
    expect(at.next?.programmeId).toBe("p2");
    const gap = onNowAndNext(occurrences, new Date("2026-06-02T00:45:00Z"));
    expect(gap.onNow).toBeNull();
    expect(gap.next?.start.toISOString()).toBe("2026-06-02T01:00:00.000Z");
  });

  it("starts weeks on Monday", () => {
    expect(weekStart("2026-06-07")).toBe("2026-06-01");
    expect(weekStart("2026-06-01")).toBe("2026-06-01");
  });
});

describe("iCalendar export (RFC 5545)", () => {
  const occurrence = expandSchedule([slot()], [], "UTC", "2026-06-01", "2026-06-02")[0];
  if (!occurrence) throw new Error("no occurrence");

  it("writes UTC events with CRLF line ends and escaped text", () => {
    const ics = scheduleCalendar({
      name: "Morning, news; radio",
      uidDomain: "news.example",
      stamp: new Date("2026-05-31T12:00:00Z"),
      events: [
        {
          occurrence,
          title: "Daybreak",
          description: "Line one\nline two",
          url: "https://news.example/english/programmes/daybreak",
        },
      ],
    });
    expect(ics).toContain("NAME:Morning\\, news\\; radio\r\n");
    expect(ics).toContain("DTSTART:20260601T063000Z\r\n");
    expect(ics).toContain("DTEND:20260601T070000Z\r\n");
    expect(ics).toContain("DESCRIPTION:Line one\\nline two\r\n");
    expect(ics).toContain("UID:s1-2026-06-01@news.example\r\n");
    expect(ics.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
  });

  it("folds long lines at 75 octets without splitting a UTF-8 character", () => {
    const title = "برنامه صبحگاهی رادیو با خبرهای تازه از سراسر جهان و گفت‌وگو با شنوندگان";
    const ics = scheduleCalendar({
      name: "x",
      uidDomain: "news.example",
      stamp: new Date("2026-05-31T12:00:00Z"),
      events: [{ occurrence, title, description: "", url: "https://news.example/" }],
    });
    const lines = ics.split("\r\n");
    const encoder = new TextEncoder();
    expect(lines.every((line) => encoder.encode(line).length <= 75)).toBe(true);
    // Unfolding (RFC 5545 §3.1) gives the title back whole.
    expect(ics.replace(/\r\n /g, "")).toContain(`SUMMARY:${title}\r\n`);
  });
});
