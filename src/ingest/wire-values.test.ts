import { describe, expect, it } from "vitest";
import {
  conceptFromQcode,
  mapPubStatus,
  normalizeLanguage,
  parseUrgency,
  parseWireDate,
} from "./wire-values.js";

describe("wire value normalisers", () => {
  it("parses the wire date spellings into UTC instants", () => {
    const warnings: string[] = [];
    expect(parseWireDate("2013-03-01T15:09:04.000Z", "t", warnings)).toBe(
      "2013-03-01T15:09:04.000Z",
    );
    expect(parseWireDate("2017-10-11T10:41:00+0100", "t", warnings)).toBe(
      "2017-10-11T09:41:00.000Z",
    );
    expect(parseWireDate("20140829T134951+0000", "t", warnings)).toBe("2014-08-29T13:49:51.000Z");
    expect(parseWireDate("Wed, 02 Oct 2002 13:00:00 GMT", "t", warnings)).toBe(
      "2002-10-02T13:00:00.000Z",
    );
    expect(parseWireDate("2016-01-12 12:35:40", "t", warnings)).toBe("2016-01-12T12:35:40.000Z");
    expect(warnings).toEqual(["t: no time zone given; UTC assumed."]);
    expect(parseWireDate("YYYYMMDD000000-HHMM", "t", warnings)).toBeUndefined();
    expect(parseWireDate("", "t", warnings)).toBeUndefined();
  });

  it("canonicalises BCP 47 tags and ignores junk", () => {
    const warnings: string[] = [];
    expect(normalizeLanguage("en-us", warnings)).toBe("en-US");
    expect(normalizeLanguage("zh_hant", warnings)).toBe("zh-Hant");
    expect(normalizeLanguage("not a tag", warnings)).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it("never misses a kill, whatever the spelling", () => {
    const warnings: string[] = [];
    expect(mapPubStatus("stat:canceled", warnings)).toBe("canceled");
    expect(mapPubStatus("Cancelled", warnings)).toBe("canceled");
    expect(mapPubStatus("Withheld", warnings)).toBe("withheld");
    expect(mapPubStatus(undefined, warnings)).toBe("usable");
    expect(warnings).toEqual([]);
  });

  it("keeps urgency within 1..9 and splits QCodes", () => {
    const warnings: string[] = [];
    expect(parseUrgency("3", warnings)).toBe(3);
    expect(parseUrgency(12, warnings)).toBeUndefined();
    expect(conceptFromQcode("medtop:20000763")).toEqual({ scheme: "medtop", code: "20000763" });
    expect(conceptFromQcode("http://cv.iptc.org/x/1", "Name")).toEqual({
      code: "http://cv.iptc.org/x/1",
      name: "Name",
    });
  });
});
