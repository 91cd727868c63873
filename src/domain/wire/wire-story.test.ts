import { describe, expect, it } from "vitest";
import { datelinePlace, storyHeadline } from "./wire-story.js";

describe("agency status prefixes in wire headlines (Reuters conventions)", () => {
  it.each([
    ["UPDATE 1-Oil rises on supply fears", "Oil rises on supply fears"],
    ["UPDATE 12-Oil rises", "Oil rises"],
    ["REFILE-Oil rises", "Oil rises"],
    ["CORRECTED-Oil rises", "Oil rises"],
    ["RPT-Oil rises", "Oil rises"],
    ["WRAPUP 1-Storm hits coast", "Storm hits coast"],
    ["EXCLUSIVE-Bank weighs sale", "Bank weighs sale"],
    ["FACTBOX-Who is who in the cabinet", "Who is who in the cabinet"],
    ["ANALYSIS-Why rates stay high", "Why rates stay high"],
    ["CORRECTED-UPDATE 2-Oil rises", "Oil rises"],
    ["RPT-EXCLUSIVE-Bank weighs sale", "Bank weighs sale"],
  ])("%s → %s", (wire, story) => {
    expect(storyHeadline(wire)).toBe(story);
  });

  it("keeps hyphenated words, lower-case text and a headline that is only a prefix", () => {
    expect(storyHeadline("COVID-19 cases fall")).toBe("COVID-19 cases fall");
    expect(storyHeadline("Update 1-2 win for the home side")).toBe(
      "Update 1-2 win for the home side",
    );
    expect(storyHeadline("UPDATE 1-")).toBe("UPDATE 1-");
  });
});

describe("the place of a wire dateline", () => {
  it.each([
    ["Singapore", "Singapore"],
    ["Oslo, Norway", "Oslo, Norway"],
    ["FORT WASHINGTON, Pa.", "FORT WASHINGTON, Pa."],
    ["London (dpa) -", "London"],
    ["Tel Aviv/Beirut (dpa) - ", "Tel Aviv/Beirut"],
    ["STOCKHOLM, Aug 29, 2014 (AFP) -", "STOCKHOLM"],
    ["SYDNEY March 22 AAP -", "SYDNEY"],
    ["MADRID, 21 Nov. 2024 (Europa Press) -", "MADRID"],
    ["MOSCOW, Monday (Reuters)", "MOSCOW"],
    ["Strasbourg, 10 juil 2024 (AFP)", "Strasbourg"],
    ["2014-07-16 15:53:10 GMT+00:00", ""],
    ["4/4/2018", ""],
    ["", ""],
  ])("%j → %j", (dateline, place) => {
    expect(datelinePlace(dateline)).toBe(place);
  });
});
