import { describe, expect, it } from "vitest";
import type { StoryBlock } from "../../domain/stories/story-body-schema.js";
import {
  applyTextEdit,
  draftProblem,
  draftStorageKey,
  editableText,
  emptyDraft,
  paragraphsOf,
  postFromDraft,
  readDraft,
  writeDraft,
} from "./live-draft.js";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const figure: StoryBlock = {
  type: "figure",
  mediaId: "m1",
  caption: "Gate",
  credit: "",
  alt: "A gate",
};

describe("the posting box's draft", () => {
  it("survives a reload through storage and is forgotten once empty", () => {
    const storage = memoryStorage();
    const draft = { ...emptyDraft("per1"), text: "Convoy at the gate", title: "Border" };
    writeDraft(storage, "s1", draft);
    expect(readDraft(storage, "s1")).toEqual(draft);
    expect(readDraft(storage, "s2")).toBeNull();
    writeDraft(storage, "s1", emptyDraft("per1"));
    expect(storage.items.has(draftStorageKey("s1"))).toBe(false);
  });

  it("ignores stored values that are not a draft, and storage that throws", () => {
    const storage = memoryStorage();
    storage.setItem(draftStorageKey("s1"), "{not json");
    expect(readDraft(storage, "s1")).toBeNull();
    storage.setItem(draftStorageKey("s1"), JSON.stringify({ text: 5, title: "", personId: "" }));
    expect(readDraft(storage, "s1")).toBeNull();
    storage.setItem(
      draftStorageKey("s1"),
      JSON.stringify({ text: "x", title: "", personId: "", photo: { mediaId: 7 } }),
    );
    expect(readDraft(storage, "s1")?.photo).toBeNull();
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => undefined,
    };
    expect(readDraft(broken, "s1")).toBeNull();
    expect(() => writeDraft(broken, "s1", { ...emptyDraft(null), text: "x" })).not.toThrow();
  });

  it("splits paragraphs on blank lines and keeps single line breaks", () => {
    expect(paragraphsOf("First\r\nstill first\n\n \n\nSecond  ")).toEqual([
      { type: "paragraph", content: [{ text: "First\nstill first" }] },
      { type: "paragraph", content: [{ text: "Second" }] },
    ]);
    expect(paragraphsOf("  \n\n ")).toEqual([]);
  });

  it("says why a draft cannot be posted", () => {
    expect(draftProblem(emptyDraft(null))).toBe("empty");
    const photo = { mediaId: "m1", caption: "", alt: " " };
    expect(draftProblem({ ...emptyDraft(null), photo })).toBe("altMissing");
    expect(draftProblem({ ...emptyDraft(null), photo: { ...photo, alt: "A gate" } })).toBeNull();
    expect(draftProblem({ ...emptyDraft(null), text: "Hi" })).toBeNull();
  });

  it("builds the post: text paragraphs, then the photo, the byline and an optional title", () => {
    const draft = {
      text: "Convoy moves",
      title: "  ",
      personId: "per1",
      photo: { mediaId: "m1", caption: " Gate ", alt: "A gate" },
      embeds: [],
    };
    expect(postFromDraft(draft)).toEqual({
      title: null,
      body: [{ type: "paragraph", content: [{ text: "Convoy moves" }] }, figure],
      bylines: [{ personId: "per1" }],
    });
    expect(postFromDraft({ ...draft, title: "Border", personId: "" })).toMatchObject({
      title: "Border",
      bylines: [],
    });
  });

  it("embeds picked stories after the text and photo, keeps them through a reload, and posts an embed alone", () => {
    const storage = memoryStorage();
    const embeds = [{ storyId: "bcdefghjkmnp", headline: "Ferry lines reopen" }];
    const draft = { ...emptyDraft("per1"), text: "Read more", embeds };
    writeDraft(storage, "s1", draft);
    expect(readDraft(storage, "s1")).toEqual(draft);
    expect(postFromDraft(draft).body).toEqual([
      { type: "paragraph", content: [{ text: "Read more" }] },
      { type: "storyEmbed", storyId: "bcdefghjkmnp" },
    ]);
    const alone = { ...emptyDraft(null), embeds };
    expect(draftProblem(alone)).toBeNull();
    writeDraft(storage, "s2", alone);
    expect(readDraft(storage, "s2")?.embeds).toEqual(embeds);
    // A draft kept before embeds existed reads as one without any; a malformed entry goes.
    storage.setItem(draftStorageKey("s3"), JSON.stringify({ text: "x", title: "", personId: "" }));
    expect(readDraft(storage, "s3")?.embeds).toEqual([]);
    storage.setItem(
      draftStorageKey("s4"),
      JSON.stringify({ text: "x", title: "", personId: "", embeds: [{ storyId: 5 }, embeds[0]] }),
    );
    expect(readDraft(storage, "s4")?.embeds).toEqual(embeds);
  });

  it("edits paragraphs in place and keeps photos and other blocks", () => {
    const quote: StoryBlock = { type: "quote", content: [{ text: "We wait." }] };
    const body: StoryBlock[] = [
      quote,
      { type: "paragraph", content: [{ text: "One" }] },
      figure,
      { type: "paragraph", content: [{ text: "Two" }] },
    ];
    expect(editableText(body)).toBe("One\n\nTwo");
    expect(applyTextEdit(body, "Uno\n\nDos\n\nTres").map((b) => b.type)).toEqual([
      "quote",
      "paragraph",
      "paragraph",
      "paragraph",
      "figure",
    ]);
    expect(applyTextEdit([figure], "Caption text")).toEqual([
      { type: "paragraph", content: [{ text: "Caption text" }] },
      figure,
    ]);
  });
});
