import { describe, expect, it } from "vitest";
import { NewsdeskError } from "../error-catalogue.js";
import {
  bodyPlainText,
  embeddedStoryIds,
  maxStoryEmbeds,
  type StoryBlock,
  storyBodySchema,
} from "./story-body-schema.js";
import { unseenEmbeds } from "./story-embeds.js";
import { bodyWordCount } from "./word-count.js";

const embed = (storyId: string): StoryBlock => ({ type: "storyEmbed", storyId });
const paragraph = (text: string): StoryBlock => ({ type: "paragraph", content: [{ text }] });

describe("story embeds in a body", () => {
  it("take a story id as minted by newId, and at most 20 per body", () => {
    expect(storyBodySchema.safeParse([embed("bcdefghjkmnp")]).success).toBe(true);
    for (const bad of ["", "BCDEFGHJKMNP", "bcdefghjkmn", "bcdefghjkmnpq", "bcdefghjkmni", "a/b"]) {
      expect(storyBodySchema.safeParse([embed(bad)]).success, bad).toBe(false);
    }
    expect(
      storyBodySchema.safeParse([{ type: "storyEmbed", storyId: "bcdefghjkmnp", headline: "x" }])
        .data,
    ).toEqual([embed("bcdefghjkmnp")]);
    const many = (n: number) => Array.from({ length: n }, () => embed("bcdefghjkmnp"));
    expect(storyBodySchema.safeParse(many(maxStoryEmbeds)).success).toBe(true);
    expect(storyBodySchema.safeParse(many(maxStoryEmbeds + 1)).success).toBe(false);
  });

  it("add no text of their own to the body's plain text and word count", () => {
    const body = [paragraph("Two words"), embed("bcdefghjkmnp")];
    expect(bodyPlainText(body)).toBe("Two words");
    expect(bodyWordCount(body)).toBe(2);
    expect(
      embeddedStoryIds([embed("b0000000000b"), paragraph("x"), embed("b0000000000b")]),
    ).toEqual(["b0000000000b"]);
  });

  it("are checked when new: missing and hidden stories read alike; other failures are not hidden", async () => {
    const asked: string[] = [];
    const viewable = async (id: string) => {
      asked.push(id);
      if (id === "missing00000") throw new NewsdeskError("STORY_NOT_FOUND");
      if (id === "hidden000000") throw new NewsdeskError("FORBIDDEN");
      return {};
    };
    const body = [
      embed("kept00000000"),
      embed("seen00000000"),
      embed("missing00000"),
      embed("hidden000000"),
    ];
    expect(await unseenEmbeds(body, [embed("kept00000000")], viewable)).toEqual([
      "story missing00000",
      "story hidden000000",
    ]);
    // Embeds already in the revision being edited are not asked about again.
    expect(asked).toEqual(["seen00000000", "missing00000", "hidden000000"]);
    await expect(
      unseenEmbeds([embed("broken000000")], [], async () => {
        throw new Error("database down");
      }),
    ).rejects.toThrow("database down");
  });
});
