import { describe, expect, it } from "vitest";
import { blocksToPmDoc, pmDocToBlocks } from "../../domain/stories/prosemirror-mapping.js";
import type { Content } from "../shared/api-schemas.js";
import {
  bylineName,
  contentKey,
  hasByline,
  isoToLocalInput,
  localInputToIso,
  moveItem,
  newStoryContent,
  normalizeContent,
  removeItem,
  toggle,
  UnsavedChanges,
} from "./story-draft.js";

const catalog = {
  sections: [{ slug: "world", name: "World" }],
  people: [{ id: "p1", name: "Amina Yusuf", title: "Correspondent" }],
  desks: [{ id: "d1", name: "Meridian Desk", description: "" }],
};

describe("story draft helpers", () => {
  it("starts a story from its headline, with a slug in any script", () => {
    expect(newStoryContent("  Trucks cross the border ", catalog)).toMatchObject({
      headline: "Trucks cross the border",
      slug: "trucks-cross-the-border",
      section: "world",
      body: [],
      bylines: [],
    });
    expect(newStoryContent("کامیون‌ها از مرز گذشتند", catalog).slug).toBe("کامیون-ها-از-مرز-گذشتند");
  });

  it("stores text NFC-normalized", () => {
    const decomposed = "Cafe\u0301";
    const content = normalizeContent({ ...newStoryContent("x", catalog), headline: decomposed });
    expect(content.headline).toBe("Café");
    expect(content.headline.length).toBe(4);
  });

  it("moves, removes and toggles without mutating", () => {
    const list = ["a", "b", "c"] as const;
    expect(moveItem(list, 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(list, 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(list, 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(list, 2, 1)).toEqual(["a", "b", "c"]);
    expect(removeItem(list, 1)).toEqual(["a", "c"]);
    expect(list).toEqual(["a", "b", "c"]);
    expect(toggle(["x"], "y", true)).toEqual(["x", "y"]);
    expect(toggle(["x", "y"], "x", false)).toEqual(["y"]);
    expect(toggle(["x"], "x", true)).toEqual(["x"]);
  });

  it("names bylines from the catalogue and spots duplicates", () => {
    expect(bylineName({ kind: "person", personId: "p1", role: "author" }, catalog)).toBe(
      "Amina Yusuf",
    );
    expect(bylineName({ kind: "desk", deskId: "d1" }, catalog)).toBe("Meridian Desk");
    expect(bylineName({ kind: "desk", deskId: "gone" }, catalog)).toBe("gone");
    const bylines = [{ kind: "person" as const, personId: "p1", role: "author" as const }];
    expect(hasByline(bylines, { kind: "person", personId: "p1", role: "photographer" })).toBe(true);
    expect(hasByline(bylines, { kind: "desk", deskId: "p1" })).toBe(false);
  });

  it("converts datetime-local values to UTC ISO and back", () => {
    const iso = localInputToIso("2026-05-14T10:30");
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(isoToLocalInput(iso ?? "")).toBe("2026-05-14T10:30");
    expect(localInputToIso("")).toBeNull();
    expect(localInputToIso("tomorrow")).toBeNull();
  });
});

describe("unsaved changes", () => {
  /** A draft as "Use in new story" makes it: wire text ending in a list, agency credited. */
  const fromWire: Content = {
    ...newStoryContent("Bridge reopens after repairs", catalog),
    body: [
      {
        type: "paragraph",
        content: [
          { text: "The bridge reopened on " },
          { text: "Monday", marks: [{ type: "strong" }] },
        ],
      },
      { type: "list", ordered: false, items: [[{ text: "Two lanes are open." }]] },
    ],
    agencies: ["AFP"],
  };

  /** What the editor sends back: the body through ProseMirror and back, NFC-normalized. */
  const asEditorHoldsIt = (content: Content, extraPm: unknown[] = []): Content => {
    const doc = blocksToPmDoc(content.body);
    return normalizeContent({
      ...content,
      body: pmDocToBlocks({ ...doc, content: [...(doc.content ?? []), ...extraPm] }),
    });
  };

  it("a draft that was only opened is not changed", () => {
    const tracker = new UnsavedChanges();
    expect(tracker.isChanged(fromWire)).toBe(false); // nothing loaded yet
    tracker.markSaved(asEditorHoldsIt(fromWire));
    expect(tracker.isChanged(asEditorHoldsIt(fromWire))).toBe(false);
    // Tiptap's trailing empty paragraph after a list is spacing, not content.
    expect(tracker.isChanged(asEditorHoldsIt(fromWire, [{ type: "paragraph" }]))).toBe(false);
  });

  it("compares content, not key order or Unicode composition", () => {
    const tracker = new UnsavedChanges();
    tracker.markSaved({ ...fromWire, headline: "Cafe\u0301 reopens" });
    const reordered = Object.fromEntries(Object.entries(fromWire).reverse()) as Content;
    expect(tracker.isChanged({ ...reordered, headline: "Café reopens" })).toBe(false);
    expect(contentKey({ ...fromWire, headline: "Cafe\u0301" })).toBe(
      contentKey({ ...fromWire, headline: "Café" }),
    );
  });

  it("sees an edit, and an edit undone", () => {
    const tracker = new UnsavedChanges();
    tracker.markSaved(fromWire);
    expect(tracker.isChanged({ ...fromWire, standfirst: "Repairs took a year." })).toBe(true);
    expect(tracker.isChanged({ ...fromWire, topics: ["transport"] })).toBe(true);
    expect(tracker.isChanged({ ...fromWire, body: fromWire.body.slice(0, 1) })).toBe(true);
    expect(tracker.isChanged({ ...fromWire })).toBe(false);
    // A body that cannot be read is treated as changed, so its error is not lost.
    expect(tracker.isChanged(null)).toBe(true);
  });

  it("after a save, only what was typed since counts", () => {
    const tracker = new UnsavedChanges();
    tracker.markSaved(fromWire);
    const sent = { ...fromWire, standfirst: "First." };
    const typedDuringSave = { ...sent, standfirst: "First. Second." };
    tracker.markSaved(sent);
    expect(tracker.isChanged(sent)).toBe(false);
    expect(tracker.isChanged(typedDuringSave)).toBe(true);
  });
});
