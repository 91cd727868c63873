import { describe, expect, it } from "vitest";
import { formatTimestamp, parseTimestamp, parseWebVtt, transcriptFromCues } from "./webvtt.js";

const good = `WEBVTT - evening bulletin

NOTE written by the desk

intro
00:00:00.000 --> 00:00:02.500
<v Anchor>Good evening, this is the news.

00:02.600 --> 00:05.000 align:start line:90%
The river rose &amp; the bridge closed.

00:00:08.000 --> 00:00:10.000
<v Reporter>I am at the bridge.
`;

describe("parseWebVtt", () => {
  it("reads identifiers, both timestamp forms, settings and text", () => {
    const result = parseWebVtt(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cues).toEqual([
      {
        id: "intro",
        startMs: 0,
        endMs: 2500,
        settings: "",
        text: "<v Anchor>Good evening, this is the news.",
      },
      {
        id: "",
        startMs: 2600,
        endMs: 5000,
        settings: "align:start line:90%",
        text: "The river rose &amp; the bridge closed.",
      },
      {
        id: "",
        startMs: 8000,
        endMs: 10000,
        settings: "",
        text: "<v Reporter>I am at the bridge.",
      },
    ]);
  });

  it("accepts CRLF line ends and a byte order mark", () => {
    const result = parseWebVtt(`\uFEFF${good.replaceAll("\n", "\r\n")}`);
    expect(result.ok && result.cues.length).toBe(3);
  });

  it.each([
    ["no signature", "00:00:00.000 --> 00:00:01.000\nHi\n", 1, "WEBVTT"],
    ["a signature run on", "WEBVTTX\n\n00:00.000 --> 00:01.000\nHi\n", 1, "WEBVTT"],
    ["two-digit milliseconds", "WEBVTT\n\n00:00.00 --> 00:01.000\nHi\n", 3, "hh:mm:ss.ttt"],
    ["minutes over 59", "WEBVTT\n\n00:61:00.000 --> 01:02:00.000\nHi\n", 3, "hh:mm:ss.ttt"],
    [
      "a comma for the decimal point",
      "WEBVTT\n\n00:00:00,000 --> 00:00:01,000\nHi\n",
      3,
      "hh:mm:ss.ttt",
    ],
    ["an end before the start", "WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nHi\n", 3, "ends before"],
    ["an empty cue", "WEBVTT\n\n00:00:01.000 --> 00:00:01.000\nHi\n", 3, "ends before"],
    [
      "cues out of order",
      "WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n",
      6,
      "order",
    ],
    ["an unknown setting", "WEBVTT\n\n00:00.000 --> 00:01.000 colour:red\nHi\n", 3, "setting"],
    [
      "a setting given twice",
      "WEBVTT\n\n00:00.000 --> 00:01.000 align:start align:end\nHi\n",
      3,
      "twice",
    ],
    [
      "two cues without a blank line",
      "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n00:01.000 --> 00:02.000\nThere\n",
      4,
      "blank line",
    ],
    ["a block with no timing", "WEBVTT\n\nhello\nworld\n", 3, "cue timing"],
  ])("refuses %s, naming the line", (_, text, line, words) => {
    const result = parseWebVtt(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.line).toBe(line);
    expect(result.problems[0]?.message).toContain(words);
  });

  it("refuses files over the size limit and too many cues", () => {
    expect(parseWebVtt(`WEBVTT\n\n${"x".repeat(600_000)}`).ok).toBe(false);
    const many = Array.from(
      { length: 11 },
      (_, i) =>
        `00:${String(i).padStart(2, "0")}.000 --> 00:${String(i).padStart(2, "0")}.500\nc${i}`,
    );
    const result = parseWebVtt(`WEBVTT\n\n${many.join("\n\n")}\n`, {
      maxBytes: 10_000,
      maxCues: 10,
      maxCueChars: 100,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toContain("at most 10 cues");
  });

  it("reports at most twenty problems for a file full of mistakes", () => {
    const bad = Array.from({ length: 100 }, () => "00:00:00.00 --> 00:00:01.000\nx").join("\n\n");
    const result = parseWebVtt(`WEBVTT\n\n${bad}\n`);
    expect(!result.ok && result.problems.length).toBe(20);
  });
});

describe("timestamps", () => {
  it("parse and format round-trip, hours optional", () => {
    expect(parseTimestamp("01:02.345")).toBe(62_345);
    expect(parseTimestamp("100:00:00.001")).toBe(360_000_001);
    expect(formatTimestamp(3_723_004)).toBe("01:02:03.004");
    expect(parseTimestamp(formatTimestamp(5_025_999))).toBe(5_025_999);
  });
});

describe("transcriptFromCues", () => {
  it("drops markup, decodes entities, starts paragraphs at pauses and speaker changes", () => {
    const result = parseWebVtt(good);
    if (!result.ok) throw new Error("fixture");
    expect(transcriptFromCues(result.cues)).toBe(
      "Anchor: Good evening, this is the news. The river rose & the bridge closed.\n\nReporter: I am at the bridge.",
    );
  });

  it("does not repeat roll-up lines", () => {
    const result = parseWebVtt(
      "WEBVTT\n\n00:00.000 --> 00:01.000\nsame words\n\n00:01.000 --> 00:02.000\nsame words\n\n00:02.000 --> 00:03.000\n<i>new</i> words\n",
    );
    if (!result.ok) throw new Error("fixture");
    expect(transcriptFromCues(result.cues)).toBe("same words new words");
  });
});
