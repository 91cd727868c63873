import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time.js";

describe("relative times in the story list", () => {
  const now = Date.parse("2026-03-10T12:00:00.000Z");

  it("names the largest whole unit, in the interface language and its digits", () => {
    expect(relativeTime("2026-03-10T09:00:00.000Z", "en", now)).toBe("3 hours ago");
    expect(relativeTime("2026-03-09T12:00:00.000Z", "en", now)).toBe("yesterday");
    expect(relativeTime("2026-03-10T11:59:40.000Z", "en", now)).toBe("this minute");
    expect(relativeTime("2026-02-24T12:00:00.000Z", "en", now)).toBe("2 weeks ago");
    expect(relativeTime("2026-03-10T09:00:00.000Z", "fa", now)).toBe("۳ ساعت پیش");
  });
});
