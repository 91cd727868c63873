import { describe, expect, it } from "vitest";
import { diffRevisions } from "./revision-diff.js";
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
      tooLarge: null,
    });
  });

  it("refuses to compare line by line past the edit bound, and gives both texts", () => {
    // The attack: two revisions whose bodies share nothing. An O(n·m) table would need
    // n·m cells; the bounded diff gives up after maxEdits and says why.
    const many = (prefix: string) =>
      Array.from({ length: 6_000 }, (_, i) => `${prefix} paragraph ${i}`).join("\n");
    const before: StoryContent = {
      ...base,
      body: [{ type: "paragraph", content: [{ text: many("old") }] }],
    };
    const after: StoryContent = {
      ...base,
      body: [{ type: "paragraph", content: [{ text: many("new") }] }],
    };
    // A generous time budget, so the edit bound (not the machine's load) decides.
    const diff = diffRevisions(before, after, { budgetMs: 10_000 });
    expect(diff.body).toEqual([]);
    expect(diff.tooLarge).toEqual({ reason: "edits", before: many("old"), after: many("new") });
  });
});
