import { describe, expect, it } from "vitest";
import {
  maxSearchTermLength,
  maxSearchTerms,
  queryTerms,
  searchableText,
} from "./search-folding.js";

describe("searchableText", () => {
  it.each([
    ["kess\u0000ara", "kessara"],
    ["kessara\r\nport", "kessara  port"],
    ["a\tb", "a b"],
    ["\u0001\u001f\u007f\u0080\u009f", ""],
    ["\u202ekessara\u202c", "kessara"],
    ["\u2066kessara\u2069", "kessara"],
    ["\u200e\u200f\u061c", ""],
    ["\ufeffkessara", " kessara"],
    ["\ud800kessara\udfff", "kessara"],
    ["😀", "😀"],
    // Joiners are spelling in Persian and Indic scripts.
    ["می\u200cروم", "می\u200cروم"],
    ["क्\u200dष", "क्\u200dष"],
  ])("%j → %j", (input, expected) => {
    expect(searchableText(input)).toBe(expected);
  });
});

describe("queryTerms", () => {
  it("drops query syntax and control characters, and bounds count and length", () => {
    expect(queryTerms('"Kessara"* AND (port)')).toEqual(["Kessara", "AND", "port"]);
    expect(queryTerms("kess\u0000ara\u0000")).toEqual(["kessara"]);
    expect(queryTerms("a b c d e f g h i j k")).toHaveLength(maxSearchTerms);
    expect([...(queryTerms("ж".repeat(10_000))[0] ?? "")]).toHaveLength(maxSearchTermLength);
    expect(queryTerms("\u0000".repeat(10_000))).toEqual([]);
  });
});
