import { describe, expect, it } from "vitest";
import type { StoryBody } from "../stories/story-body-schema.js";
import { anchorText, resolveAnchor } from "./comment-anchor.js";

const p = (text: string) => ({ type: "paragraph" as const, content: [{ text }] });

describe("block comment anchors", () => {
  const body: StoryBody = [
    p("The ferry sailed at dawn."),
    p("Passengers cheered as it left the harbour."),
    p("The port reopens on Monday."),
  ];

  it("stays on the block at its position when the text is the same", () => {
    expect(
      resolveAnchor(body, {
        index: 1,
        text: anchorText(p("Passengers cheered as it left the harbour.")),
      }),
    ).toEqual({
      state: "block",
      index: 1,
      text: "Passengers cheered as it left the harbour.",
    });
  });

  it("follows a paragraph that moved, to the nearest copy of its text", () => {
    const moved: StoryBody = [p("A new first paragraph."), ...body];
    expect(
      resolveAnchor(moved, { index: 1, text: "Passengers cheered as it left the harbour." }),
    ).toMatchObject({ state: "block", index: 2 });
  });

  it("follows a paragraph that was edited, and takes its new text", () => {
    const edited: StoryBody = [
      p("The ferry sailed at dawn."),
      p("Passengers cheered loudly as it left the old harbour."),
      p("The port reopens on Monday."),
    ];
    expect(
      resolveAnchor(edited, { index: 1, text: "Passengers cheered as it left the harbour." }),
    ).toEqual({
      state: "block",
      index: 1,
      text: "Passengers cheered loudly as it left the old harbour.",
    });
  });

  it("is orphaned when the paragraph was deleted", () => {
    const deleted: StoryBody = [p("The ferry sailed at dawn."), p("The port reopens on Monday.")];
    expect(
      resolveAnchor(deleted, { index: 1, text: "Passengers cheered as it left the harbour." }),
    ).toEqual({ state: "orphaned" });
  });

  it("reads lists, quotes and figure captions as text, cut to 500 characters", () => {
    expect(
      anchorText({ type: "list", ordered: false, items: [[{ text: "one" }], [{ text: "two" }]] }),
    ).toBe("one\ntwo");
    expect(
      anchorText({ type: "figure", mediaId: "m", caption: "A harbour", credit: "", alt: "" }),
    ).toBe("A harbour");
    expect(anchorText(p("x".repeat(900)))).toHaveLength(500);
  });
});
