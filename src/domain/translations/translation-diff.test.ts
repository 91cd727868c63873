import { describe, expect, it } from "vitest";
import type { StoryContent } from "../stories/story-schema.js";
import { alignForTranslator, contentDiff } from "./translation-diff.js";

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

describe("source and translation side by side", () => {
  const source = {
    ...base,
    headline: "Talks resume",
    body: paragraphs(["One.", "Two.", "Three."]),
  };
  const translation = {
    ...base,
    headline: "Gespräche gehen weiter",
    body: paragraphs(["Eins.", "Zwei.", "Drei."]),
  };

  it("pairs blocks by position when the source has not changed", () => {
    const aligned = alignForTranslator(source, source, translation);
    expect(aligned.tooLarge).toBe(false);
    expect(aligned.rows).toEqual([
      { change: "same", source: "One.", previous: null, translation: "Eins." },
      { change: "same", source: "Two.", previous: null, translation: "Zwei." },
      { change: "same", source: "Three.", previous: null, translation: "Drei." },
    ]);
    expect(aligned.fields[0]).toEqual({
      field: "headline",
      source: "Talks resume",
      previous: null,
      translation: "Gespräche gehen weiter",
    });
  });

  it("marks changed, added and removed source blocks inline, keeping the translation's pairs", () => {
    const current = {
      ...source,
      headline: "Talks resume in Geneva",
      body: paragraphs(["Zero.", "One.", "Two, revised.", "Four."]),
    };
    const aligned = alignForTranslator(source, current, translation);
    expect(aligned.rows).toEqual([
      { change: "added", source: "Zero.", previous: null, translation: null },
      { change: "same", source: "One.", previous: null, translation: "Eins." },
      { change: "changed", source: "Two, revised.", previous: "Two.", translation: "Zwei." },
      { change: "changed", source: "Four.", previous: "Three.", translation: "Drei." },
    ]);
    expect(aligned.fields[0]?.previous).toBe("Talks resume");

    const shorter = alignForTranslator(
      source,
      { ...source, body: paragraphs(["One."]) },
      translation,
    );
    expect(
      shorter.rows.map((row) => [row.change, row.source, row.previous, row.translation]),
    ).toEqual([
      ["same", "One.", null, "Eins."],
      ["removed", null, "Two.", "Zwei."],
      ["removed", null, "Three.", "Drei."],
    ]);
  });

  it("pairs by position, unmarked, when the body is past the diff's limits", () => {
    const aligned = alignForTranslator(
      source,
      { ...source, body: paragraphs(["A.", "B."]) },
      translation,
      { maxEdits: 1 },
    );
    expect(aligned.tooLarge).toBe(true);
    expect(aligned.rows.map((row) => [row.source, row.translation])).toEqual([
      ["A.", "Eins."],
      ["B.", "Zwei."],
      [null, "Drei."],
    ]);
  });
});
