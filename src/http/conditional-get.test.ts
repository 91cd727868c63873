import { describe, expect, it } from "vitest";
import { isNotModified, parseHttpDate } from "./conditional-get.js";

const etag = '"abc"';
const lastModified = "Tue, 24 Nov 2026 10:00:00 GMT";

/** One row per rule of RFC 9110 §13.1.2, §13.1.3, §13.2.1 and §13.2.2. */
const table: readonly {
  readonly name: string;
  readonly method?: string;
  readonly ifNoneMatch?: string;
  readonly ifModifiedSince?: string;
  readonly status?: number;
  readonly etag?: string;
  readonly lastModified?: string | null;
  readonly notModified: boolean;
}[] = [
  { name: "no condition", notModified: false },
  // If-None-Match (§13.1.2), weak comparison (§8.8.3.2).
  { name: "the same tag", ifNoneMatch: '"abc"', notModified: true },
  { name: "the weak form of a strong tag", ifNoneMatch: 'W/"abc"', notModified: true },
  {
    name: "a strong tag against a weak one",
    ifNoneMatch: '"abc"',
    etag: 'W/"abc"',
    notModified: true,
  },
  { name: "the tag second in a list", ifNoneMatch: '"x", "abc"', notModified: true },
  { name: "a list without the tag", ifNoneMatch: '"x", "y"', notModified: false },
  { name: "empty list elements", ifNoneMatch: ' , "abc",', notModified: true },
  { name: "a comma inside a tag", ifNoneMatch: '"a, b", "c"', etag: '"a, b"', notModified: true },
  { name: "half of a tag with a comma", ifNoneMatch: '"a, b"', etag: '"b"', notModified: false },
  { name: "an unquoted tag", ifNoneMatch: "abc", notModified: false },
  { name: "a different case", ifNoneMatch: '"ABC"', notModified: false },
  { name: "*, any current representation", ifNoneMatch: "*", notModified: true },
  { name: "* with spaces", ifNoneMatch: " * ", notModified: true },
  { name: "HEAD like GET", method: "HEAD", ifNoneMatch: '"abc"', notModified: true },
  // Only safe reads (§13.1.2, §13.1.3) that would answer 2xx (§13.2.1).
  { name: "POST", method: "POST", ifNoneMatch: '"abc"', notModified: false },
  { name: "DELETE with *", method: "DELETE", ifNoneMatch: "*", notModified: false },
  { name: "a 404 with its tag", status: 404, ifNoneMatch: '"abc"', notModified: false },
  { name: "a 410 with *", status: 410, ifNoneMatch: "*", notModified: false },
  {
    name: "a 404 not modified since",
    status: 404,
    ifModifiedSince: lastModified,
    notModified: false,
  },
  { name: "a 204 with its tag", status: 204, ifNoneMatch: '"abc"', notModified: true },
  // If-None-Match takes precedence (§13.1.3, §13.2.2 step 3 before step 4).
  {
    name: "If-None-Match missing the tag wins over a matching date",
    ifNoneMatch: '"old"',
    ifModifiedSince: lastModified,
    notModified: false,
  },
  {
    name: "an empty If-None-Match still hides the date",
    ifNoneMatch: "",
    ifModifiedSince: lastModified,
    notModified: false,
  },
  {
    name: "If-None-Match matching with an old date",
    ifNoneMatch: '"abc"',
    ifModifiedSince: "Mon, 23 Nov 2026 10:00:00 GMT",
    notModified: true,
  },
  // If-Modified-Since (§13.1.3).
  { name: "the same date", ifModifiedSince: lastModified, notModified: true },
  { name: "a later date", ifModifiedSince: "Wed, 25 Nov 2026 10:00:00 GMT", notModified: true },
  {
    name: "a second earlier",
    ifModifiedSince: "Tue, 24 Nov 2026 09:59:59 GMT",
    notModified: false,
  },
  {
    name: "the same second, modified at .750",
    lastModified: "2026-11-24T10:00:00.750Z",
    ifModifiedSince: lastModified,
    notModified: true,
  },
  {
    name: "an RFC 850 date",
    ifModifiedSince: "Wednesday, 25-Nov-26 10:00:00 GMT",
    notModified: true,
  },
  { name: "an asctime date", ifModifiedSince: "Wed Nov 25 10:00:00 2026", notModified: true },
  { name: "not a date", ifModifiedSince: "yesterday", notModified: false },
  { name: "an ISO 8601 timestamp", ifModifiedSince: "2026-11-25T00:00:00Z", notModified: false },
  {
    name: "two dates",
    ifModifiedSince: "Wed, 25 Nov 2026 10:00:00 GMT, Mon, 23 Nov 2026 10:00:00 GMT",
    notModified: false,
  },
  {
    name: "no Last-Modified",
    lastModified: null,
    ifModifiedSince: lastModified,
    notModified: false,
  },
  { name: "a date on POST", method: "POST", ifModifiedSince: lastModified, notModified: false },
];

describe("conditional GET (RFC 9110 §13)", () => {
  it.each(table)("$name → notModified $notModified", (row) => {
    const request = {
      method: row.method ?? "GET",
      ifNoneMatch: row.ifNoneMatch,
      ifModifiedSince: row.ifModifiedSince,
    };
    const representation = {
      status: row.status ?? 200,
      etag: row.etag ?? etag,
      lastModified: row.lastModified === null ? undefined : (row.lastModified ?? lastModified),
    };
    expect(isNotModified(request, representation)).toBe(row.notModified);
  });
});

describe("HTTP-date (RFC 9110 §5.6.7)", () => {
  it("reads the three forms of the RFC's own example as one instant", () => {
    const instant = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT")).toBe(instant);
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT")).toBe(instant);
    expect(parseHttpDate("Sun Nov  6 08:49:37 1994")).toBe(instant);
  });

  it("refuses what only looks like a date", () => {
    for (const text of [
      "Tue, 31 Feb 2026 10:00:00 GMT",
      "Tue, 24 Nov 2026 24:00:00 GMT",
      "Tue, 24 Foo 2026 10:00:00 GMT",
      "Tue, 24 Nov 0094 10:00:00 GMT",
      "Tue, 24 Nov 2026 10:00:00 UTC",
      "Tue, 24 Nov 2026 10:00:00 +0000",
      "24 Nov 2026 10:00:00 GMT",
      "",
    ]) {
      expect(parseHttpDate(text), text).toBeUndefined();
    }
  });

  it("reads two-digit RFC 850 years as 1970–2069", () => {
    expect(parseHttpDate("Thursday, 01-Jan-70 00:00:00 GMT")).toBe(0);
    expect(parseHttpDate("Saturday, 31-Dec-69 00:00:00 GMT")).toBe(Date.UTC(2069, 11, 31));
  });
});
