import { describe, expect, it } from "vitest";
import {
  emptyEpisodeForm,
  episodeFormOf,
  episodeInput,
  episodeProblems,
  formatStart,
  parseStart,
} from "./episode-form.js";

describe("chapter start times", () => {
  it("reads h:mm:ss, m:ss and seconds, and refuses the rest", () => {
    expect(parseStart("0")).toBe(0);
    expect(parseStart("95")).toBe(95);
    expect(parseStart("4:12")).toBe(252);
    expect(parseStart(" 1:05:30 ")).toBe(3930);
    expect(parseStart("1:30.5")).toBe(90.5);
    expect(parseStart("1:75")).toBeUndefined();
    expect(parseStart("-3")).toBeUndefined();
    expect(parseStart("a minute")).toBeUndefined();
    expect(parseStart("1:2:3:4")).toBeUndefined();
    expect(parseStart("25:00:01")).toBeUndefined();
  });

  it("writes what it reads back", () => {
    for (const seconds of [0, 59, 60, 252, 3930, 90.5]) {
      expect(parseStart(formatStart(seconds))).toBe(seconds);
    }
    expect(formatStart(3930)).toBe("1:05:30");
    expect(formatStart(252)).toBe("4:12");
  });
});

describe("the episode form", () => {
  const base = { ...emptyEpisodeForm("prog1") };

  it("names each wrong row and field", () => {
    const problems = episodeProblems(
      {
        ...base,
        programmeId: "",
        chapters: [
          { start: "0:00", title: "Headlines" },
          { start: "later", title: "Sport" },
          { start: "0", title: "Again" },
          { start: "9:00", title: "" },
          { start: "2:00", title: "After the end" },
        ],
        episodeNumber: "0",
        season: "2.5",
      },
      100,
    );
    expect(problems).toEqual([
      { kind: "programme" },
      { kind: "start", row: 2 },
      { kind: "sameStart", row: 3 },
      { kind: "beyondClip", row: 4 },
      { kind: "title", row: 4 },
      { kind: "beyondClip", row: 5 },
      { kind: "episodeNumber" },
      { kind: "season" },
    ]);
    expect(episodeProblems(base, null)).toEqual([]);
  });

  it("saves the chapters sorted by start time, with empty numbers as null", () => {
    const form = {
      ...base,
      clipId: "clip1",
      chapters: [
        { start: "5:00", title: " Weather " },
        { start: "0", title: "Headlines" },
      ],
      episodeNumber: "12",
    };
    expect(episodeProblems(form, 600)).toEqual([]);
    const input = episodeInput(form);
    expect(input).toEqual({
      programmeId: "prog1",
      clipId: "clip1",
      chapters: [
        { startSeconds: 0, title: "Headlines" },
        { startSeconds: 300, title: "Weather" },
      ],
      episodeNumber: 12,
      season: null,
      explicit: false,
    });
    expect(episodeInput(episodeFormOf(input))).toEqual(input);
  });
});
