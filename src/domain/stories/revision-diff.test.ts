import { describe, expect, it } from "vitest";
import { diffLines, diffRevisions } from "./revision-diff.js";
import type { StoryContent } from "./story-schema.js";

const base: StoryContent = {
  headline: "Talks resume",
  standfirst: "",
  dateline: "GENEVA",
  slug: "talks-resume",
  section: "world",
  topics: ["diplomacy"],
  leadFigure: null,
  body: [
    { type: "paragraph", content: [{ text: "First." }] },
    { type: "paragraph", content: [{ text: "Second." }] },
    { type: "paragraph", content: [{ text: "Third." }] },
  ],
  bylines: [],
  agencies: ["AFP"],
};

describe("revision diffs", () => {
  it("lists changed fields and a line diff of the body", () => {
    const after: StoryContent = {
      ...base,
      headline: "Talks resume with new offer",
      agencies: ["AFP", "REUTERS"],
      body: [
        { type: "paragraph", content: [{ text: "First." }] },
        { type: "paragraph", content: [{ text: "Second, revised." }] },
        { type: "paragraph", content: [{ text: "Third." }] },
        { type: "paragraph", content: [{ text: "Fourth." }] },
      ],
    };
    expect(diffRevisions(base, after)).toEqual({
      fields: [
        { field: "headline", before: "Talks resume", after: "Talks resume with new offer" },
        { field: "agencies", before: "AFP", after: "AFP, REUTERS" },
      ],
      body: [
        { op: "same", text: "First." },
        { op: "removed", text: "Second." },
        { op: "added", text: "Second, revised." },
        { op: "same", text: "Third." },
        { op: "added", text: "Fourth." },
      ],
    });
  });

  it("finds the longest common run", () => {
    expect(
      diffLines(["a", "b", "c", "d"], ["b", "c", "x"]).map((c) => `${c.op[0]}${c.text}`),
    ).toEqual(["ra", "sb", "sc", "rd", "ax"]);
    expect(diffLines([], [])).toEqual([]);
  });
});
