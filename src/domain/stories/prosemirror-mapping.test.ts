import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blocksToPmDoc, pmDocToBlocks } from "./prosemirror-mapping.js";
import type { StoryBody } from "./story-body-schema.js";

describe("ProseMirror ↔ blocks", () => {
  it("maps the editor's nodes and marks to blocks", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Talks " },
            { type: "text", text: "resumed", marks: [{ type: "italic" }, { type: "bold" }] },
            {
              type: "text",
              text: " here",
              marks: [{ type: "link", attrs: { href: "https://example.org/a" } }],
            },
          ],
        },
        { type: "paragraph" },
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Reaction" }] },
        {
          type: "blockquote",
          attrs: { speaker: "A mediator" },
          content: [{ type: "paragraph", content: [{ type: "text", text: "We are hopeful." }] }],
        },
        {
          type: "orderedList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "One" }] }],
            },
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Two" }] }],
            },
          ],
        },
        { type: "figure", attrs: { mediaId: "m1", caption: "Cap", credit: "Cred", alt: "Alt" } },
      ],
    };
    expect(pmDocToBlocks(doc)).toEqual([
      {
        type: "paragraph",
        content: [
          { text: "Talks " },
          { text: "resumed", marks: [{ type: "em" }, { type: "strong" }] },
          { text: " here", marks: [{ type: "link", href: "https://example.org/a" }] },
        ],
      },
      { type: "heading", level: 3, content: [{ text: "Reaction" }] },
      { type: "quote", content: [{ text: "We are hopeful." }], speaker: "A mediator" },
      { type: "list", ordered: true, items: [[{ text: "One" }], [{ text: "Two" }]] },
      { type: "figure", mediaId: "m1", caption: "Cap", credit: "Cred", alt: "Alt" },
    ]);
  });

  it("refuses javascript: links, unknown nodes and non-documents", () => {
    const link = (href: string) => ({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }],
        },
      ],
    });
    expect(() => pmDocToBlocks(link("javascript:alert(1)"))).toThrow(/Links must be/);
    expect(() => pmDocToBlocks({ type: "doc", content: [{ type: "iframe" }] })).toThrow(
      /not supported/,
    );
    expect(() => pmDocToBlocks({ type: "paragraph" })).toThrow(/not a ProseMirror document/);
    expect(() => pmDocToBlocks("<p>hi</p>")).toThrow(/not a ProseMirror document/);
  });

  it("maps a story embed node to its block and refuses one without a story id", () => {
    const doc = (attrs: Record<string, unknown>) => ({
      type: "doc",
      content: [{ type: "storyEmbed", attrs }],
    });
    expect(pmDocToBlocks(doc({ storyId: "bcdefghjkmnp" }))).toEqual([
      { type: "storyEmbed", storyId: "bcdefghjkmnp" },
    ]);
    expect(() => pmDocToBlocks(doc({}))).toThrow(/Story ids are twelve/);
    expect(() => pmDocToBlocks(doc({ storyId: "../admin" }))).toThrow(/Story ids are twelve/);
  });

  it("round-trips any body through the editor format unchanged", () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes("\n"));
    const inline = fc.array(
      fc
        .record({
          text,
          marks: fc.constantFrom(
            undefined,
            [{ type: "em" as const }],
            [{ type: "strong" as const }],
          ),
        })
        .map((part) => (part.marks ? { text: part.text, marks: part.marks } : { text: part.text })),
      { minLength: 1, maxLength: 3 },
    );
    const block = fc.oneof(
      inline.map((content) => ({ type: "paragraph" as const, content })),
      fc
        .record({ level: fc.constantFrom(2 as const, 3 as const), content: inline })
        .map((b) => ({ type: "heading" as const, ...b })),
      fc
        .record({ content: inline, speaker: text.filter((s) => s.trim() === s) })
        .map((b) => ({ type: "quote" as const, ...b })),
      fc
        .record({ ordered: fc.boolean(), items: fc.array(inline, { minLength: 1, maxLength: 3 }) })
        .map((b) => ({ type: "list" as const, ...b })),
      fc
        .record({ mediaId: text, caption: fc.string(), credit: fc.string(), alt: fc.string() })
        .map((b) => ({ type: "figure" as const, ...b })),
      fc
        .stringMatching(/^[0-9a-hjkmnp-tv-z]{12}$/)
        .map((storyId) => ({ type: "storyEmbed" as const, storyId })),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (body) => {
        const typed = body as StoryBody;
        // Adjacent text parts with identical marks may merge in an editor; ours keeps them apart.
        expect(pmDocToBlocks(blocksToPmDoc(typed))).toEqual(typed);
      }),
    );
  });
});
