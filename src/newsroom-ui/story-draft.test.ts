import { describe, expect, it } from "vitest";
import {
  bylineName,
  hasByline,
  isoToLocalInput,
  localInputToIso,
  moveItem,
  newStoryContent,
  normalizeContent,
  removeItem,
  toggle,
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
