import { describe, expect, it } from "vitest";
import { isoSeconds } from "../render/feeds/feed-document.js";
import { dateFormatterFor } from "./date-format.js";

describe("reader dates", () => {
  it("give each instant the same text however often it is asked, in the edition's calendar", () => {
    const fa = dateFormatterFor("fa", "Asia/Tehran");
    const at = new Date("2026-11-24T09:05:00.000Z");
    const first = fa.dateTime(at);
    // Solar Hijri, Persian digits: 3 Azar 1405, 12:35 in Tehran.
    expect(first).toContain("۱۴۰۵");
    expect(first).toContain("۱۲:۳۵");
    expect(fa.dateTime(new Date(at.getTime()))).toBe(first);
    // Another instant is formatted for itself, not served from what was kept.
    expect(fa.dateTime(new Date("2026-11-24T10:05:00.000Z"))).toContain("۱۳:۳۵");
    expect(fa.date(at)).not.toBe(first);
    // Thousands of instants later, the early ones still read right.
    for (let i = 0; i < 5000; i++) fa.dateTime(new Date(at.getTime() + i * 60_000));
    expect(fa.dateTime(at)).toBe(first);
    expect(() => fa.dateTime(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("write machine-readable times to the second, stored or not in toISOString's form", () => {
    expect(isoSeconds("2026-11-24T09:05:07.123Z")).toBe("2026-11-24T09:05:07Z");
    expect(isoSeconds("2026-11-24T09:05:07Z")).toBe("2026-11-24T09:05:07Z");
    expect(isoSeconds("2026-11-24T10:05:07+01:00")).toBe("2026-11-24T09:05:07Z");
  });
});
