import { describe, expect, it } from "vitest";
import type { WireItemContent } from "./wire-api.js";
import { diffWireVersions } from "./wire-diff.js";

function item(
  headline: string,
  paragraphs: string[],
  extra: Partial<WireItemContent> = {},
): WireItemContent {
  return {
    guid: "urn:test:1",
    headline,
    subjects: [],
    body: paragraphs.map((text) => ({ type: "paragraph" as const, content: [{ text }] })),
    ...extra,
  };
}

describe("wire version diff", () => {
  it("shows changed fields and an inserted paragraph as one added line", () => {
    const diff = diffWireVersions(
      { pubStatus: "usable", item: item("Quake hits coast", ["First.", "Third."]) },
      {
        pubStatus: "usable",
        item: item("Quake hits coast, 12 dead", ["First.", "Second.", "Third."]),
      },
    );
    expect(diff.fields).toEqual([
      { field: "headline", before: "Quake hits coast", after: "Quake hits coast, 12 dead" },
    ]);
    expect(diff.body).toEqual([
      { op: "same", text: "First." },
      { op: "added", text: "Second." },
      { op: "same", text: "Third." },
    ]);
  });

  it("reports a kill as a status change with the agency's note", () => {
    const before = { pubStatus: "usable" as const, item: item("Story", ["Text."]) };
    const after = {
      pubStatus: "canceled" as const,
      item: item("Story", ["Text."], { edNote: "Withdrawn: legal." }),
    };
    const diff = diffWireVersions(before, after);
    expect(diff.fields).toEqual([
      { field: "pubStatus", before: "usable", after: "canceled" },
      { field: "edNote", before: "", after: "Withdrawn: legal." },
    ]);
    expect(diff.body.every((line) => line.op === "same")).toBe(true);
  });

  it("finds nothing between identical versions", () => {
    const v = { pubStatus: "usable" as const, item: item("Same", ["A.", "B."]) };
    expect(diffWireVersions(v, v).fields).toEqual([]);
  });

  it("hands both texts back when the bodies are too large to compare line by line", () => {
    const before = Array.from({ length: 20_001 }, (_, i) => `Paragraph ${i}.`);
    const diff = diffWireVersions(
      { pubStatus: "usable", item: item("Story", before) },
      { pubStatus: "usable", item: item("Story", ["Short now."]) },
    );
    expect(diff.body).toEqual([]);
    expect(diff.tooLarge).toEqual({
      reason: "lines",
      before: before.join("\n"),
      after: "Short now.",
    });
  });
});
