import { describe, expect, it } from "vitest";
import type { StoryContent } from "../stories/story-schema.js";
import { contentDiff } from "./translation-diff.js";

const base: StoryContent = {
  headline: "Talks resume",
  standfirst: "",
  dateline: "GENEVA",
  slug: "talks-resume",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "First." }] }],
  bylines: [],
  agencies: [],
};

const paragraphs = (texts: string[]): StoryContent["body"] =>
  texts.map((text) => ({ type: "paragraph" as const, content: [{ text }] }));

describe("translation source diff", () => {
  it("lists field and body changes, without unchanged lines", () => {
    const after = {
      ...base,
      headline: "Talks resume again",
      body: paragraphs(["First.", "Second."]),
    };
    expect(contentDiff(base, after)).toEqual({
      lines: [
        { op: "removed", field: "headline", text: "Talks resume" },
        { op: "added", field: "headline", text: "Talks resume again" },
        { op: "added", field: "body", text: "Second." },
      ],
      bodyTooLarge: null,
    });
  });

  it("gives both body texts when the body is past the line-diff limits", () => {
    const old = Array.from({ length: 3_000 }, (_, i) => `old ${i}`);
    const next = Array.from({ length: 3_000 }, (_, i) => `new ${i}`);
    const diff = contentDiff(
      { ...base, body: paragraphs(old) },
      { ...base, body: paragraphs(next) },
      { budgetMs: 10_000 },
    );
    expect(diff.lines).toEqual([]);
    expect(diff.bodyTooLarge).toEqual({
      reason: "edits",
      before: old.join("\n"),
      after: next.join("\n"),
    });
  });
});
