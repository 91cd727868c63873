import { describe, expect, it } from "vitest";
import type { StoryBlock } from "./story-body-schema.js";
import { mergedFields, mergeStories, resolveAll, resolveMerge } from "./story-merge.js";
import { type StoryContent, storyContentSchema } from "./story-schema.js";

const p = (text: string): StoryBlock => ({ type: "paragraph", content: [{ text }] });

const base: StoryContent = {
  headline: "Harbour talks resume",
  standfirst: "Negotiators return.",
  dateline: "KESSARA",
  slug: "harbour-talks-resume",
  section: "world",
  topics: ["diplomacy"],
  leadFigure: null,
  body: [p("One."), p("Two."), p("Three."), p("Four.")],
  bylines: [{ kind: "person", personId: "ana", role: "author" }],
  agencies: ["AFP"],
};
const story = (overrides: Partial<StoryContent>): StoryContent => ({ ...base, ...overrides });

describe("mergeStories", () => {
  it("takes changes made on one side only, field by field and block by block", () => {
    const mine = story({
      headline: "Mine",
      body: [p("One."), p("Two, mine."), p("Three."), p("Four.")],
    });
    const theirs = story({
      standfirst: "Theirs.",
      body: [p("One."), p("Two."), p("Three."), p("Four, theirs."), p("Five, theirs.")],
    });
    const merge = mergeStories(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.autoMerged).toBe(4);
    expect(resolveMerge(merge, new Map())).toEqual(
      story({
        headline: "Mine",
        standfirst: "Theirs.",
        body: [p("One."), p("Two, mine."), p("Three."), p("Four, theirs."), p("Five, theirs.")],
      }),
    );
  });

  it("asks only about the same field or the same block changed two ways", () => {
    const mine = story({
      headline: "Mine",
      body: [p("One, mine."), p("Two."), p("Three."), p("Four.")],
    });
    const theirs = story({
      headline: "Theirs",
      dateline: "ALEPPO",
      body: [p("One, theirs."), p("Two."), p("Three, theirs."), p("Four.")],
    });
    const merge = mergeStories(base, mine, theirs);
    expect(merge.conflicts.map((c) => c.id)).toEqual(["headline", expect.stringMatching(/^body-/)]);
    const [headline, block] = merge.conflicts;
    expect(headline).toMatchObject({
      kind: "field",
      mine: "Mine",
      theirs: "Theirs",
      editable: true,
    });
    expect(block).toMatchObject({
      kind: "blocks",
      mine: [p("One, mine.")],
      theirs: [p("One, theirs.")],
      editText: "One, mine.",
    });
    const resolved = resolveMerge(
      merge,
      new Map([
        ["headline", { choice: "theirs" as const }],
        [block?.id ?? "", { choice: "edit" as const, text: "One, by both.\n\nAnd a new one." }],
      ]),
    );
    expect(resolved.headline).toBe("Theirs");
    expect(resolved.dateline).toBe("ALEPPO");
    expect(resolved.body).toEqual([
      p("One, by both."),
      p("And a new one."),
      p("Two."),
      p("Three, theirs."),
      p("Four."),
    ]);
  });

  it("merges topics, agencies and bylines as sets", () => {
    const mine = story({
      topics: ["diplomacy", "climate"],
      agencies: [],
      bylines: [...base.bylines, { kind: "desk", deskId: "desk" }],
    });
    const theirs = story({
      topics: ["diplomacy", "energy"],
      agencies: ["AFP", "REUTERS"],
      bylines: [{ kind: "person", personId: "bo", role: "author" }],
    });
    const merge = mergeStories(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    const resolved = resolveMerge(merge, new Map());
    expect(resolved.topics).toEqual(["diplomacy", "energy", "climate"]);
    expect(resolved.agencies).toEqual(["REUTERS"]);
    expect(resolved.bylines).toEqual([
      { kind: "person", personId: "bo", role: "author" },
      { kind: "desk", deskId: "desk" },
    ]);
  });

  it("asks about a set only when the union would pass its limit", () => {
    const many = (prefix: string) => Array.from({ length: 12 }, (_, i) => `${prefix}-${i}`);
    const merge = mergeStories(base, story({ topics: many("a") }), story({ topics: many("b") }));
    expect(merge.conflicts.map((c) => c.id)).toEqual(["topics"]);
    expect(resolveAll(merge, "mine").topics).toEqual(many("a"));
  });

  it("keeps both insertions at the same place as one conflict, with both texts to edit", () => {
    const mine = story({ body: [...base.body, p("Mine at the end.")] });
    const theirs = story({ body: [...base.body, p("Theirs at the end.")] });
    const merge = mergeStories(base, mine, theirs);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]).toMatchObject({ editText: "Mine at the end.\nTheirs at the end." });
    expect(resolveAll(merge, "theirs").body).toEqual(theirs.body);
    expect(resolveAll(merge, "mine").body).toEqual(mine.body);
  });

  it("takes a deletion on one side and the same change on both sides once", () => {
    const mine = story({ headline: "Same", body: [p("One."), p("Three."), p("Four.")] });
    const theirs = story({
      headline: "Same",
      body: [p("One."), p("Two."), p("Three."), p("Four.")],
    });
    const merge = mergeStories(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    const resolved = resolveMerge(merge, new Map());
    expect(resolved.headline).toBe("Same");
    expect(resolved.body).toEqual(mine.body);
  });

  it("offers no text edit for a stretch that holds a figure", () => {
    const figure: StoryBlock = {
      type: "figure",
      mediaId: "m1",
      caption: "A",
      credit: "",
      alt: "x",
    };
    const mine = story({ body: [p("One."), { ...figure, caption: "Mine" }, p("Four.")] });
    const theirs = story({ body: [p("One."), { ...figure, caption: "Theirs" }, p("Four.")] });
    const merge = mergeStories(story({ body: [p("One."), figure, p("Four.")] }), mine, theirs);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0]).toMatchObject({ kind: "blocks", editText: null });
  });

  it("without a known base, asks about every difference and joins the sets", () => {
    const mine = story({ headline: "Mine", topics: ["climate"], body: [p("Mine.")] });
    const theirs = story({ standfirst: "Theirs.", topics: ["energy"], body: [p("Theirs.")] });
    const merge = mergeStories(null, mine, theirs);
    expect(merge.conflicts.map((c) => c.id)).toEqual(["headline", "standfirst", "body-0"]);
    expect(merge.conflicts[2]).toMatchObject({ editText: "Mine.\nTheirs." });
    expect(resolveAll(merge, "mine")).toEqual({ ...mine, topics: ["energy", "climate"] });
  });

  it("names where a body conflict starts in the base", () => {
    const mine = story({ body: [p("One."), p("Two."), p("Three, mine."), p("Four.")] });
    const theirs = story({ body: [p("One."), p("Two."), p("Three, theirs."), p("Four.")] });
    expect(mergeStories(base, mine, theirs).conflicts[0]).toMatchObject({ baseIndex: 2 });
  });

  it("merges the search and social fields one by one, an absent one counting as empty", () => {
    const seo = {
      title: "",
      description: "",
      socialTitle: "",
      socialDescription: "",
      socialImageId: null,
    };
    const mine = story({ seo: { ...seo, title: "Mine", description: "My description" } });
    const theirs = story({ seo: { ...seo, title: "Theirs", socialImageId: "m1" } });
    const merge = mergeStories(base, mine, theirs);
    expect(merge.conflicts.map((c) => c.id)).toEqual(["seo.title"]);
    expect(merge.conflicts[0]).toMatchObject({
      kind: "seo",
      mine: "Mine",
      theirs: "Theirs",
      editable: true,
    });
    const resolved = resolveMerge(
      merge,
      new Map([["seo.title", { choice: "edit", text: " Both " }]]),
    );
    expect(resolved.seo).toEqual({
      ...seo,
      title: "Both",
      description: "My description",
      socialImageId: "m1",
    });
    // No version has the fields: the merge adds none.
    expect(
      resolveAll(mergeStories(base, story({ headline: "A" }), base), "mine"),
    ).not.toHaveProperty("seo");
  });

  it("handles every field of the story content", () => {
    // A field added to the schema must be merged too, or a merge would drop it.
    expect([...mergedFields].sort()).toEqual(Object.keys(storyContentSchema.shape).sort());
  });

  it("refuses to resolve while a conflict has no answer", () => {
    const merge = mergeStories(base, story({ headline: "A" }), story({ headline: "B" }));
    expect(() => resolveMerge(merge, new Map())).toThrow(/headline/);
  });
});
