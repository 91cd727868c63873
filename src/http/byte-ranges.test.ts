import { describe, expect, it } from "vitest";
import { noneMatch, rangeStillApplies, requestedRange } from "./byte-ranges.js";

describe("requestedRange (RFC 9110 §14)", () => {
  it.each([
    ["bytes=0-99", 1000, { first: 0, last: 99 }],
    ["bytes=990-", 1000, { first: 990, last: 999 }],
    ["bytes=500-5000", 1000, { first: 500, last: 999 }],
    ["bytes=-100", 1000, { first: 900, last: 999 }],
    ["bytes=-5000", 1000, { first: 0, last: 999 }],
    [" bytes = 10 - 20 ", 1000, { first: 10, last: 20 }],
    ["bytes=1000-", 1000, "unsatisfiable"],
    ["bytes=-0", 1000, "unsatisfiable"],
    ["bytes=0-0", 0, "unsatisfiable"],
    ["bytes=20-10", 1000, undefined],
    ["bytes=0-1,5-6", 1000, undefined],
    ["items=0-1", 1000, undefined],
    ["bytes=-", 1000, undefined],
    ["bytes=abc", 1000, undefined],
    [undefined, 1000, undefined],
    [`bytes=${"9".repeat(300)}-`, 1000, undefined],
  ] as const)("%s of %i bytes → %o", (header, size, expected) => {
    expect(requestedRange(header, size)).toEqual(expected);
  });
});

describe("conditional headers (RFC 9110 §13.1)", () => {
  const etag = '"abc"';
  it("matches If-None-Match weakly, lists and *", () => {
    expect(noneMatch(undefined, etag)).toBe(false);
    expect(noneMatch('"abc"', etag)).toBe(true);
    expect(noneMatch('W/"abc"', etag)).toBe(true);
    expect(noneMatch('"x", "abc"', etag)).toBe(true);
    expect(noneMatch("*", etag)).toBe(true);
    expect(noneMatch('"abcd"', etag)).toBe(false);
  });
  it("applies a range only while If-Range names the current tag", () => {
    expect(rangeStillApplies(undefined, etag)).toBe(true);
    expect(rangeStillApplies('"abc"', etag)).toBe(true);
    expect(rangeStillApplies('"old"', etag)).toBe(false);
    expect(rangeStillApplies("Sat, 05 Dec 2026 10:00:00 GMT", etag)).toBe(false);
  });
});
